package knowledge

// stdIO: io, io/fs, io/ioutil, bufio, os, syscall and text/tabwriter.
// Writers made over a writer stand for it (r~N): writing into a bufio.Writer
// over a connection is writing into the connection. Readers made over a
// reader hold its data (N->r); reading fills the buffer given (0->1).
var stdIO = []Model{
	// The standard library's small interfaces speak for every implementation:
	// a call through them is not resolved to every type in sight that has a
	// method of that name (resp.Body.Close() is not a call of some websocket
	// session's Close).
	{Func: "(io.Reader).Read", Flows: "0->1", Source: doc("io#Reader.Read")},
	{Func: "(io.Writer).Write", Flows: "1->0", Source: doc("io#Writer.Write")},
	{Func: "(io.StringWriter).WriteString", Flows: "1->0", Source: doc("io#StringWriter.WriteString")},
	{Func: "(io.Closer).Close", Flows: "", Source: doc("io#Closer.Close")},
	{Func: "(io.Seeker).Seek", Flows: "", Source: doc("io#Seeker.Seek")},
	{Func: "(io.ByteWriter).WriteByte", Flows: "1->0", Source: doc("io#ByteWriter.WriteByte")},
	{Func: "(io.ByteReader).ReadByte", Flows: "0->r", Source: doc("io#ByteReader.ReadByte")},
	{Func: "(io.RuneReader).ReadRune", Flows: "0->r0", Source: doc("io#RuneReader.ReadRune")},
	{Func: "(io.ReaderFrom).ReadFrom", Flows: "1->0", Source: doc("io#ReaderFrom.ReadFrom")},
	{Func: "(io.WriterTo).WriteTo", Flows: "0->1", Source: doc("io#WriterTo.WriteTo")},
	{Func: "(io.ReaderAt).ReadAt", Flows: "0->1", Source: doc("io#ReaderAt.ReadAt")},
	{Func: "(io.WriterAt).WriteAt", Flows: "1->0", Source: doc("io#WriterAt.WriteAt")},

	// Copying, reading in full, and readers and writers made over others.
	{Func: "io.Copy", Flows: "1->0", Source: doc("io#Copy")},
	{Func: "io.CopyN", Flows: "1->0", Source: doc("io#CopyN")},
	{Func: "io.CopyBuffer", Flows: "1->0", Source: doc("io#CopyBuffer")},
	{Func: "io.WriteString", Flows: "1->0", Source: doc("io#WriteString")},
	{Func: "io.ReadAll", Flows: "0->r", Source: doc("io#ReadAll")},
	{Func: "io.ReadFull", Flows: "0->1", Source: doc("io#ReadFull")},
	{Func: "io.ReadAtLeast", Flows: "0->1", Source: doc("io#ReadAtLeast")},
	{Func: "io.MultiReader", Flows: "0->r", Source: doc("io#MultiReader")},
	{Func: "io.MultiWriter", Flows: "", Alias: "r~0", Source: doc("io#MultiWriter")}, // writing into the result writes into each writer
	{Func: "io.TeeReader", Flows: "0->r; 0->1", Source: doc("io#TeeReader")},
	{Func: "io.NopCloser", Flows: "0->r", Source: doc("io#NopCloser")},
	{Func: "io.LimitReader", Flows: "0->r", Source: doc("io#LimitReader")},
	{Func: "io.NewSectionReader", Flows: "0->r", Source: doc("io#NewSectionReader")},
	{Func: "io.NewOffsetWriter", Flows: "", Alias: "r~0", Source: doc("io#NewOffsetWriter")},
	{Func: "io.Pipe", Flows: "", Alias: "r0~r1", Source: doc("io#Pipe")},
	{Func: "(*io.PipeWriter).Write", Flows: "1->0", Source: doc("io#PipeWriter.Write")},
	{Func: "(*io.PipeReader).Read", Flows: "0->1", Source: doc("io#PipeReader.Read")},
	{Func: "(*io.LimitedReader).Read", Flows: "0->1", Source: doc("io#LimitedReader.Read")},
	{Func: "(*io.SectionReader).Read", Flows: "0->1", Source: doc("io#SectionReader.Read")},
	{Func: "(*io.SectionReader).ReadAt", Flows: "0->1", Source: doc("io#SectionReader.ReadAt")},
	{Func: "io/ioutil.ReadAll", Flows: "0->r", Source: doc("io/ioutil#ReadAll")},
	{Func: "io/ioutil.NopCloser", Flows: "0->r", Source: doc("io/ioutil#NopCloser")},

	// io/fs: what a file system holds comes out of it.
	{Func: "io/fs.ReadFile", Flows: "0->r", Source: doc("io/fs#ReadFile")},
	{Func: "io/fs.ReadDir", Flows: "0->r", Source: doc("io/fs#ReadDir")},
	{Func: "io/fs.Glob", Flows: "0->r", Source: doc("io/fs#Glob")},
	{Func: "io/fs.Sub", Flows: "0->r", Source: doc("io/fs#Sub")},
	{Func: "io/fs.Stat", Flows: "0->r", Source: doc("io/fs#Stat")},
	{Func: "io/fs.FileInfoToDirEntry", Flows: "0->r", Source: doc("io/fs#FileInfoToDirEntry")},
	{Func: "io/fs.WalkDir", Flows: "0->2(0); 0->2(1); 1->2(0)", Source: doc("io/fs#WalkDir")}, // the walk hands each path and entry to its callback
	{Func: "(io/fs.FS).Open", Flows: "0->r", Source: doc("io/fs#FS.Open")},
	{Func: "(io/fs.ReadFileFS).ReadFile", Flows: "0->r", Source: doc("io/fs#ReadFileFS.ReadFile")},
	{Func: "(io/fs.ReadDirFS).ReadDir", Flows: "0->r", Source: doc("io/fs#ReadDirFS.ReadDir")},
	{Func: "(io/fs.GlobFS).Glob", Flows: "0->r", Source: doc("io/fs#GlobFS.Glob")},
	{Func: "(io/fs.SubFS).Sub", Flows: "0->r", Source: doc("io/fs#SubFS.Sub")},
	{Func: "(io/fs.StatFS).Stat", Flows: "0->r", Source: doc("io/fs#StatFS.Stat")},
	{Func: "(io/fs.File).Read", Flows: "0->1", Source: doc("io/fs#File.Read")},
	{Func: "(io/fs.File).Stat", Flows: "0->r", Source: doc("io/fs#File.Stat")},
	{Func: "(io/fs.File).Close", Flows: "", Source: doc("io/fs#File.Close")},
	{Func: "(io/fs.DirEntry).Name", Flows: "0->r", Source: doc("io/fs#DirEntry.Name")},
	{Func: "(io/fs.DirEntry).Info", Flows: "0->r", Source: doc("io/fs#DirEntry.Info")},
	{Func: "(io/fs.FileInfo).Name", Flows: "0->r", Source: doc("io/fs#FileInfo.Name")},

	// bufio.
	{Func: "bufio.NewWriter", Flows: "", Alias: "r~0", Source: doc("bufio#NewWriter")},
	{Func: "bufio.NewWriterSize", Flows: "", Alias: "r~0", Source: doc("bufio#NewWriterSize")},
	{Func: "bufio.NewReader", Flows: "0->r", Source: doc("bufio#NewReader")},
	{Func: "bufio.NewReaderSize", Flows: "0->r", Source: doc("bufio#NewReaderSize")},
	{Func: "bufio.NewReadWriter", Flows: "0->r", Alias: "r~1", Source: doc("bufio#NewReadWriter")}, // reads come from the reader, writes go into the writer
	{Func: "bufio.NewScanner", Flows: "0->r", Source: doc("bufio#NewScanner")},
	{Func: "bufio.ScanBytes", Flows: "0->r", Source: doc("bufio#ScanBytes")},
	{Func: "bufio.ScanLines", Flows: "0->r", Source: doc("bufio#ScanLines")},
	{Func: "bufio.ScanRunes", Flows: "0->r", Source: doc("bufio#ScanRunes")},
	{Func: "bufio.ScanWords", Flows: "0->r", Source: doc("bufio#ScanWords")},
	{Func: "(*bufio.Writer).Write", Flows: "1->0", Source: doc("bufio#Writer.Write")},
	{Func: "(*bufio.Writer).WriteString", Flows: "1->0", Source: doc("bufio#Writer.WriteString")},
	{Func: "(*bufio.Writer).WriteByte", Flows: "1->0", Source: doc("bufio#Writer.WriteByte")},
	{Func: "(*bufio.Writer).WriteRune", Flows: "1->0", Source: doc("bufio#Writer.WriteRune")},
	{Func: "(*bufio.Writer).ReadFrom", Flows: "1->0", Source: doc("bufio#Writer.ReadFrom")},
	{Func: "(*bufio.Writer).Reset", Flows: "0->1", Source: doc("bufio#Writer.Reset")},
	{Func: "(*bufio.Writer).Flush", Flows: "", Source: doc("bufio#Writer.Flush")}, // not an exit of its own (README.md#exits-and-endpoints)
	{Func: "(*bufio.Reader).Read", Flows: "0->1", Source: doc("bufio#Reader.Read")},
	{Func: "(*bufio.Reader).ReadByte", Flows: "0->r", Source: doc("bufio#Reader.ReadByte")},
	{Func: "(*bufio.Reader).ReadRune", Flows: "0->r0", Source: doc("bufio#Reader.ReadRune")},
	{Func: "(*bufio.Reader).ReadBytes", Flows: "0->r", Source: doc("bufio#Reader.ReadBytes")},
	{Func: "(*bufio.Reader).ReadLine", Flows: "0->r0", Source: doc("bufio#Reader.ReadLine")},
	{Func: "(*bufio.Reader).ReadSlice", Flows: "0->r", Source: doc("bufio#Reader.ReadSlice")},
	{Func: "(*bufio.Reader).ReadString", Flows: "0->r", Source: doc("bufio#Reader.ReadString")},
	{Func: "(*bufio.Reader).Peek", Flows: "0->r", Source: doc("bufio#Reader.Peek")},
	{Func: "(*bufio.Reader).Reset", Flows: "1->0", Source: doc("bufio#Reader.Reset")},
	{Func: "(*bufio.Reader).WriteTo", Flows: "0->1", Source: doc("bufio#Reader.WriteTo")},
	{Func: "(*bufio.Scanner).Text", Flows: "0->r", Source: doc("bufio#Scanner.Text")},
	{Func: "(*bufio.Scanner).Bytes", Flows: "0->r", Source: doc("bufio#Scanner.Bytes")},

	// os: files are read and written like any reader and writer. The
	// environment, the process and its arguments hold no user data of a tagged
	// field.
	{Func: "os.Getenv", Flows: "", Source: doc("os#Getenv")},
	{Func: "os.LookupEnv", Flows: "", Source: doc("os#LookupEnv")},
	{Func: "os.Expand", Flows: "0->r", Source: doc("os#Expand")},
	{Func: "os.ExpandEnv", Flows: "0->r", Source: doc("os#ExpandEnv")},
	{Func: "os.Exit", Flows: "", Source: doc("os#Exit")},
	{Func: "os.NewFile", Flows: "0->r", Source: doc("os#NewFile")},
	{Func: "os.Pipe", Flows: "", Alias: "r0~r1", Source: doc("os#Pipe")},
	{Func: "(*os.File).Read", Flows: "0->1", Source: doc("os#File.Read")},
	{Func: "(*os.File).ReadAt", Flows: "0->1", Source: doc("os#File.ReadAt")},
	{Func: "(*os.File).ReadFrom", Flows: "1->0", Source: doc("os#File.ReadFrom")},
	{Func: "(*os.File).Write", Flows: "1->0", Source: doc("os#File.Write")},
	{Func: "(*os.File).WriteAt", Flows: "1->0", Source: doc("os#File.WriteAt")},
	{Func: "(*os.File).WriteString", Flows: "1->0", Source: doc("os#File.WriteString")},
	{Func: "(*os.File).WriteTo", Flows: "0->1", Source: doc("os#File.WriteTo")},
	{Func: "(*os.File).Fd", Flows: "0->r", Source: doc("os#File.Fd")},
	{Func: "(*os.File).SyscallConn", Flows: "0->r", Alias: "r0~0", Source: doc("os#File.SyscallConn")},
	{Func: "(*os.File).Close", Flows: "", Source: doc("os#File.Close")},

	// syscall: raw connections are the connection they were taken from (r0~0);
	// byte conversions keep the data.
	{Func: "(syscall.Conn).SyscallConn", Flows: "0->r", Alias: "r0~0", Source: doc("syscall#Conn.SyscallConn")},
	{Func: "(syscall.RawConn).Read", Flows: "0->1", Source: doc("syscall#RawConn.Read")},
	{Func: "(syscall.RawConn).Write", Flows: "1->0", Source: doc("syscall#RawConn.Write")},
	{Func: "syscall.BytePtrFromString", Flows: "0->r", Source: doc("syscall#BytePtrFromString")},
	{Func: "syscall.ByteSliceFromString", Flows: "0->r", Source: doc("syscall#ByteSliceFromString")},
	{Func: "syscall.StringBytePtr", Flows: "0->r", Source: doc("syscall#StringBytePtr")},
	{Func: "syscall.StringByteSlice", Flows: "0->r", Source: doc("syscall#StringByteSlice")},
	{Func: "syscall.StringSlicePtr", Flows: "0->r", Source: doc("syscall#StringSlicePtr")},

	// text/tabwriter: a writer over a writer.
	{Func: "text/tabwriter.NewWriter", Flows: "", Alias: "r~0", Source: doc("text/tabwriter#NewWriter")},
	{Func: "(*text/tabwriter.Writer).Init", Flows: "0->1", Alias: "r~1", Source: doc("text/tabwriter#Writer.Init")},
	{Func: "(*text/tabwriter.Writer).Write", Flows: "1->0", Source: doc("text/tabwriter#Writer.Write")},
	{Func: "(*text/tabwriter.Writer).Flush", Flows: "", Source: doc("text/tabwriter#Writer.Flush")},
}
