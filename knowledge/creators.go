package knowledge

import "slices"

// Creators are calls whose results remember their endpoint, with the
// mappers' (orm.go).
var Creators = slices.Concat(builtinCreators, sqlxCreators)

var builtinCreators = []CreatorModel{
	{Func: "net/http.NewRequest", Kind: ExitHTTP, Endpoint: "arg:1", Source: "pkg.go.dev/net/http#NewRequest"},
	{Func: "net/http.NewRequestWithContext", Kind: ExitHTTP, Endpoint: "arg:2", Source: "pkg.go.dev/net/http#NewRequestWithContext"},
	{Func: "(*net/http.Request).WithContext", Kind: ExitHTTP, Endpoint: "~0", Source: "pkg.go.dev/net/http#Request.WithContext"},
	{Func: "(*net/http.Request).Clone", Kind: ExitHTTP, Endpoint: "~0", Source: "pkg.go.dev/net/http#Request.Clone"},

	{Func: "net.Dial", Kind: ExitNet, Endpoint: "arg:1", Conn: true, Source: "pkg.go.dev/net#Dial"},
	{Func: "net.DialTimeout", Kind: ExitNet, Endpoint: "arg:1", Conn: true, Source: "pkg.go.dev/net#DialTimeout"},
	{Func: "net.DialTCP", Kind: ExitNet, Endpoint: "~2", Conn: true, Source: "pkg.go.dev/net#DialTCP"},
	{Func: "net.DialUDP", Kind: ExitNet, Endpoint: "~2", Conn: true, Source: "pkg.go.dev/net#DialUDP"},
	{Func: "net.ResolveTCPAddr", Kind: ExitNet, Endpoint: "arg:1", Source: "pkg.go.dev/net#ResolveTCPAddr"},
	{Func: "net.ResolveUDPAddr", Kind: ExitNet, Endpoint: "arg:1", Source: "pkg.go.dev/net#ResolveUDPAddr"},
	{Func: "(*net.Dialer).Dial", Kind: ExitNet, Endpoint: "arg:2", Conn: true, Source: "pkg.go.dev/net#Dialer.Dial"},
	{Func: "(*net.Dialer).DialContext", Kind: ExitNet, Endpoint: "arg:3", Conn: true, Source: "pkg.go.dev/net#Dialer.DialContext"},
	{Func: "crypto/tls.Dial", Kind: ExitNet, Endpoint: "arg:1", Conn: true, Source: "pkg.go.dev/crypto/tls#Dial"},
	{Func: "crypto/tls.DialWithDialer", Kind: ExitNet, Endpoint: "arg:2", Conn: true, Source: "pkg.go.dev/crypto/tls#DialWithDialer"},
	{Func: "(*crypto/tls.Dialer).Dial", Kind: ExitNet, Endpoint: "arg:2", Conn: true, Source: "pkg.go.dev/crypto/tls#Dialer.Dial"},
	{Func: "(*crypto/tls.Dialer).DialContext", Kind: ExitNet, Endpoint: "arg:3", Conn: true, Source: "pkg.go.dev/crypto/tls#Dialer.DialContext"},
	{Func: "crypto/tls.Client", Kind: ExitNet, Endpoint: "~0", Conn: true, Source: "pkg.go.dev/crypto/tls#Client"},

	{Func: "net/smtp.Dial", Kind: ExitSMTP, Endpoint: "arg:0", Source: "pkg.go.dev/net/smtp#Dial"},
	{Func: "net/smtp.NewClient", Kind: ExitSMTP, Endpoint: "~0", Source: "pkg.go.dev/net/smtp#NewClient"},
	{Func: "(*net/smtp.Client).Data", Kind: ExitSMTP, Endpoint: "~0", Conn: true, Source: "pkg.go.dev/net/smtp#Client.Data"},

	{Func: "database/sql.Open", Kind: ExitSQL, Endpoint: "arg:1", Source: "pkg.go.dev/database/sql#Open"},
	{Func: "(*database/sql.DB).Prepare", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.Prepare"},
	{Func: "(*database/sql.DB).PrepareContext", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.PrepareContext"},
	{Func: "(*database/sql.DB).Begin", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.Begin"},
	{Func: "(*database/sql.DB).BeginTx", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.BeginTx"},
	{Func: "(*database/sql.DB).Conn", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.Conn"},
	{Func: "(*database/sql.Tx).Prepare", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#Tx.Prepare"},
	{Func: "(*database/sql.Tx).PrepareContext", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#Tx.PrepareContext"},
	{Func: "(*database/sql.Tx).Stmt", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#Tx.Stmt"},

	{Func: "google.golang.org/grpc.NewClient", Kind: ExitGRPC, Endpoint: "arg:0", Source: srcGRPC + "#NewClient"},
	{Func: "google.golang.org/grpc.Dial", Kind: ExitGRPC, Endpoint: "arg:0", Source: srcGRPC + "#Dial"},
	{Func: "google.golang.org/grpc.DialContext", Kind: ExitGRPC, Endpoint: "arg:1", Source: srcGRPC + "#DialContext"},
	{Func: "(*google.golang.org/grpc.ClientConn).NewStream", Kind: ExitGRPC, Endpoint: "~0", Conn: true, Source: srcGRPC + "#ClientConn.NewStream"},

	{Func: "(*github.com/gorilla/websocket.Dialer).Dial", Kind: "websocket", Endpoint: "arg:1", Source: "pkg.go.dev/github.com/gorilla/websocket#Dialer.Dial"},
	{Func: "(*github.com/gorilla/websocket.Dialer).DialContext", Kind: "websocket", Endpoint: "arg:2", Source: "pkg.go.dev/github.com/gorilla/websocket#Dialer.DialContext"},
	{Func: "nhooyr.io/websocket.Dial", Kind: "websocket", Endpoint: "arg:1", Source: "pkg.go.dev/nhooyr.io/websocket#Dial"},
	{Func: "github.com/coder/websocket.Dial", Kind: "websocket", Endpoint: "arg:1", Source: "pkg.go.dev/github.com/coder/websocket#Dial"},
	{Func: "github.com/segmentio/kafka-go.TCP", Kind: "kafka", Endpoint: "arg:0", Source: "pkg.go.dev/github.com/segmentio/kafka-go#TCP"},
}
