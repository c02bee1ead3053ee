package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestPriorities: a package's priority in the schedule counts the size of
// its files, not their number: a 40 KB package in one file that only the
// main package imports goes before the bottom of a chain of five small
// packages, each of two files, that leads to main too.
func TestPriorities(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, size int) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("package p\n"+strings.Repeat("// filler\n", size/10)), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mk := func(name string, files ...string) *node {
		return &node{pkg: &packages.Package{ID: name, CompiledGoFiles: files}}
	}
	// Post-order: imports first. chain0 <- chain1 <- ... <- chain4 <- main,
	// big <- main.
	var all []*node
	for i := range 5 {
		all = append(all, mk("chain"+string(rune('0'+i)), file("c"+string(rune('0'+i))+"a.go", 1000), file("c"+string(rune('0'+i))+"b.go", 1000)))
	}
	all = append(all, mk("big", file("big.go", 40000)), mk("main", file("main.go", 1000)))
	dependents := [][]int{{1}, {2}, {3}, {4}, {6}, {6}, nil}
	prio := priorities(all, dependents)
	if prio[5] <= prio[0] {
		t.Errorf("the big package's priority %d is not above the chain's bottom %d (all: %v)", prio[5], prio[0], prio)
	}
	// Types only, the same files weigh less.
	typesOnly := mk("big", all[5].pkg.CompiledGoFiles...)
	typesOnly.typesOnly = true
	if work(typesOnly) >= work(all[5]) {
		t.Errorf("a types-only package weighs %d, as much as an analysed one (%d)", work(typesOnly), work(all[5]))
	}
}
