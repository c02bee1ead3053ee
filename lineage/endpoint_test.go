package lineage

import "testing"

// TestHostComplete: which folded prefixes already hold their whole host.
func TestHostComplete(t *testing.T) {
	for _, c := range []struct {
		prefix string
		want   bool
	}{
		{"https://api.example.com/", true},
		{"https://api.example.com", false}, // more of the host may follow
		{"https://user@api.example.com?", true},
		{"smtp.example.com:", true},        // host:port with an unknown port
		{"smtp.example.com:25", true},      // host:port
		{"smtp.example.com", false},        // the host may go on
		{"https:", false},                  // a scheme, not a host
		{"[::1]:", false},                  // left to the general rule
		{"tcp(db.example.com:3306)", true}, // MySQL DSN
		{"host=db.example.com ", true},     // key=value DSN
	} {
		if got := hostComplete(c.prefix); got != c.want {
			t.Errorf("hostComplete(%q) = %v, want %v", c.prefix, got, c.want)
		}
	}
}

// TestTypeVerbs: the operands a format prints as a type or an address.
func TestTypeVerbs(t *testing.T) {
	for _, c := range []struct {
		format string
		want   []int
	}{
		{"%s", nil},
		{"%T", []int{0}},
		{"%s in %T at %p", []int{1, 2}},
		{"100%% %T", []int{0}},
		{"%[2]T %[1]s", []int{1}},
		{"%*d %T", []int{2}},
		{"%-8.3v %#T", []int{1}},
	} {
		got := typeVerbs(c.format)
		if len(got) != len(c.want) {
			t.Errorf("typeVerbs(%q) = %v, want %v", c.format, got, c.want)
			continue
		}
		for _, i := range c.want {
			if !got[i] {
				t.Errorf("typeVerbs(%q) = %v, want %v", c.format, got, c.want)
			}
		}
	}
}
