// Package limits drives functions to the engine's limits (lineage/README.md, // want package:`notes\(limits.Rec5: recursion did not settle in 7 rounds; limits.Shift12: data flow did not settle in 13 passes: walked field-insensitively\)`
// "Limits, and what happens when one is hit"): each limit has a function
// just inside it and one just past it, whose summary says "limit:".
package limits

import (
	"context"
	"net/http"
	"strings"
	"time"
)

const us = "https://api.mixpanel.com/track"

// Shift11 moves s one variable further on each pass of the loop before
// sending the last variable: its walk settles within 13 passes.
func Shift11(s string, k int) { // want Shift11:`^summary\(param0\(whole\)->exit\(http.Post@"https://api.mixpanel.com/track"\)\)$`
	v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11 := s, "", "", "", "", "", "", "", "", "", "", ""
	keep := []*string{&v0, &v1, &v2, &v3, &v4, &v5, &v6, &v7, &v8, &v9, &v10, &v11}
	_ = keep
	for i := 0; i < k; i++ {
		v11 = v10
		v10 = v9
		v9 = v8
		v8 = v7
		v7 = v6
		v6 = v5
		v5 = v4
		v4 = v3
		v3 = v2
		v2 = v1
		v1 = v0
	}
	http.Post(us, "text/plain", strings.NewReader(v11))
}

// Shift12 needs one variable more: its walk does not settle in 13 passes.
func Shift12(s string, k int) { // want Shift12:`^summary\(param0\(whole\)->exit\(http.Post@"https://api.mixpanel.com/track"\); limit: data flow did not settle in 13 passes: walked field-insensitively\)$`
	v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12 := s, "", "", "", "", "", "", "", "", "", "", "", ""
	keep := []*string{&v0, &v1, &v2, &v3, &v4, &v5, &v6, &v7, &v8, &v9, &v10, &v11, &v12}
	_ = keep
	for i := 0; i < k; i++ {
		v12 = v11
		v11 = v10
		v10 = v9
		v9 = v8
		v8 = v7
		v7 = v6
		v6 = v5
		v5 = v4
		v4 = v3
		v3 = v2
		v2 = v1
		v1 = v0
	}
	http.Post(us, "text/plain", strings.NewReader(v12))
}

// Rec4 returns p0 after shifting its parameters left n times: each round
// of the recursion adds one parameter's edge to the result, and it settles
// within 7 rounds.
func Rec4(p0, p1, p2, p3, p4 string, n int) string { // want Rec4:`^summary\(param0->result0; param1->result0; param2->result0; param3->result0; param4->result0; result0=[^;]*\)$`
	if n == 0 {
		return p0
	}
	return Rec4(p1, p2, p3, p4, "", n-1)
}

// Rec5 has one parameter more: it does not settle in 7 rounds.
func Rec5(p0, p1, p2, p3, p4, p5 string, n int) string { // want Rec5:`^summary\(param0->result0; param1->result0; param2->result0; param3->result0; param4->result0; param5->result0; result0=[^;]*; limit: recursion did not settle in 7 rounds\)$`
	if n == 0 {
		return p0
	}
	return Rec5(p1, p2, p3, p4, p5, "", n-1)
}

// Deep holds strings at paths of five parts (A.B.C.D.E, A.B.C.D.E2) and
// of six (A.B.C.D.X.F, A.B.C.D.X.G).
type Deep struct {
	A struct {
		B struct {
			C struct {
				D struct {
					E, E2 string
					X     struct{ F, G string }
				}
			}
		}
	}
}

// SendFive sends the string at five parts: the summary keeps its path.
func SendFive(d *Deep) { // want SendFive:`^summary\(param0.A.B.C.D.E\(whole\)->exit\(http.Post@"https://api.mixpanel.com/track"\)\)$`
	http.Post(us, "text/plain", strings.NewReader(d.A.B.C.D.E))
}

