package bench

import (
	"bytes"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
)

// ModulePath is the module path of the generated module.
const ModulePath = "example.com/synth"

// Config sizes the generated module. The zero value of a field means its
// default.
type Config struct {
	// Packages is the number of library packages (default 300); one main
	// package (cmd/server) is added on top.
	Packages int
	// Layers is the depth of the import graph (default 10): a package of
	// layer k imports Fanout packages of layer k-1.
	Layers int
	// Fanout is how many packages of the layer below each package imports
	// (default 3).
	Fanout int
	// Steps is the length of each package's internal call chain (default 8).
	Steps int
	// Fillers is the number of computation-only functions per package
	// (default 12): business logic that never touches user data.
	Fillers int
	// Seed makes the choices (which packages import which, which hosts
	// each one talks to) reproducible (default 1).
	Seed uint64
	// Shapes scales the shape packages (see shapes.go: a giant function,
	// tables, a thousand-method client, protobuf-like code) that the main
	// package passes user data through: 0 means 1, negative leaves them
	// out.
	Shapes int
}

func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Packages, 300)
	def(&c.Layers, 10)
	def(&c.Fanout, 3)
	def(&c.Steps, 8)
	def(&c.Fillers, 12)
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Shapes == 0 {
		c.Shapes = 1
	}
	if c.Layers > c.Packages {
		c.Layers = c.Packages
	}
	return c
}

// Module describes a generated module.
type Module struct {
	Dir      string
	Config   Config
	Packages []string // import paths, the main package last
	Files    int
	Lines    int
}

// Endpoints the generated code sends data to: a mix of regions (US, IE, DE,
// internal) and hosts of unknown region, so that every rule fires.
var baseURLs = []string{
	"https://api.mixpanel.com",
	"https://api.eu.intercom.io",
	"https://profiles.svc.cluster.local:8443",
	"https://k3x9q2ab7d.execute-api.us-east-1.amazonaws.com/prod",
	"https://m2x8p4q7zz.execute-api.eu-central-1.amazonaws.com/v1",
	"https://api.partner-%03d.example.com",
	"http://10.20.%d.4:8080",
}

var auditHosts = []string{
	"audit.internal",
	"collector-%03d.example.net",
	"10.1.2.%d",
	"logs.eu.example.eu",
}

var summaryURLs = []string{
	"https://api.eu.mixpanel.com/import",
	"https://hooks.example.org/summary/%d",
	"https://stats.svc.cluster.local/v1/summary",
	"https://h7p2m4xq9c.execute-api.us-west-2.amazonaws.com/v2/summary",
}

// The expressions the call chain appends to its accumulator: string
// functions, concatenation, formatting, map and slice reads.
var stepExprs = []string{
	"strings.ToLower(p.Email)",
	"strings.TrimSpace(p.Name)",
	`p.Home.City + "/" + p.Home.Zip`,
	"strconv.Itoa(p.Score)",
	`fmt.Sprintf("%s <%s>", p.Name, p.Email)`,
	`p.Attrs["source"]`,
	`strings.Join(p.Tags, ";")`,
	"strconv.FormatInt(p.ID, 10)",
	"upstreamEmail(p)",
	`strings.ReplaceAll(p.Phone, " ", "")`,
}

type depInfo struct {
	Alias string
	Path  string
}

type stepInfo struct {
	I, Next, Limit int
	Expr           string
}

type fillerInfo struct {
	I, A, B int
}

type mainInfo struct {
	Top    []depInfo
	Shapes bool
}

type pkgInfo struct {
	Name       string
	Layer      int
	Deps       []depInfo
	BaseURL    string
	AuditHost  string
	SummaryURL string
	Port       int
	EnvVar     string
	Steps      []stepInfo
	Fillers    []fillerInfo
}

