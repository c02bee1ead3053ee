// Package budget is code under scan (its path has a dot: analysistest
// gives it no module, so it is not the standard library): the function
// that goes over the budget of dependencies in package budget stays
// within that of the code under scan (1024 origins moved per instruction)
// and is walked precisely: only the ID is sent.
package budget

import (
	"net/http"
	"strings"
)

type Account struct {
	ID    string
	Email string `userdata:"contact"`
	A, B  string
	C, D  string
	E, F  string
	G, H  string
	I, J  string
	K, L  string
	M, N  string
	O, P  string
	Q, R  string
	S, T  string
}

// Churn rotates fields of a through ten variables over k rounds, adding
// more on the way (several passes over the loop, each moving every
// variable's paths), then sends a's ID.
func Churn(a *Account, k int) []string { // want Churn:`^summary\(param0->result0\[\]; param0.ID\(whole\)->exit\(http.Post@"https://api.mixpanel.com/track"\)\)$`
	v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 := a.A+a.M, a.B+a.N, a.C+a.O, a.D+a.P, a.E+a.Q, a.F+a.R, a.G+a.S, a.H+a.T, a.I, a.J
	for i := 0; i < k; i++ {
		v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 = v1+a.K, v2+a.A, v3+a.B, v4+a.C, v5+a.D, v6+a.E, v7+a.F, v8+a.G, v9+a.H, v0+a.L+a.I+a.J
	}
	http.Post("https://api.mixpanel.com/track", "text/plain", strings.NewReader(a.ID))
	return []string{v0, v1, v2, v3, v4, v5, v6, v7, v8, v9}
}
