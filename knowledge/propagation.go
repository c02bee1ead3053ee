package knowledge

import "slices"

// Models are the propagation rules. A function's own row wins over its
// package's or receiver type's default ("pkg.*", "(*pkg.T).*"); the order
// of the tables does not matter, and a function has at most one row
// (lineage fails at start-up on a duplicate).
//
// The standard library's rows are split by package family, one file each:
//
//	std_text.go      strings, bytes, strconv, unicode, regexp, paths, html, errors, sort, slices, maps
//	std_fmt.go       fmt
//	std_log.go       log, log/slog
//	std_encoding.go  encoding/* (json, xml, gob, csv, base64, hex, pem, binary, asn1, ...)
//	std_io.go        io, io/fs, io/ioutil, bufio, os, syscall, text/tabwriter
//	std_compress.go  compress/*, archive/*
//	std_crypto.go    hashes, ciphers, crypto/tls
//	std_net.go       net, net/url, net/mail, net/textproto, mime/*
//	std_http.go      net/http, net/http/httputil
//	std_sync.go      sync, sync/atomic, context, container/*
//	std_sql.go       database/sql, database/sql/driver
//	std_runtime.go   time, randomness, flag, runtime, expvar
//	std_template.go  text/template, html/template
//	reflect.go       reflect
//
// Libraries outside the standard library: templates.go (template and
// configuration-language engines), orm.go (mappers' names), protoModels below, and the cloud SDK
// and SaaS client rows (SDKModels, sdk_*.go), which lineage adds to these.
var Models = slices.Concat(
	stdText, stdFmt, stdLog, stdEncoding, stdIO, stdCompress, stdCrypto,
	stdNet, stdHTTP, stdSync, stdSQL, stdRuntime, stdTemplate,
	reflectModels, templateModels, protoModels, telemetryModels, ormModels,
)

// doc is the documentation page of a standard-library row: "io#Copy",
// "bytes#Buffer.Read", "log" (a package default).
func doc(anchor string) string { return "pkg.go.dev/" + anchor }

// protoModels: Protocol Buffers serialise whole messages.
var protoModels = []Model{
	{Func: "google.golang.org/protobuf/proto.Marshal", Flows: "0w->r", Source: "pkg.go.dev/google.golang.org/protobuf/proto#Marshal"},
	{Func: "(google.golang.org/protobuf/proto.MarshalOptions).Marshal", Flows: "1w->r", Source: "pkg.go.dev/google.golang.org/protobuf/proto#MarshalOptions.Marshal"},
	{Func: "google.golang.org/protobuf/encoding/protojson.Marshal", Flows: "0w->r", Source: "pkg.go.dev/google.golang.org/protobuf/encoding/protojson#Marshal"},
	{Func: "google.golang.org/protobuf/proto.Unmarshal", Flows: "0->1", Source: "pkg.go.dev/google.golang.org/protobuf/proto#Unmarshal"},
}