// Generate writes a synthetic module into dir (which must exist) and
// describes it. The module uses the standard library only and type-checks.
func Generate(dir string, cfg Config) (*Module, error) {
	cfg = cfg.withDefaults()
	r := rand.New(rand.NewPCG(cfg.Seed, 0x6461746167617465))
	m := &Module{Dir: dir, Config: cfg}

	write := func(rel string, src []byte) error {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		m.Files++
		m.Lines += bytes.Count(src, []byte("\n"))
		return os.WriteFile(path, src, 0o644)
	}
	if err := write("go.mod", []byte("module "+ModulePath+"\n\ngo 1.26\n")); err != nil {
		return nil, err
	}

	// Packages per layer: as even as possible, lower layers first.
	layers := make([][]string, cfg.Layers)
	for i := range cfg.Packages {
		l := i * cfg.Layers / cfg.Packages
		layers[l] = append(layers[l], fmt.Sprintf("l%02d/p%03d", l, len(layers[l])))
	}
	for l, names := range layers {
		for idx, rel := range names {
			info := pkgInfo{
				Name:       fmt.Sprintf("l%02dp%03d", l, idx),
				Layer:      l,
				BaseURL:    pick(r, baseURLs, idx),
				AuditHost:  pick(r, auditHosts, idx),
				SummaryURL: pick(r, summaryURLs, idx),
				Port:       9000 + r.IntN(1000),
				EnvVar:     fmt.Sprintf("SYNTH_%02d_%03d_URL", l, idx),
			}
			if l > 0 {
				below := layers[l-1]
				chosen := map[int]bool{idx % len(below): true}
				order := []int{idx % len(below)}
				for len(order) < min(cfg.Fanout, len(below)) {
					j := r.IntN(len(below))
					if !chosen[j] {
						chosen[j] = true
						order = append(order, j)
					}
				}
				for k, j := range order {
					info.Deps = append(info.Deps, depInfo{Alias: fmt.Sprintf("d%d", k), Path: ModulePath + "/" + below[j]})
				}
			}
			for i := range cfg.Steps {
				info.Steps = append(info.Steps, stepInfo{I: i, Next: i + 1, Limit: 2 + r.IntN(6), Expr: stepExprs[r.IntN(len(stepExprs))]})
			}
			for i := range cfg.Fillers {
				info.Fillers = append(info.Fillers, fillerInfo{I: i, A: 2 + r.IntN(9), B: 10 + r.IntN(90)})
			}
			src, err := render(pkgTemplate, info)
			if err != nil {
				return nil, fmt.Errorf("generating %s: %w", rel, err)
			}
			if err := write(rel+"/"+info.Name+".go", src); err != nil {
				return nil, err
			}
			m.Packages = append(m.Packages, ModulePath+"/"+rel)
		}
	}

	var top []depInfo
	for i, rel := range layers[len(layers)-1] {
		top = append(top, depInfo{Alias: fmt.Sprintf("t%d", i), Path: ModulePath + "/" + rel})
	}
	if cfg.Shapes > 0 {
		files, paths := shapePackages(cfg.Shapes)
		for _, rel := range sortedKeys(files) {
			src, err := format.Source([]byte(files[rel]))
			if err != nil {
				return nil, fmt.Errorf("generating %s: %w", rel, err)
			}
			if err := write(rel, src); err != nil {
				return nil, err
			}
		}
		m.Packages = append(m.Packages, paths...)
	}
	src, err := render(mainTemplate, mainInfo{Top: top, Shapes: cfg.Shapes > 0})
	if err != nil {
		return nil, fmt.Errorf("generating cmd/server: %w", err)
	}
	if err := write("cmd/server/main.go", src); err != nil {
		return nil, err
	}
	m.Packages = append(m.Packages, ModulePath+"/cmd/server")
	return m, nil
}

// pick chooses one of the formats and fills in its number, if it has one.
func pick(r *rand.Rand, formats []string, n int) string {
	f := formats[r.IntN(len(formats))]
	if strings.Contains(f, "%") {
		return fmt.Sprintf(f, n%250)
	}
	return f
}

var funcs = template.FuncMap{
	"bq":         func() string { return "`" },
	"first":      func(ds []depInfo) depInfo { return ds[0] },
	"shapesMain": func(alias string) string { return strings.ReplaceAll(shapesMain, "ALIAS", alias) },
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var (
	pkgTemplate  = template.Must(template.New("pkg").Funcs(funcs).Parse(pkgSource))
	mainTemplate = template.Must(template.New("main").Funcs(funcs).Parse(mainSource))
)

func render(t *template.Template, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, err
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%w\n%s", err, buf.Bytes())
	}
	return src, nil
}
