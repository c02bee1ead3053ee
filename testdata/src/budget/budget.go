// Package budget is a dependency (its path has no dot: no module, as the // want package:`notes\(budget.Churn: over the work budget \(32 origins moved per instruction\): walked field-insensitively\)`
// standard library's): a function that moves many access paths through a
// loop goes over the work budget of dependencies (32 origins moved per
// instruction) and is walked field-insensitively, so sending one untagged
// field of a parameter counts as sending the whole parameter. The same
// function in the code under scan (example.com/budget) stays precise.
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
func Churn(a *Account, k int) []string { // want Churn:`^summary\(param0\(whole\)->exit\(http.Post@"https://api.mixpanel.com/track"\); param0->result0.*limit: over the work budget \(32 origins moved per instruction\): walked field-insensitively\)$`
	v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 := a.A+a.M, a.B+a.N, a.C+a.O, a.D+a.P, a.E+a.Q, a.F+a.R, a.G+a.S, a.H+a.T, a.I, a.J
	for i := 0; i < k; i++ {
		v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 = v1+a.K, v2+a.A, v3+a.B, v4+a.C, v5+a.D, v6+a.E, v7+a.F, v8+a.G, v9+a.H, v0+a.L+a.I+a.J
	}
	http.Post("https://api.mixpanel.com/track", "text/plain", strings.NewReader(a.ID))
	return []string{v0, v1, v2, v3, v4, v5, v6, v7, v8, v9}
}
