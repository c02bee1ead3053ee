package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

// TestMalformedPolicy checks that a malformed policy, whether named by
// -policy, by DATAGATE_POLICY or found next to the packages, stops the run
// before anything is written: exit code 2, the error on standard error
// naming the file, line and key, and no -o file.
func TestMalformedPolicy(t *testing.T) {
	cases := []struct {
		name   string
		policy string
		line   string // ":line:" or ":line:col:" the error names
		want   string // part of the message
	}{
		{
			name:   "bad YAML",
			policy: "version: 1\nallowed_regions: [EEA\nendpoints: []\n",
			line:   ":2:",
			want:   "bad YAML",
		},
		{
			name:   "unknown key",
			policy: "version: 1\nallowed_region: [EEA]\n",
			line:   ":2:1:",
			want:   "allowed_region: unknown key",
		},
		{
			name:   "bad region",
			policy: "version: 1\nallowed_regions: [EEA]\nendpoints:\n  - hosts: [\"api.example.com\"]\n    region: Europe\n",
			line:   ":5:13:",
			want:   `endpoints[0].region: unknown region "Europe"`,
		},
		{
			name:   "bad name",
			policy: "version: 1\ngateway:\n  - \"(*example.com/gw.Client).Send\"\n  - \"not a name\"\n",
			line:   ":4:5:",
			want:   `gateway[1]: "not a name"`,
		},
	}
	for _, tc := range cases {
		for _, mode := range []string{"discovered", "flag", "env"} {
			t.Run(tc.name+"/"+mode, func(t *testing.T) {
				dir := testutil.WriteModule(t, map[string]string{
					"go.mod":   "module example.com/p\n\ngo 1.26\n",
					"p/p.go":   "package p\n\n// F does nothing.\nfunc F() {}\n",
					"pol.yaml": tc.policy,
				})
				policyFile := filepath.Join(dir, "pol.yaml")
				args := []string{"-C", dir, "-format", "sarif", "-o", "out.sarif"}
				switch mode {
				case "discovered":
					policyFile = filepath.Join(dir, "datagate.yaml")
					if err := os.Rename(filepath.Join(dir, "pol.yaml"), policyFile); err != nil {
						t.Fatal(err)
					}
				case "flag":
					args = append(args, "-policy", "pol.yaml") // relative to -C
				case "env":
					t.Setenv("DATAGATE_POLICY", "pol.yaml") // relative to -C too
				}
				o := run(t, append(args, "./...")...)
				o.wantCode(t, ExitError)
				if !strings.HasPrefix(o.stderr, policyFile+tc.line) {
					t.Errorf("stderr does not start with %s%s:\n%s", policyFile, tc.line, o.stderr)
				}
				if !strings.Contains(o.stderr, tc.want) {
					t.Errorf("stderr does not say %q:\n%s", tc.want, o.stderr)
				}
				if strings.Contains(o.stderr, "usage:") {
					t.Errorf("a policy error printed the usage:\n%s", o.stderr)
				}
				if o.stdout != "" {
					t.Errorf("stdout: %q", o.stdout)
				}
				entries, err := os.ReadDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range entries {
					if strings.Contains(e.Name(), "out.sarif") {
						t.Errorf("%s written despite the policy error", e.Name())
					}
				}
			})
		}
	}
}

// TestMissingPolicy: a -policy file that does not exist is an error too.
func TestMissingPolicy(t *testing.T) {
	dir := testutil.WriteModule(t, map[string]string{
		"go.mod": "module example.com/p\n\ngo 1.26\n",
		"p/p.go": "package p\n",
	})
	o := run(t, "-C", dir, "-policy", "nope.yaml", "./...")
	o.wantCode(t, ExitError)
	if want := filepath.Join(dir, "nope.yaml") + ": cannot read policy"; !strings.HasPrefix(o.stderr, want) {
		t.Errorf("stderr = %q, want it to start with %q", o.stderr, want)
	}
}
