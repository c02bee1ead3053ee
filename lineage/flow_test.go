package lineage

import (
	"reflect"
	"testing"
)

// fillPositions sets every Position v holds, through structs, slices (of
// two elements, made when empty) and pointers, to a distinct line, and
// returns how many it set.
func fillPositions(v reflect.Value, next *int) int {
	if v.Type() == reflect.TypeFor[Position]() {
		*next++
		v.Set(reflect.ValueOf(Position{File: "f.go", Line: *next, Col: 1}))
		return 1
	}
	n := 0
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += fillPositions(v.Field(i), next)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		}
		for i := range v.Len() {
			n += fillPositions(v.Index(i), next)
		}
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		n += fillPositions(v.Elem(), next)
	case reflect.Map, reflect.Interface:
		panic("fillPositions: " + v.Type().String() + " not handled: a position there would be missed")
	}
	return n
}

// TestEachPosition: EachPosition visits every position a Flow holds, each
// once, so that the cache moves them all; a position field added to Flow
// (or to what it holds) and not to EachPosition fails here.
func TestEachPosition(t *testing.T) {
	var f Flow
	next := 0
	total := fillPositions(reflect.ValueOf(&f).Elem(), &next)
	seen := make(map[int]int)
	f.EachPosition(func(p *Position) {
		seen[p.Line]++
		p.Line += 1000
	})
	if len(seen) != total {
		t.Errorf("EachPosition visited %d positions, the flow holds %d", len(seen), total)
	}
	for line, n := range seen {
		if n != 1 {
			t.Errorf("position %d visited %d times", line, n)
		}
	}
	f.EachPosition(func(p *Position) {
		if p.Line <= 1000 {
			t.Errorf("position %v not changed through the pointer", p)
		}
	})
}
