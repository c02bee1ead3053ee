package knowledge

// stdCompress: compress/* and archive/*. A compressor or archive writer
// stands for the writer it compresses into (r~0); a decompressor or archive
// reader holds what it reads from (0->r).
var stdCompress = []Model{
	// compress/gzip.
	{Func: "compress/gzip.NewWriter", Flows: "", Alias: "r~0", Source: doc("compress/gzip#NewWriter")},
	{Func: "compress/gzip.NewWriterLevel", Flows: "", Alias: "r0~0", Source: doc("compress/gzip#NewWriterLevel")},
	{Func: "(*compress/gzip.Writer).Write", Flows: "1->0", Source: doc("compress/gzip#Writer.Write")},
	{Func: "(*compress/gzip.Writer).Reset", Flows: "0->1", Source: doc("compress/gzip#Writer.Reset")},
	{Func: "(*compress/gzip.Writer).Close", Flows: "", Source: doc("compress/gzip#Writer.Close")},
	{Func: "(*compress/gzip.Writer).Flush", Flows: "", Source: doc("compress/gzip#Writer.Flush")},
	{Func: "compress/gzip.NewReader", Flows: "0->r", Source: doc("compress/gzip#NewReader")},
	{Func: "(*compress/gzip.Reader).Read", Flows: "0->1", Source: doc("compress/gzip#Reader.Read")},
	{Func: "(*compress/gzip.Reader).Reset", Flows: "1->0", Source: doc("compress/gzip#Reader.Reset")},

	// compress/zlib.
	{Func: "compress/zlib.NewWriter", Flows: "", Alias: "r~0", Source: doc("compress/zlib#NewWriter")},
	{Func: "compress/zlib.NewWriterLevel", Flows: "", Alias: "r0~0", Source: doc("compress/zlib#NewWriterLevel")},
	{Func: "compress/zlib.NewWriterLevelDict", Flows: "", Alias: "r0~0", Source: doc("compress/zlib#NewWriterLevelDict")},
	{Func: "(*compress/zlib.Writer).Write", Flows: "1->0", Source: doc("compress/zlib#Writer.Write")},
	{Func: "(*compress/zlib.Writer).Reset", Flows: "0->1", Source: doc("compress/zlib#Writer.Reset")},
	{Func: "compress/zlib.NewReader", Flows: "0->r", Source: doc("compress/zlib#NewReader")},
	{Func: "compress/zlib.NewReaderDict", Flows: "0->r", Source: doc("compress/zlib#NewReaderDict")},
	{Func: "(compress/zlib.Resetter).Reset", Flows: "1->0", Source: doc("compress/zlib#Resetter.Reset")},

	// compress/flate.
	{Func: "compress/flate.NewWriter", Flows: "", Alias: "r0~0", Source: doc("compress/flate#NewWriter")},
	{Func: "compress/flate.NewWriterDict", Flows: "", Alias: "r0~0", Source: doc("compress/flate#NewWriterDict")},
	{Func: "(*compress/flate.Writer).Write", Flows: "1->0", Source: doc("compress/flate#Writer.Write")},
	{Func: "(*compress/flate.Writer).Reset", Flows: "0->1", Source: doc("compress/flate#Writer.Reset")},
	{Func: "compress/flate.NewReader", Flows: "0->r", Source: doc("compress/flate#NewReader")},
	{Func: "compress/flate.NewReaderDict", Flows: "0->r", Source: doc("compress/flate#NewReaderDict")},
	{Func: "(compress/flate.Resetter).Reset", Flows: "1->0", Source: doc("compress/flate#Resetter.Reset")},

	// compress/lzw and compress/bzip2.
	{Func: "compress/lzw.NewWriter", Flows: "", Alias: "r~0", Source: doc("compress/lzw#NewWriter")},
	{Func: "compress/lzw.NewReader", Flows: "0->r", Source: doc("compress/lzw#NewReader")},
	{Func: "(*compress/lzw.Writer).Write", Flows: "1->0", Source: doc("compress/lzw#Writer.Write")},
	{Func: "(*compress/lzw.Reader).Read", Flows: "0->1", Source: doc("compress/lzw#Reader.Read")},
	{Func: "compress/bzip2.NewReader", Flows: "0->r", Source: doc("compress/bzip2#NewReader")},

	// archive/tar.
	{Func: "archive/tar.NewWriter", Flows: "", Alias: "r~0", Source: doc("archive/tar#NewWriter")},
	{Func: "(*archive/tar.Writer).Write", Flows: "1->0", Source: doc("archive/tar#Writer.Write")},
	{Func: "(*archive/tar.Writer).WriteHeader", Flows: "1->0", Source: doc("archive/tar#Writer.WriteHeader")},
	{Func: "archive/tar.NewReader", Flows: "0->r", Source: doc("archive/tar#NewReader")},
	{Func: "(*archive/tar.Reader).Next", Flows: "0->r", Source: doc("archive/tar#Reader.Next")},
	{Func: "(*archive/tar.Reader).Read", Flows: "0->1", Source: doc("archive/tar#Reader.Read")},
	{Func: "(*archive/tar.Header).FileInfo", Flows: "0->r", Source: doc("archive/tar#Header.FileInfo")},
	{Func: "archive/tar.FileInfoHeader", Flows: "0->r", Source: doc("archive/tar#FileInfoHeader")},

	// archive/zip.
	{Func: "archive/zip.NewWriter", Flows: "", Alias: "r~0", Source: doc("archive/zip#NewWriter")},
	{Func: "(*archive/zip.Writer).Create", Flows: "", Alias: "r0~0", Source: doc("archive/zip#Writer.Create")},
	{Func: "(*archive/zip.Writer).CreateHeader", Flows: "", Alias: "r0~0", Source: doc("archive/zip#Writer.CreateHeader")},
	{Func: "(*archive/zip.Writer).CreateRaw", Flows: "", Alias: "r0~0", Source: doc("archive/zip#Writer.CreateRaw")},
	{Func: "(*archive/zip.Writer).Copy", Flows: "1->0", Source: doc("archive/zip#Writer.Copy")},
	{Func: "archive/zip.NewReader", Flows: "0->r", Source: doc("archive/zip#NewReader")},
	{Func: "archive/zip.OpenReader", Flows: "0->r", Source: doc("archive/zip#OpenReader")},
	{Func: "(*archive/zip.File).Open", Flows: "0->r", Source: doc("archive/zip#File.Open")},
	{Func: "(*archive/zip.File).OpenRaw", Flows: "0->r", Source: doc("archive/zip#File.OpenRaw")},
	{Func: "archive/zip.FileInfoHeader", Flows: "0->r", Source: doc("archive/zip#FileInfoHeader")},
}
