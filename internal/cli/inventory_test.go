package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/inventory"
	"github.com/datagate/datagate/internal/testutil"
)

// inventoryFormats are the lineage formats with their golden file
// extensions.
var inventoryFormats = []struct{ format, ext string }{
	{"markdown", "md"}, {"json", "json"}, {"dot", "dot"}, {"csv", "csv"},
}

// inventoryGolden compares got with testdata/inventory/golden/<name>, or
// rewrites it with -update.
func inventoryGolden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, testutil.Testdata(t, "inventory", "golden", name), got, *update)
}

// allkinds caches the load of testdata/inventory/allkinds, as sharedLoad
// does the demo's: its four golden formats share one load.
var allkinds struct {
	once sync.Once
	pkgs []*packages.Package
	err  error
}

// inventoryLoad is sharedLoad, with the default load of
// testdata/inventory/allkinds done once too.
func inventoryLoad(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "inventory", "allkinds"))
	if cfg.Dir == dir && !cfg.Tests && len(cfg.BuildFlags) == 0 && cfg.Env == nil && slices.Equal(patterns, []string{"./..."}) {
		allkinds.once.Do(func() { allkinds.pkgs, allkinds.err = packages.Load(cfg, patterns...) })
		return allkinds.pkgs, allkinds.err
	}
	return sharedLoad(cfg, patterns...)
}

// runInventory is run with inventoryLoad.
func runInventory(t *testing.T, args ...string) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := mainWith(args, &stdout, &stderr, &scanHooks{load: inventoryLoad})
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// TestLineageGolden writes the inventory of the demo (under both
// policies) and of testdata/inventory/allkinds (an exit of every kind) in
// every format, compares each with its golden file, and checks that every
// format holds the same flows.
func TestLineageGolden(t *testing.T) {
	type module struct {
		name string
		dir  string
		args []string
	}
	modules := []module{
		{"allkinds", testutil.Testdata(t, "inventory", "allkinds"), nil},
	}
	for _, p := range demoPolicies {
		modules = append(modules, module{"demo-" + p.name, testutil.Testdata(t, "demo"), p.args})
	}
	for _, m := range modules {
		t.Run(m.name, func(t *testing.T) {
			outs := make(map[string]string)
			for _, f := range inventoryFormats {
				args := append([]string{"lineage", "-C", m.dir, "-format", f.format}, m.args...)
				o := runInventory(t, append(args, "./...")...)
				o.wantCode(t, ExitOK)
				if o.stderr != "" {
					t.Errorf("%s: stderr: %s", f.format, o.stderr)
				}
				if strings.Contains(o.stdout, m.dir) {
					t.Errorf("%s: the output holds the absolute module directory", f.format)
				}
				outs[f.format] = o.stdout
				inventoryGolden(t, m.name+"."+f.ext, o.stdout)
			}
			checkSameFlows(t, outs)
		})
	}
}

// checkSameFlows checks that the json, csv, markdown and dot outputs of
// one inventory agree: the same rows in json and csv, each row's field and
// exit in the markdown table, each destination in both graphs.
func checkSameFlows(t *testing.T, outs map[string]string) {
	t.Helper()
	inv, err := inventory.Read(strings.NewReader(outs["json"]), "json output")
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Rows) == 0 {
		t.Fatal("no rows")
	}
	recs, err := csv.NewReader(strings.NewReader(outs["csv"])).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	if !strings.Contains(outs["csv"], "\r\n") {
		t.Error("csv: records do not end in CRLF (RFC 4180)")
	}
	if len(recs) != len(inv.Rows)+1 {
		t.Fatalf("csv has %d records, want a header and %d rows", len(recs), len(inv.Rows))
	}
	md := outs["markdown"]
	for i, r := range inv.Rows {
		rec := recs[i+1]
		if rec[0] != r.Field || rec[2] != r.Kind || rec[14] != posText(r.Exit.File, r.Exit.Line, r.Exit.Col) {
			t.Errorf("csv row %d = %v, want field %s, kind %s, exit %v", i, rec[:3], r.Field, r.Kind, r.Exit)
		}
		want := "| `" + r.ShortField() + "` | " + r.Category + " | " + r.KindName + " |"
		if !strings.Contains(md, want) {
			t.Errorf("markdown table has no row starting %q", want)
		}
		dest := strings.ReplaceAll(r.Destination(), `"`, `\"`)
		if !strings.Contains(outs["dot"], `"`+dest+`"`) || !strings.Contains(md, `["`+strings.ReplaceAll(r.Destination(), `"`, "#quot;")+`"]`) {
			t.Errorf("a graph has no node for %s", r.Destination())
		}
	}
	if n := strings.Count(md, "\n| `"); n != len(inv.Rows) {
		t.Errorf("markdown has %d table rows, want %d", n, len(inv.Rows))
	}
}

