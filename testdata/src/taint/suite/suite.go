// Package suite is a taint test suite in the style of other tools' suites
// (CodeQL's and go-flow-levee's Go data-flow tests): source() produces
// user data (a policy func source), sink() is a policy sink to a US host,
// sanitize() a policy sanitizer. Every sink call that data reaches is
// marked; those it must not reach are not.
package suite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

func source() string           { return "secret" }
func sink(v any)               {}
func sanitize(s string) string { return "x" }

func direct() {
	sink(source()) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func clean() {
	sink("constant")
}

func sanitized() {
	sink(sanitize(source()))
}

func conversions() {
	b := []byte(source())
	sink(string(b)) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
	r := []rune(source())
	sink(string(r)) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func varargs() {
	sink(fmt.Sprint("a", source(), 1)) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func varargsSpread() {
	args := []any{"a", source()}
	sink(fmt.Sprintln(args...)) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func set(p *string, v string) { *p = v }

func outParam() {
	var s string
	set(&s, source())
	sink(s) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

type pair struct{ a, b string }

func mk(v string) pair { return pair{a: v, b: "ok"} }

func structReturn() {
	p := mk(source())
	sink(p.a) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
	sink(p.b)
}

func nestedArrays() {
	var a [2][2]string
	a[1][0] = source()
	sink(a[1][1]) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func mapOfStructs() {
	m := map[string]pair{}
	m["k"] = pair{a: source()}
	sink(m["k"].a) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

type stringer interface{ String() string }

type secretBox struct{ v string }

func (s secretBox) String() string { return s.v }

func typeSwitch() {
	var x any = secretBox{v: source()}
	switch v := x.(type) {
	case stringer:
		sink(v.String()) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
	}
}

type base struct{ v string }

func (b *base) get() string { return b.v }

type derived struct{ base }

func promoted() {
	d := &derived{}
	d.v = source()
	sink(d.get()) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func closureReturned() func() string {
	s := source()
	return func() string { return s }
}

func returnedClosure() {
	f := closureReturned()
	sink(f()) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func funcMap() {
	m := map[string]func(string){"s": func(v string) { sink(v) }} // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
	m["s"](source())
}

func panics() {
	defer func() {
		if r := recover(); r != nil {
			sink(r) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
		}
	}()
	panic(source())
}

func errorsWrap() {
	err := fmt.Errorf("wrap: %w", errors.New(source()))
	sink(errors.Unwrap(err).Error()) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func strconvs() {
	n, _ := strconv.Atoi(source())
	sink(n)                       // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
	sink(strconv.Quote(source())) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func builders() {
	var sb strings.Builder
	sb.WriteString(source())
	sink(sb.String()) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
	var buf bytes.Buffer
	buf.WriteString("x")
	sink(buf.String())
}

func jsonRoundTrip() {
	b, _ := json.Marshal(map[string]string{"k": source()})
	var m map[string]string
	json.Unmarshal(b, &m)
	sink(m["k"]) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func channelsOfChannels() {
	ch := make(chan chan string, 1)
	inner := make(chan string, 1)
	ch <- inner
	inner <- source()
	sink(<-<-ch) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func onceDo() {
	var once sync.Once
	var v string
	once.Do(func() { v = source() })
	sink(v) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func comparisonsOnly() {
	s := source()
	if s == "admin" || strings.HasPrefix(s, "a") {
		sink("matched")
	}
	sink(len(s))
}

func overwrite() {
	s := source()
	s = "constant"
	sink(s)
}

func sliceAlias() {
	a := []string{"x", "y"}
	b := a[:1]
	b[0] = source()
	sink(a[0]) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func appendAlias() {
	var dst []string
	dst = append(dst, source())
	sink(strings.Join(dst, ",")) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

type store struct{ data map[string]string }

func (s *store) put(k, v string)     { s.data[k] = v }
func (s *store) get(k string) string { return s.data[k] }

func methodsOnMap() {
	s := &store{data: map[string]string{}}
	s.put("k", source())
	sink(s.get("k")) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}

func goroutineResult() {
	done := make(chan string)
	go func() { done <- source() }()
	sink(<-done) // want `disallowed-region: User data suite.source \(secret\) is sent to api.mixpanel.com in US`
}
