// Package dot is imported with a dot: its functions are called by their
// bare names, which no dot precedes.
package dot

import (
	"net/http"
	"strings"
)

func DotSend(s string) {
	resp, err := http.Post("https://dot.example.com/in", "text/plain", strings.NewReader(s))
	if err == nil {
		resp.Body.Close()
	}
}