func posText(file string, line, col int) string { return fmt.Sprintf("%s:%d:%d", file, line, col) }

// copyModule copies the module in dir to a new temporary directory and
// returns it.
func copyModule(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// edit replaces old by new in the file at path, which must hold it once.
func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(data), old) != 1 {
		t.Fatalf("%s does not hold %q once", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLineageDiff compares edited copies of testdata/inventory/allkinds
// with its golden JSON inventory: a flow added (to an allowed region, and
// to a disallowed one), a flow removed, an endpoint's region changed by
// the policy. Each is reported; the exit code is 1 exactly when user data
// newly goes outside the allowed regions.
func TestLineageDiff(t *testing.T) {
	old := testutil.Testdata(t, "inventory", "golden", "allkinds.json")
	src := testutil.Testdata(t, "inventory", "allkinds")
	greet := "\n// Greet sends the name to the EU hook.\nfunc Greet(c *model.Customer) { hook(\"https://hooks.eu.example.net/greet\", c.Name) }\n"
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, dir string)
		format string
		code   int
		want   []string
		not    []string
	}{
		{
			name: "added-and-removed",
			change: func(t *testing.T, dir string) {
				app := filepath.Join(dir, "app", "app.go")
				edit(t, app, `"device=%s\n", c.Device`, `"device=%s\n", "anonymous"`)
				f, err := os.OpenFile(app, os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := f.WriteString(greet); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
			},
			code: ExitOK,
			want: []string{
				"new flows (1):\n  + model.Customer.Name (personal) -> HTTP hooks.eu.example.net [IE, allowed] at app/app.go:125:24 in app.hook; datagate/disallowed-region\n",
				"gone flows (1):\n  - model.Customer.Device (device) -> raw socket ingest.vendor.example.com [US, not allowed] at app/app.go:75:22 in app.Stream; datagate/disallowed-region\n",
				"  ~ new destination for model.Customer.Name: hooks.eu.example.net [IE, allowed]\n",
				"  ~ new category to hooks.eu.example.net: personal (model.Customer.Name)\n",
				"\n1 new, 1 gone, 2 changed.\n",
			},
			not: []string{"region of"},
		},
		{
			name: "added-and-removed-markdown",
			change: func(t *testing.T, dir string) {
				edit(t, filepath.Join(dir, "app", "app.go"), `"device=%s\n", c.Device`, `"device=%s\n", "anonymous"`)
			},
			format: "markdown",
			code:   ExitOK,
			want: []string{
				"# Lineage inventory changes\n\nCompared with `",
				"0 new, 1 gone, 0 changed.",
				"## Gone flows\n\n| field |",
				"| `model.Customer.Device` | device | raw socket | `ingest.vendor.example.com:6000` | US | no | no | no | **disallowed-region** | `app/app.go:75:22` | `app.Stream` |\n",
			},
		},
		{
			name: "region-changed",
			change: func(t *testing.T, dir string) {
				edit(t, filepath.Join(dir, "datagate.yaml"), `hosts: ["hooks.eu.example.net"]
    region: IE`, `hosts: ["hooks.eu.example.net"]
    region: US`)
			},
			code: ExitFindings,
			want: []string{
				"changed (1):\n  ~ region of hooks.eu.example.net: IE -> US [US, not allowed]\n",
				"0 new, 0 gone, 1 changed; 1 change sends user data outside the allowed regions: hooks.eu.example.net moved from IE to US.\n",
			},
			not: []string{"new flows", "gone flows"},
		},
		{
			name: "added-outside",
			change: func(t *testing.T, dir string) {
				edit(t, filepath.Join(dir, "app", "app.go"), `hook("https://hooks.us.example.net/signup", c.Phone)`,
					`hook("https://hooks.us.example.net/signup", c.Phone)
	hook("https://hooks.us.example.net/signup", c.Email)`)
			},
			code: ExitFindings,
			want: []string{
				"new flows (1):\n  + model.Customer.Email (contact) -> HTTP hooks.us.example.net [US, not allowed] at app/app.go:",
				"  ~ new destination for model.Customer.Email: hooks.us.example.net [US, not allowed]\n",
				"1 change sends user data outside the allowed regions: new flow of model.Customer.Email to hooks.us.example.net in US.\n",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each edited copy is loaded on its own
			dir := copyModule(t, src)
			tc.change(t, dir)
			args := []string{"lineage", "-C", dir, "-diff", old}
			if tc.format != "" {
				args = append(args, "-format", tc.format)
			}
			o := run(t, append(args, "./...")...)
			o.wantCode(t, tc.code)
			for _, w := range tc.want {
				if !strings.Contains(o.stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, o.stdout)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(o.stdout, n) {
					t.Errorf("output has %q:\n%s", n, o.stdout)
				}
			}
		})
	}
}

// TestLineageDiffBadFile: an old inventory that cannot be read is an
// error naming the file, exit 2, before any analysis.
func TestLineageDiffBadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range []struct {
		name, content, want string
	}{
		{"garbage.json", "not json", "garbage.json: not valid JSON"},
		{"scan.json", `{"version": 1, "findings": []}`, "scan.json: not a datagate lineage inventory"},
		{"v2.json", `{"version": 2, "rows": []}`, "v2.json: inventory version 2; this datagate reads version 1"},
		{"rows.json", `{"version": 1, "rows": {}}`, "rows.json: not a datagate lineage inventory: rows has type object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := write(tc.name, tc.content)
			// The module does not exist: the file is read first.
			o := run(t, "lineage", "-C", dir, "-diff", path, "./nothing/...")
			o.wantCode(t, ExitError)
			if !strings.Contains(o.stderr, tc.want) || !strings.HasPrefix(o.stderr, "datagate: -diff: ") {
				t.Errorf("stderr %q, want it to name the file: %q", o.stderr, tc.want)
			}
		})
	}
	o := run(t, "lineage", "-C", dir, "-diff", filepath.Join(dir, "missing.json"), "./...")
	o.wantCode(t, ExitError)
	if !strings.Contains(o.stderr, "missing.json") {
		t.Errorf("stderr %q does not name the missing file", o.stderr)
	}
}

