package knowledge

// stdEncoding: encoding/*. Serialisers see whole values (Nw): a value whose
// type holds user-data fields carries them all, but for the fields the
// serialiser skips (Nw:json leaves out json:"-"). Encoders and writers made
// over a writer stand for it (r~N): what is encoded into them is written
// into it. Decoding fills what the destination points to.
var stdEncoding = []Model{
	// The interfaces of package encoding stand for every implementation.
	{Func: "(encoding.BinaryMarshaler).MarshalBinary", Flows: "0->r", Source: doc("encoding#BinaryMarshaler.MarshalBinary")},
	{Func: "(encoding.BinaryUnmarshaler).UnmarshalBinary", Flows: "1->0", Source: doc("encoding#BinaryUnmarshaler.UnmarshalBinary")},
	{Func: "(encoding.TextMarshaler).MarshalText", Flows: "0->r", Source: doc("encoding#TextMarshaler.MarshalText")},
	{Func: "(encoding.TextUnmarshaler).UnmarshalText", Flows: "1->0", Source: doc("encoding#TextUnmarshaler.UnmarshalText")},

	// encoding/json.
	{Func: "encoding/json.Marshal", Flows: "0w:json->r", Source: doc("encoding/json#Marshal")},
	{Func: "encoding/json.MarshalIndent", Flows: "0w:json->r; 1->r; 2->r", Source: doc("encoding/json#MarshalIndent")},
	{Func: "encoding/json.Unmarshal", Flows: "0->1; 1w:json->0", Source: doc("encoding/json#Unmarshal")}, // bytes decoded into a value whose type holds user-data fields are their serialised form
	{Func: "encoding/json.Valid", Flows: "", Source: doc("encoding/json#Valid")},
	{Func: "encoding/json.Compact", Flows: "1->0", Source: doc("encoding/json#Compact")},
	{Func: "encoding/json.HTMLEscape", Flows: "1->0", Source: doc("encoding/json#HTMLEscape")},
	{Func: "encoding/json.Indent", Flows: "1->0; 2->0; 3->0", Source: doc("encoding/json#Indent")},
	{Func: "encoding/json.NewEncoder", Flows: "", Alias: "r~0", Source: doc("encoding/json#NewEncoder")},
	{Func: "(*encoding/json.Encoder).Encode", Flows: "1w:json->0", Source: doc("encoding/json#Encoder.Encode")},
	{Func: "(*encoding/json.Encoder).SetIndent", Flows: "1->0; 2->0", Source: doc("encoding/json#Encoder.SetIndent")},
	{Func: "(*encoding/json.Encoder).SetEscapeHTML", Flows: "", Source: doc("encoding/json#Encoder.SetEscapeHTML")},
	{Func: "encoding/json.NewDecoder", Flows: "0->r", Source: doc("encoding/json#NewDecoder")},
	{Func: "(*encoding/json.Decoder).Decode", Flows: "0->1", Source: doc("encoding/json#Decoder.Decode")},
	{Func: "(*encoding/json.Decoder).Token", Flows: "0->r", Source: doc("encoding/json#Decoder.Token")},
	{Func: "(*encoding/json.Decoder).Buffered", Flows: "0->r", Source: doc("encoding/json#Decoder.Buffered")},
	{Func: "(*encoding/json.Decoder).More", Flows: "", Source: doc("encoding/json#Decoder.More")},
	{Func: "(*encoding/json.Decoder).UseNumber", Flows: "", Source: doc("encoding/json#Decoder.UseNumber")},
	{Func: "(*encoding/json.Decoder).DisallowUnknownFields", Flows: "", Source: doc("encoding/json#Decoder.DisallowUnknownFields")},
	{Func: "(encoding/json.Marshaler).MarshalJSON", Flows: "0->r", Source: doc("encoding/json#Marshaler.MarshalJSON")},
	{Func: "(encoding/json.Unmarshaler).UnmarshalJSON", Flows: "1->0", Source: doc("encoding/json#Unmarshaler.UnmarshalJSON")},
	{Func: "(encoding/json.RawMessage).MarshalJSON", Flows: "0->r", Source: doc("encoding/json#RawMessage.MarshalJSON")},
	{Func: "(*encoding/json.RawMessage).UnmarshalJSON", Flows: "1->0", Source: doc("encoding/json#RawMessage.UnmarshalJSON")},

	// encoding/xml.
	{Func: "encoding/xml.Marshal", Flows: "0w:xml->r", Source: doc("encoding/xml#Marshal")},
	{Func: "encoding/xml.MarshalIndent", Flows: "0w:xml->r; 1->r; 2->r", Source: doc("encoding/xml#MarshalIndent")},
	{Func: "encoding/xml.Unmarshal", Flows: "0->1; 1w:xml->0", Source: doc("encoding/xml#Unmarshal")}, // as json.Unmarshal
	{Func: "encoding/xml.Escape", Flows: "1->0", Source: doc("encoding/xml#Escape")},
	{Func: "encoding/xml.EscapeText", Flows: "1->0", Source: doc("encoding/xml#EscapeText")},
	{Func: "encoding/xml.CopyToken", Flows: "0->r", Source: doc("encoding/xml#CopyToken")},
	{Func: "encoding/xml.NewEncoder", Flows: "", Alias: "r~0", Source: doc("encoding/xml#NewEncoder")},
	{Func: "(*encoding/xml.Encoder).Encode", Flows: "1w:xml->0", Source: doc("encoding/xml#Encoder.Encode")},
	{Func: "(*encoding/xml.Encoder).EncodeElement", Flows: "1w:xml->0", Source: doc("encoding/xml#Encoder.EncodeElement")},
	{Func: "(*encoding/xml.Encoder).EncodeToken", Flows: "1->0", Source: doc("encoding/xml#Encoder.EncodeToken")},
	{Func: "(*encoding/xml.Encoder).Indent", Flows: "1->0; 2->0", Source: doc("encoding/xml#Encoder.Indent")},
	{Func: "encoding/xml.NewDecoder", Flows: "0->r", Source: doc("encoding/xml#NewDecoder")},
	{Func: "encoding/xml.NewTokenDecoder", Flows: "0->r", Source: doc("encoding/xml#NewTokenDecoder")},
	{Func: "(*encoding/xml.Decoder).Decode", Flows: "0->1", Source: doc("encoding/xml#Decoder.Decode")},
	{Func: "(*encoding/xml.Decoder).DecodeElement", Flows: "0->1", Source: doc("encoding/xml#Decoder.DecodeElement")},
	{Func: "(*encoding/xml.Decoder).Token", Flows: "0->r", Source: doc("encoding/xml#Decoder.Token")},
	{Func: "(*encoding/xml.Decoder).RawToken", Flows: "0->r", Source: doc("encoding/xml#Decoder.RawToken")},
	{Func: "(encoding/xml.TokenReader).Token", Flows: "0->r", Source: doc("encoding/xml#TokenReader.Token")},
	{Func: "(encoding/xml.Marshaler).MarshalXML", Flows: "0->1", Source: doc("encoding/xml#Marshaler.MarshalXML")},
	{Func: "(encoding/xml.Unmarshaler).UnmarshalXML", Flows: "1->0", Source: doc("encoding/xml#Unmarshaler.UnmarshalXML")},
	{Func: "(encoding/xml.CharData).Copy", Flows: "0->r", Source: doc("encoding/xml#CharData.Copy")},
	{Func: "(encoding/xml.Comment).Copy", Flows: "0->r", Source: doc("encoding/xml#Comment.Copy")},
	{Func: "(encoding/xml.Directive).Copy", Flows: "0->r", Source: doc("encoding/xml#Directive.Copy")},
	{Func: "(encoding/xml.ProcInst).Copy", Flows: "0->r", Source: doc("encoding/xml#ProcInst.Copy")},
	{Func: "(encoding/xml.StartElement).Copy", Flows: "0->r", Source: doc("encoding/xml#StartElement.Copy")},

	// encoding/gob.
	{Func: "encoding/gob.NewEncoder", Flows: "", Alias: "r~0", Source: doc("encoding/gob#NewEncoder")},
	{Func: "(*encoding/gob.Encoder).Encode", Flows: "1w->0", Source: doc("encoding/gob#Encoder.Encode")},
	{Func: "(*encoding/gob.Encoder).EncodeValue", Flows: "1->0", Source: doc("encoding/gob#Encoder.EncodeValue")},
	{Func: "encoding/gob.NewDecoder", Flows: "0->r", Source: doc("encoding/gob#NewDecoder")},
	{Func: "(*encoding/gob.Decoder).Decode", Flows: "0->1", Source: doc("encoding/gob#Decoder.Decode")},
	{Func: "(*encoding/gob.Decoder).DecodeValue", Flows: "0->1", Source: doc("encoding/gob#Decoder.DecodeValue")},
	{Func: "(encoding/gob.GobEncoder).GobEncode", Flows: "0->r", Source: doc("encoding/gob#GobEncoder.GobEncode")},
	{Func: "(encoding/gob.GobDecoder).GobDecode", Flows: "1->0", Source: doc("encoding/gob#GobDecoder.GobDecode")},

	// encoding/csv.
	{Func: "encoding/csv.NewWriter", Flows: "", Alias: "r~0", Source: doc("encoding/csv#NewWriter")},
	{Func: "(*encoding/csv.Writer).Write", Flows: "1->0", Source: doc("encoding/csv#Writer.Write")},
	{Func: "(*encoding/csv.Writer).WriteAll", Flows: "1->0", Source: doc("encoding/csv#Writer.WriteAll")},
	{Func: "encoding/csv.NewReader", Flows: "0->r", Source: doc("encoding/csv#NewReader")},
	{Func: "(*encoding/csv.Reader).Read", Flows: "0->r", Source: doc("encoding/csv#Reader.Read")},
	{Func: "(*encoding/csv.Reader).ReadAll", Flows: "0->r", Source: doc("encoding/csv#Reader.ReadAll")},

	// Text encodings: the encoded or decoded bytes are the input's data
	// (EncodeToString, Decode into dst, an encoder over a writer).
	{Func: "encoding/base64.NewEncoder", Flows: "", Alias: "r~1", Source: doc("encoding/base64#NewEncoder")},
	{Func: "encoding/base64.NewDecoder", Flows: "1->r", Source: doc("encoding/base64#NewDecoder")},
	{Func: "(*encoding/base64.Encoding).EncodeToString", Flows: "1->r", Source: doc("encoding/base64#Encoding.EncodeToString")},
	{Func: "(*encoding/base64.Encoding).DecodeString", Flows: "1->r", Source: doc("encoding/base64#Encoding.DecodeString")},
	{Func: "(*encoding/base64.Encoding).Encode", Flows: "2->1", Source: doc("encoding/base64#Encoding.Encode")},
	{Func: "(*encoding/base64.Encoding).Decode", Flows: "2->1", Source: doc("encoding/base64#Encoding.Decode")},
	{Func: "(*encoding/base64.Encoding).AppendEncode", Flows: "1->r; 2->r", Source: doc("encoding/base64#Encoding.AppendEncode")},
	{Func: "(*encoding/base64.Encoding).AppendDecode", Flows: "1->r; 2->r", Source: doc("encoding/base64#Encoding.AppendDecode")},
	{Func: "encoding/base32.NewEncoder", Flows: "", Alias: "r~1", Source: doc("encoding/base32#NewEncoder")},
	{Func: "encoding/base32.NewDecoder", Flows: "1->r", Source: doc("encoding/base32#NewDecoder")},
	{Func: "(*encoding/base32.Encoding).EncodeToString", Flows: "1->r", Source: doc("encoding/base32#Encoding.EncodeToString")},
	{Func: "(*encoding/base32.Encoding).DecodeString", Flows: "1->r", Source: doc("encoding/base32#Encoding.DecodeString")},
	{Func: "(*encoding/base32.Encoding).Encode", Flows: "2->1", Source: doc("encoding/base32#Encoding.Encode")},
	{Func: "(*encoding/base32.Encoding).Decode", Flows: "2->1", Source: doc("encoding/base32#Encoding.Decode")},
	{Func: "encoding/hex.*", Flows: "*->r", Source: doc("encoding/hex")}, // EncodeToString, DecodeString, Dump, NewDecoder ...
	{Func: "encoding/hex.Encode", Flows: "1->0", Source: doc("encoding/hex#Encode")},
	{Func: "encoding/hex.Decode", Flows: "1->0", Source: doc("encoding/hex#Decode")},
	{Func: "encoding/hex.NewEncoder", Flows: "", Alias: "r~0", Source: doc("encoding/hex#NewEncoder")},
	{Func: "encoding/hex.Dumper", Flows: "", Alias: "r~0", Source: doc("encoding/hex#Dumper")},
	{Func: "encoding/ascii85.Encode", Flows: "1->0", Source: doc("encoding/ascii85#Encode")},
	{Func: "encoding/ascii85.Decode", Flows: "1->0", Source: doc("encoding/ascii85#Decode")},
	{Func: "encoding/ascii85.NewEncoder", Flows: "", Alias: "r~0", Source: doc("encoding/ascii85#NewEncoder")},
	{Func: "encoding/ascii85.NewDecoder", Flows: "0->r", Source: doc("encoding/ascii85#NewDecoder")},
	{Func: "encoding/pem.Encode", Flows: "1w->0", Source: doc("encoding/pem#Encode")},
	{Func: "encoding/pem.EncodeToMemory", Flows: "0w->r", Source: doc("encoding/pem#EncodeToMemory")},
	{Func: "encoding/pem.Decode", Flows: "0->r", Source: doc("encoding/pem#Decode")},

	// Binary encodings.
	{Func: "encoding/binary.*", Flows: "*->r", Source: doc("encoding/binary")}, // AppendUvarint, Uvarint, ...
	{Func: "encoding/binary.Read", Flows: "0->2", Source: doc("encoding/binary#Read")},
	{Func: "encoding/binary.Write", Flows: "2w->0", Source: doc("encoding/binary#Write")},
	{Func: "encoding/asn1.Marshal", Flows: "0w->r", Source: doc("encoding/asn1#Marshal")},
	{Func: "encoding/asn1.MarshalWithParams", Flows: "0w->r; 1->r", Source: doc("encoding/asn1#MarshalWithParams")},
	{Func: "encoding/asn1.Unmarshal", Flows: "0->1; 0->r", Source: doc("encoding/asn1#Unmarshal")},
	{Func: "encoding/asn1.UnmarshalWithParams", Flows: "0->1; 0->r; 2->1; 2->r", Source: doc("encoding/asn1#UnmarshalWithParams")},
}
