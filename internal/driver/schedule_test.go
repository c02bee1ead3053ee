package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestPriorities: a package's priority in the schedule grows faster than
// the size of its files: a 40 KB package in one file that only the main
// package imports goes before the bottom of a chain of eight packages of
// 8 KB each (two files of 4 KB), 64 KB in all, that leads to main too;
// counted by files, or by size alone, the chain went first.
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
	// Post-order: imports first. chain0 <- chain1 <- ... <- chain7 <- main,
	// big <- main.
	const chain = 8
	var all []*node
	var dependents [][]int
	for i := range chain {
		c := "c" + string(rune('0'+i))
		all = append(all, mk("chain"+c, file(c+"a.go", 4200), file(c+"b.go", 4200)))
		dependents = append(dependents, []int{i + 1})
	}
	dependents[chain-1] = []int{chain + 1}
	all = append(all, mk("big", file("big.go", 41000)), mk("main", file("main.go", 1000)))
	dependents = append(dependents, []int{chain + 1}, nil)
	prio := priorities(all, dependents)
	if prio[chain] <= prio[0] {
		t.Errorf("the big package's priority %d is not above the chain's bottom %d (all: %v)", prio[chain], prio[0], prio)
	}
	// Types only, the same files weigh less.
	typesOnly := mk("big", all[chain].pkg.CompiledGoFiles...)
	typesOnly.typesOnly = true
	if work(typesOnly) >= work(all[chain]) {
		t.Errorf("a types-only package weighs %d, as much as an analysed one (%d)", work(typesOnly), work(all[chain]))
	}
}
