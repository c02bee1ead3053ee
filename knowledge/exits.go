package knowledge

import "slices"

// Exits are the built-in exits (README.md#exits-and-endpoints), and the
// mappers' (orm.go).
var Exits = slices.Concat(builtinExits, ormExits)

var builtinExits = []ExitModel{
	{Func: "net/http.Get", Kind: ExitHTTP, Data: "0", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#Get"},
	{Func: "net/http.Head", Kind: ExitHTTP, Data: "0", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#Head"},
	{Func: "net/http.Post", Kind: ExitHTTP, Data: "0,2", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#Post"},
	{Func: "net/http.PostForm", Kind: ExitHTTP, Data: "0,1", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#PostForm"},
	{Func: "(*net/http.Client).Get", Kind: ExitHTTP, Data: "1", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.Get"},
	{Func: "(*net/http.Client).Head", Kind: ExitHTTP, Data: "1", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.Head"},
	{Func: "(*net/http.Client).Post", Kind: ExitHTTP, Data: "1,3", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.Post"},
	{Func: "(*net/http.Client).PostForm", Kind: ExitHTTP, Data: "1,2", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.PostForm"},
	{Func: "(*net/http.Client).Do", Kind: ExitHTTP, Data: "1", Endpoint: "obj:1", Source: "pkg.go.dev/net/http#Client.Do"},
	{Func: "(*net/http.Transport).RoundTrip", Kind: ExitHTTP, Data: "1", Endpoint: "obj:1", Source: "pkg.go.dev/net/http#Transport.RoundTrip"},
	{Func: "(net/http.RoundTripper).RoundTrip", Kind: ExitHTTP, Data: "1", Endpoint: "obj:1", Source: "pkg.go.dev/net/http#RoundTripper"},

	{Func: "net/smtp.SendMail", Kind: ExitSMTP, Data: "2,3,4", Endpoint: "arg:0", Source: "pkg.go.dev/net/smtp#SendMail"},
	{Func: "(*net/smtp.Client).Mail", Kind: ExitSMTP, Data: "1", Endpoint: "obj:0", Source: "pkg.go.dev/net/smtp#Client.Mail"},
	{Func: "(*net/smtp.Client).Rcpt", Kind: ExitSMTP, Data: "1", Endpoint: "obj:0", Source: "pkg.go.dev/net/smtp#Client.Rcpt"},

	{Func: "(*database/sql.DB).Exec", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.Exec"},
	{Func: "(*database/sql.DB).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.ExecContext"},
	{Func: "(*database/sql.DB).Query", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.Query"},
	{Func: "(*database/sql.DB).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.QueryContext"},
	{Func: "(*database/sql.DB).QueryRow", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.QueryRow"},
	{Func: "(*database/sql.DB).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.QueryRowContext"},
	{Func: "(*database/sql.Tx).Exec", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.Exec"},
	{Func: "(*database/sql.Tx).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.ExecContext"},
	{Func: "(*database/sql.Tx).Query", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.Query"},
	{Func: "(*database/sql.Tx).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.QueryContext"},
	{Func: "(*database/sql.Tx).QueryRow", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.QueryRow"},
	{Func: "(*database/sql.Tx).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.QueryRowContext"},
	{Func: "(*database/sql.Stmt).Exec", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.Exec"},
	{Func: "(*database/sql.Stmt).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.ExecContext"},
	{Func: "(*database/sql.Stmt).Query", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.Query"},
	{Func: "(*database/sql.Stmt).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.QueryContext"},
	{Func: "(*database/sql.Stmt).QueryRow", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.QueryRow"},
	{Func: "(*database/sql.Stmt).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.QueryRowContext"},
	{Func: "(*database/sql.Conn).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Conn.ExecContext"},
	{Func: "(*database/sql.Conn).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Conn.QueryContext"},
	{Func: "(*database/sql.Conn).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Conn.QueryRowContext"},

	{Func: "(*google.golang.org/grpc.ClientConn).Invoke", Kind: ExitGRPC, Data: "3", Endpoint: "obj:0", Source: srcGRPC + "#ClientConn.Invoke"},
	{Func: "(google.golang.org/grpc.ClientConnInterface).Invoke", Kind: ExitGRPC, Data: "3", Endpoint: "obj:0", Source: srcGRPC + "#ClientConnInterface"},
	{Func: "(google.golang.org/grpc.ClientStream).SendMsg", Kind: ExitGRPC, Data: "1", Endpoint: "obj:0", Source: srcGRPC + "#ClientStream"},

	{Func: "(*github.com/gorilla/websocket.Conn).WriteMessage", Kind: "websocket", Data: "2", Endpoint: "obj:0", Source: "pkg.go.dev/github.com/gorilla/websocket#Conn.WriteMessage"},
	{Func: "(*github.com/gorilla/websocket.Conn).WriteJSON", Kind: "websocket", Data: "1w:json", Endpoint: "obj:0", Source: "pkg.go.dev/github.com/gorilla/websocket#Conn.WriteJSON"},
	{Func: "(*nhooyr.io/websocket.Conn).Write", Kind: "websocket", Data: "3", Endpoint: "obj:0", Source: "pkg.go.dev/nhooyr.io/websocket#Conn.Write"},
	{Func: "(*github.com/coder/websocket.Conn).Write", Kind: "websocket", Data: "3", Endpoint: "obj:0", Source: "pkg.go.dev/github.com/coder/websocket#Conn.Write"},
	{Func: "nhooyr.io/websocket/wsjson.Write", Kind: "websocket", Data: "2w:json", Endpoint: "obj:1", Source: "pkg.go.dev/nhooyr.io/websocket/wsjson#Write"},
	{Func: "github.com/coder/websocket/wsjson.Write", Kind: "websocket", Data: "2w:json", Endpoint: "obj:1", Source: "pkg.go.dev/github.com/coder/websocket/wsjson#Write"},
	{Func: "(*github.com/segmentio/kafka-go.Writer).WriteMessages", Kind: "kafka", Data: "2+", Endpoint: "obj:0.Addr", Source: "pkg.go.dev/github.com/segmentio/kafka-go#Writer.WriteMessages"},
}