// SendSix sends the string at six parts: past the access path limit (5
// parts), the summary keeps the first five and counts the value there as a
// whole.
func SendSix(d *Deep) { // want SendSix:`^summary\(param0.A.B.C.D.X\(whole\)->exit\(http.Post@"https://api.mixpanel.com/track"\)\)$`
	http.Post(us, "text/plain", strings.NewReader(d.A.B.C.D.X.F))
}

// Pacer, Gentle, Cancellable and Counted: two wrappers of one interface,
// each calling the method of the Pacer it wraps, which may be the other
// wrapper: a recursive component of two functions. Gentle.Wait moves
// enough of its fields to its result and to Cur that, seen through a
// wrapper, more than eight edges run between one parameter and one output
// and merge into one from the field (maxEdgesPerPair); a walk reading the
// merged edge gave the separate ones again, and the two summaries went
// round a cycle of three for all 7 rounds. Each round's summary is now
// joined with the last one's: they settle, with no limit note.
type Pacer interface {
	Wait() time.Duration
	Restart()
}

type Gentle struct { // want Gentle:`^methods\(Restart: summary\(param0\.First->param0\.Cur\); Wait: summary\(param0\.Cur->result0; param0\.First->result0; param0\.Grow->param0\.Cur; param0\.Most->param0\.Cur; param0\.Spread->result0\)\)$`
	First, Cur, Most time.Duration
	Grow, Spread     float64
	Began            time.Time
	Spent, Budget    time.Duration
}

func (g *Gentle) Wait() time.Duration {
	if g.Budget != 0 && g.Spent > g.Budget {
		return -1
	}
	d := g.Cur
	if float64(g.Cur) >= float64(g.Most)/g.Grow {
		g.Cur = g.Most
	} else {
		g.Cur = time.Duration(float64(g.Cur) * g.Grow)
	}
	return d + time.Duration(g.Spread*float64(g.First))
}

func (g *Gentle) Restart() { g.Cur = g.First; g.Began = time.Now() }

type Cancellable struct { // want Cancellable:`^methods\(Wait: summary\(param0\.Pacer\.Cur->result0; param0\.Pacer\.First->result0; param0\.Pacer\.Grow->param0\.Pacer\.Cur; param0\.Pacer\.Most->param0\.Pacer\.Cur; param0\.Pacer\.Pacer->param0\.Pacer\.Pacer; param0\.Pacer\.Pacer->result0; param0\.Pacer\.Spread->result0; param0\.Pacer\.inner->param0\.Pacer\.inner; param0\.Pacer\.inner->result0; param0\.Pacer\.inner\.Cur->result0; param0\.Pacer\.inner\.First->result0; param0\.Pacer\.inner\.Grow->param0\.Pacer\.inner\.Cur; param0\.Pacer\.inner\.Most->param0\.Pacer\.inner\.Cur; param0\.Pacer\.inner\.Spread->result0\)\)$`
	Pacer
	ctx context.Context
}

func (c *Cancellable) Wait() time.Duration {
	select {
	case <-c.ctx.Done():
		return -1
	default:
	}
	return c.Pacer.Wait()
}

type Counted struct { // want Counted:`^methods\(Restart: summary\(param0\.inner\.First->param0\.inner\.Cur\); Wait: summary\(param0\.inner\.Cur->result0; param0\.inner\.First->result0; param0\.inner\.Grow->param0\.inner\.Cur; param0\.inner\.Most->param0\.inner\.Cur; param0\.inner\.Pacer->param0\.inner\.Pacer; param0\.inner\.Pacer->result0; param0\.inner\.Spread->result0; param0\.inner\.inner->param0\.inner\.inner; param0\.inner\.inner->result0\)\)$`
	inner   Pacer
	most, n int
}

func (c *Counted) Wait() time.Duration {
	if c.most > 0 && c.n >= c.most {
		return -1
	}
	c.n++
	return c.inner.Wait()
}

func (c *Counted) Restart() { c.n = 0; c.inner.Restart() }
