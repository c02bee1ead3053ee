// Package writers checks that user data written into buffers, encoders and
// wrapping writers reaches what reads or sends them, and that writing into
// a connection is an exit.
package writers

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"strings"
)

const us = "https://api.mixpanel.com/track"

type User struct {
	Email string `json:"email" userdata:"contact"`
	Pass  string `json:"-" userdata:"secret"`
}

func buffer(u *User) {
	var buf bytes.Buffer
	buf.WriteString(u.Email)
	http.Post(us, "text/plain", &buf) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func builder(u *User) {
	var b strings.Builder
	fmt.Fprintf(&b, "email=%s", u.Email)
	http.Post(us, "text/plain", strings.NewReader(b.String())) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func encoder(u User) {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(u)
	http.Post(us, "application/json", &buf) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// encoderNewBuffer: a buffer a constructor returns, written through the
// encoder made over it (as an io.Writer), read back as a string.
func encoderNewBuffer(u User) {
	buf := bytes.NewBuffer(make([]byte, 0, 64))
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "")
	_ = enc.Encode(u)
	http.Post(us, "application/json", strings.NewReader(buf.String())) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// builderAsWriter: a strings.Builder from new, written as an io.Writer.
func builderAsWriter(u *User) {
	b := new(strings.Builder)
	fmt.Fprint(io.Writer(b), u.Email)
	http.Post(us, "text/plain", strings.NewReader(b.String())) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func gzipped(u *User) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(u.Email))
	zw.Close()
	http.Post(us, "application/gzip", &buf) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func multipartForm(u *User) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("email", u.Email)
	mw.Close()
	http.Post(us, mw.FormDataContentType(), &buf) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func pipe(u *User) {
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprint(pw, u.Email)
		pw.Close()
	}()
	http.Post(us, "text/plain", pr) // want `disallowed-region: User data writers.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func conn(u *User) error {
	c, err := net.Dial("tcp", "collector.example.com:9000")
	if err != nil {
		return err
	}
	defer c.Close()
	w := bufio.NewWriter(c)
	fmt.Fprintf(w, "%s\n", u.Email) // want `unknown-region: User data writers.User.Email \(contact\) is sent to collector.example.com in an unknown region`
	return w.Flush()
}

func connWrite(u *User) error {
	c, err := net.Dial("tcp", net.JoinHostPort("10.0.0.7", "9000"))
	if err != nil {
		return err
	}
	_, err = c.Write([]byte(u.Email))
	return err
}