// TestLineageUsage checks the flag errors.
func TestLineageUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"lineage", "-format", "sarif"}, `lineage: -format: unknown format "sarif" (want markdown, json, dot, csv)`},
		{[]string{"lineage", "-diff", "old.json", "-format", "json"}, `lineage: -format "json" with -diff: want text or markdown`},
		{[]string{"lineage", "-nope"}, "lineage: flag provided but not defined: -nope"},
		{[]string{"lineage", "./...", "-format", "json"}, "flag -format after the packages"},
	} {
		o := run(t, tc.args...)
		o.wantCode(t, ExitError)
		if !strings.Contains(o.stderr, tc.want) {
			t.Errorf("%q: stderr %q, want %q", tc.args, o.stderr, tc.want)
		}
	}
	o := run(t, "lineage", "-h")
	o.wantCode(t, ExitOK)
	if !strings.HasPrefix(o.stdout, "usage: datagate lineage") {
		t.Errorf("lineage -h: %q", o.stdout)
	}
}

// TestLineageOutputFile writes the inventory with -o: the file holds what
// standard output would, and nothing is printed.
func TestLineageOutputFile(t *testing.T) {
	root := testutil.Testdata(t, "demo")
	out := filepath.Join(t.TempDir(), "inventory.json")
	o := run(t, "lineage", "-C", root, "-format", "json", "-o", out, "./...")
	o.wantCode(t, ExitOK)
	if o.stdout != "" {
		t.Errorf("stdout with -o: %q", o.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	inventoryGolden(t, "demo-default.json", string(data))
}

// TestReadmeInventory: the example in README.md's "Lineage inventory"
// section is the demo's golden markdown inventory, with its headings two
// levels down and rows left out, so that the two cannot drift apart.
func TestReadmeInventory(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const start = "`go run ./cmd/datagate lineage -C testdata/demo ./...` prints this"
	_, rest, ok := strings.Cut(string(readme), start)
	if !ok {
		t.Fatalf("README.md has no %q", start)
	}
	example, _, _ := strings.Cut(rest, "\n## ")
	golden, err := os.ReadFile(testutil.Testdata(t, "inventory", "golden", "demo-default.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(string(golden), "\n")
	i := 0
	for _, l := range strings.Split(example, "\n")[1:] {
		switch {
		case strings.HasPrefix(l, "*(") || l == "":
			continue
		case strings.HasPrefix(l, "#### "):
			l = "# " + l[5:]
		case strings.HasPrefix(l, "##### "):
			l = "## " + l[6:]
		}
		for i < len(want) && want[i] != l {
			i++
		}
		if i == len(want) {
			t.Fatalf("README.md's inventory example has %q, which is not in testdata/inventory/golden/demo-default.md (in order)", l)
		}
	}
}
