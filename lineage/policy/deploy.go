package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// DeployGlob is one entry of the policy's deploy list: a glob relative to
// the policy file's directory, and the files it matched.
//
// The files, and the values read from them, are named relative to the
// module root: the nearest directory holding a go.mod at or above the
// policy file's, else the policy file's directory.
type DeployGlob struct {
	Pattern string
	Line    int
	Files   []string // relative to the module root, slash-separated
}

// DeployValue is a value a deploy file gives a configured input.
type DeployValue struct {
	Kind  string // InputEnv, InputFlag or InputConfig
	Name  string // SMTP_ADDR, smtp-host, courier.smtp.connection_uri
	Value string
	File  string // relative to the module root, slash-separated
	Line  int
}

// From says where the value is set: "deploy/k8s/api.yaml:41".
func (v DeployValue) From() string { return v.File + ":" + strconv.Itoa(v.Line) }

// AllDeployValues returns every value the deploy files give, sorted by
// kind, name, file and line (one per distinct value of an input).
func (p *Policy) AllDeployValues() []DeployValue {
	var out []DeployValue
	for _, vs := range p.idx.deploy {
		out = append(out, vs...)
	}
	sort.Slice(out, func(i, j int) bool { return lessValue(out[i], out[j]) })
	return out
}

func lessValue(a, b DeployValue) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Line < b.Line
}

// deploy reads a deploy entry: a glob, checked here, expanded once the
// whole policy is read (readDeploy).
func (d *decoder) deploy(item *yaml.Node, path string) error {
	s, err := d.str(item, path)
	if err != nil {
		return err
	}
	switch {
	case s == "":
		return d.errf(item, path, "empty glob")
	case filepath.IsAbs(s) || strings.HasPrefix(s, "/"):
		return d.errf(item, path, "glob %q is absolute; write it relative to the policy file's directory", s)
	}
	if _, err := filepath.Match(filepath.FromSlash(s), ""); err != nil {
		return d.errf(item, path, "bad glob %q: %v", s, err)
	}
	if err := d.dup("deploy", s, item, path, fmt.Sprintf("glob %q", s)); err != nil {
		return err
	}
	d.p.Deploy = append(d.p.Deploy, DeployGlob{Pattern: s, Line: item.Line})
	d.deployNodes = append(d.deployNodes, item)
	return nil
}

// moduleRootOf returns the nearest directory at or above dir that holds a
// go.mod, else dir.
func moduleRootOf(dir string) string {
	for d := dir; ; {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// deployError is a problem in a deploy file, at a line of it.
type deployError struct {
	line int
	msg  string
}

func (e *deployError) Error() string { return e.msg }

// readDeploy expands the deploy globs and reads the files they match, in
// the order of the globs and, within a glob, of the file names. A glob
// that matches no file, a file of a kind datagate does not read, or one
// that does not parse is an error at the glob, naming the file and line.
func (d *decoder) readDeploy() error {
	if len(d.p.Deploy) == 0 {
		return nil
	}
	dir := filepath.Dir(d.file)
	base := moduleRootOf(dir)
	r := &deployReader{dir: base, configMaps: make(map[string]map[string]DeployValue)}
	type file struct {
		rel  string
		glob int
		docs []*yaml.Node
		data []byte
	}
	var files []file
	seen := make(map[string]bool)
	for i := range d.p.Deploy {
		g := &d.p.Deploy[i]
		path := fmt.Sprintf("deploy[%d]", i)
		matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(g.Pattern)))
		if err != nil {
			return d.errf(d.deployNodes[i], path, "bad glob %q: %v", g.Pattern, err)
		}
		sort.Strings(matches)
		for _, m := range matches {
			if fi, err := os.Stat(m); err != nil || fi.IsDir() {
				continue
			}
			rel, err := filepath.Rel(base, m)
			if err != nil {
				rel = m
			}
			rel = filepath.ToSlash(rel)
			g.Files = append(g.Files, rel)
			if seen[rel] {
				continue
			}
			seen[rel] = true
			data, err := os.ReadFile(m)
			if err != nil {
				return d.errf(d.deployNodes[i], path, "%s: cannot read: %s", rel, errText(err))
			}
			f := file{rel: rel, glob: i, data: data}
			if isYAMLFile(rel) {
				if f.docs, err = yamlDocs(data); err != nil {
					return d.deployErr(i, rel, err)
				}
			}
			files = append(files, f)
		}
		if len(g.Files) == 0 {
			return d.errf(d.deployNodes[i], path, "glob %q matches no file in %s", g.Pattern, dir)
		}
	}
	// ConfigMaps first: a workload may refer to one in any deploy file.
	for _, f := range files {
		for _, doc := range f.docs {
			r.configMap(f.rel, doc)
		}
	}
	for _, f := range files {
		r.file = f.rel
		var err error
		switch {
		case isYAMLFile(f.rel):
			err = r.yamlFile(f.docs)
		case strings.HasSuffix(f.rel, ".toml"):
			err = r.tomlFile(f.data)
		case isDotEnv(f.rel):
			err = r.dotEnvFile(f.rel, f.data)
		default:
			err = &deployError{msg: "not a kind of deploy file datagate reads: want a Kubernetes manifest, a Docker Compose file or a config file (.yaml, .yml, .json, .toml), or a .env file"}
		}
		if err != nil {
			return d.deployErr(f.glob, f.rel, err)
		}
	}
	for _, v := range r.values {
		k := inputKey{v.Kind, v.Name}
		dup := false
		for _, w := range d.p.idx.deploy[k] {
			dup = dup || w.Value == v.Value
		}
		if !dup {
			d.p.idx.deploy[k] = append(d.p.idx.deploy[k], v)
		}
	}
	return nil
}

// deployErr is the policy error for a problem in a deploy file matched by
// glob i.
func (d *decoder) deployErr(i int, rel string, err error) error {
	where := rel
	var de *deployError
	if errors.As(err, &de) && de.line > 0 {
		where += ":" + strconv.Itoa(de.line)
	}
	return d.errf(d.deployNodes[i], fmt.Sprintf("deploy[%d]", i), "%s: %s", where, err.Error())
}

func isYAMLFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// isDotEnv reports whether a file is a .env file by its name: ".env",
// ".env.production", "prod.env".
func isDotEnv(name string) bool {
	base := filepath.Base(name)
	return base == ".env" || strings.HasPrefix(base, ".env.") || strings.HasSuffix(base, ".env")
}

// yamlDocs parses every document of a YAML (or JSON) file.
func yamlDocs(data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			line, msg := yamlProblem(err, data)
			return nil, &deployError{line: line, msg: "bad YAML: " + msg}
		}
		if len(doc.Content) == 1 {
			docs = append(docs, resolve(doc.Content[0]))
		}
	}
}

// deployReader collects the values of the deploy files.
type deployReader struct {
	dir        string
	file       string // the file being read, relative to dir
	values     []DeployValue
	configMaps map[string]map[string]DeployValue // by name, then key
}

func (r *deployReader) add(kind, name, value string, line int) {
	r.values = append(r.values, DeployValue{Kind: kind, Name: name, Value: value, File: r.file, Line: line})
}

// get returns the value of key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := resolve(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return resolve(n.Content[i+1])
		}
	}
	return nil
}

// dig follows keys through nested mappings.
func dig(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n = get(n, k)
	}
	return n
}

// scalar returns a scalar's value; false for anything else (and null).
func scalar(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return "", false
	}
	return n.Value, true
}

// isManifest reports whether a YAML document is a Kubernetes object.
func isManifest(doc *yaml.Node) bool {
	_, a := scalar(get(doc, "apiVersion"))
	_, k := scalar(get(doc, "kind"))
	return a && k
}

// configMap records a Kubernetes ConfigMap's data.
func (r *deployReader) configMap(file string, doc *yaml.Node) {
	if kind, _ := scalar(get(doc, "kind")); !isManifest(doc) || kind != "ConfigMap" {
		return
	}
	name, ok := scalar(dig(doc, "metadata", "name"))
	if !ok {
		return
	}
	data := get(doc, "data")
	if data == nil || data.Kind != yaml.MappingNode {
		return
	}
	m := make(map[string]DeployValue)
	for i := 0; i+1 < len(data.Content); i += 2 {
		k, v := resolve(data.Content[i]), resolve(data.Content[i+1])
		if val, ok := scalar(v); ok {
			m[k.Value] = DeployValue{Value: val, File: file, Line: v.Line}
		}
	}
	if r.configMaps[name] == nil {
		r.configMaps[name] = m
	}
}

// yamlFile reads the documents of a YAML or JSON file: Kubernetes objects,
// a Docker Compose file (a top-level services mapping), or else config
// keys.
func (r *deployReader) yamlFile(docs []*yaml.Node) error {
	for _, doc := range docs {
		switch {
		case isManifest(doc):
			r.manifest(doc)
		case get(doc, "services") != nil && get(doc, "services").Kind == yaml.MappingNode:
			if err := r.compose(doc); err != nil {
				return err
			}
		default:
			r.configKeys(doc, "")
		}
	}
	return nil
}

// podSpecPath is where each kind of workload keeps its pod spec.
var podSpecPath = map[string][]string{
	"Pod":         {"spec"},
	"Deployment":  {"spec", "template", "spec"},
	"StatefulSet": {"spec", "template", "spec"},
	"DaemonSet":   {"spec", "template", "spec"},
	"ReplicaSet":  {"spec", "template", "spec"},
	"Job":         {"spec", "template", "spec"},
	"CronJob":     {"spec", "jobTemplate", "spec", "template", "spec"},
}

// manifest reads a Kubernetes workload's containers: env values (also
// from ConfigMaps by valueFrom.configMapKeyRef and envFrom.configMapRef),
// and flags in args and command.
func (r *deployReader) manifest(doc *yaml.Node) {
	kind, _ := scalar(get(doc, "kind"))
	sp, ok := podSpecPath[kind]
	if !ok {
		return
	}
	spec := dig(doc, sp...)
	for _, list := range []string{"initContainers", "containers"} {
		cs := get(spec, list)
		if cs == nil || cs.Kind != yaml.SequenceNode {
			continue
		}
		for _, c := range cs.Content {
			r.container(resolve(c))
		}
	}
}

func (r *deployReader) container(c *yaml.Node) {
	env := make(map[string]string) // for $(NAME) in args
	if ef := get(c, "envFrom"); ef != nil && ef.Kind == yaml.SequenceNode {
		for _, item := range ef.Content {
			item = resolve(item)
			name, ok := scalar(dig(item, "configMapRef", "name"))
			if !ok {
				continue
			}
			prefix, _ := scalar(get(item, "prefix"))
			cm := r.configMaps[name]
			keys := make([]string, 0, len(cm))
			for k := range cm {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				v := cm[k]
				r.values = append(r.values, DeployValue{Kind: InputEnv, Name: prefix + k, Value: v.Value, File: v.File, Line: v.Line})
				env[prefix+k] = v.Value
			}
		}
	}
	if es := get(c, "env"); es != nil && es.Kind == yaml.SequenceNode {
		for _, item := range es.Content {
			item = resolve(item)
			name, ok := scalar(get(item, "name"))
			if !ok {
				continue
			}
			if v := get(item, "value"); v != nil {
				if val, ok := scalar(v); ok {
					r.add(InputEnv, name, val, v.Line)
					env[name] = val
				}
				continue
			}
			ref := dig(item, "valueFrom", "configMapKeyRef")
			cmName, _ := scalar(get(ref, "name"))
			key, _ := scalar(get(ref, "key"))
			if v, ok := r.configMaps[cmName][key]; ok {
				r.values = append(r.values, DeployValue{Kind: InputEnv, Name: name, Value: v.Value, File: v.File, Line: v.Line})
				env[name] = v.Value
			}
		}
	}
	for _, key := range []string{"command", "args"} {
		list := get(c, key)
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		r.flags(list.Content, func(s string) string { return expandK8s(s, env) })
	}
}

// expandK8s replaces $(NAME) by the container's environment variable, as
// Kubernetes does in command and args.
func expandK8s(s string, env map[string]string) string {
	if !strings.Contains(s, "$(") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "$(")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		if v, ok := env[s[i+2:i+j]]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// flags reads command-line flags from a list of arguments:
// "--smtp-host=x", or "--smtp-host" followed by "x" (one or two dashes).
func (r *deployReader) flags(args []*yaml.Node, expand func(string) string) {
	for i := 0; i < len(args); i++ {
		a, ok := scalar(resolve(args[i]))
		if !ok || !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			continue
		}
		name := strings.TrimLeft(a, "-")
		if n, v, ok := strings.Cut(name, "="); ok {
			if n != "" {
				r.add(InputFlag, n, expand(v), args[i].Line)
			}
			continue
		}
		if i+1 < len(args) {
			if v, ok := scalar(resolve(args[i+1])); ok && !strings.HasPrefix(v, "-") {
				r.add(InputFlag, name, expand(v), args[i+1].Line)
				i++
			}
		}
	}
}

// compose reads a Docker Compose file's services: environment (a list of
// KEY=VALUE or a mapping), env_file (a path or a list of paths or of
// {path, required}, relative to the compose file) and command flags.
func (r *deployReader) compose(doc *yaml.Node) error {
	services := get(doc, "services")
	for i := 0; i+1 < len(services.Content); i += 2 {
		svc := resolve(services.Content[i+1])
		if err := r.composeEnvFiles(get(svc, "env_file")); err != nil {
			return err
		}
		switch env := get(svc, "environment"); {
		case env == nil:
		case env.Kind == yaml.SequenceNode:
			for _, item := range env.Content {
				if s, ok := scalar(resolve(item)); ok {
					if k, v, ok := strings.Cut(s, "="); ok && k != "" {
						r.add(InputEnv, k, v, item.Line)
					}
				}
			}
		case env.Kind == yaml.MappingNode:
			for j := 0; j+1 < len(env.Content); j += 2 {
				k, v := resolve(env.Content[j]), resolve(env.Content[j+1])
				if val, ok := scalar(v); ok {
					r.add(InputEnv, k.Value, val, v.Line)
				}
			}
		}
		if cmd := get(svc, "command"); cmd != nil && cmd.Kind == yaml.SequenceNode {
			r.flags(cmd.Content, func(s string) string { return s })
		}
	}
	return nil
}

func (r *deployReader) composeEnvFiles(n *yaml.Node) error {
	if n == nil {
		return nil
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	for _, item := range items {
		item = resolve(item)
		p, ok := scalar(item)
		required := true
		if !ok {
			p, ok = scalar(get(item, "path"))
			if req, has := scalar(get(item, "required")); has && req == "false" {
				required = false
			}
		}
		if !ok {
			continue
		}
		rel := filepath.ToSlash(filepath.Join(filepath.Dir(r.file), filepath.FromSlash(p)))
		data, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(rel)))
		if err != nil {
			if !required {
				continue
			}
			return &deployError{line: item.Line, msg: fmt.Sprintf("env_file %s: %s", p, errText(err))}
		}
		saved := r.file
		r.file = rel
		err = r.dotEnvFile(rel, data)
		r.file = saved
		if err != nil {
			var de *deployError
			if errors.As(err, &de) {
				return &deployError{line: item.Line, msg: fmt.Sprintf("env_file %s:%d: %s", p, de.line, de.msg)}
			}
			return err
		}
	}
	return nil
}

// configKeys records the scalars of a config file under their keys,
// nested keys joined with ".".
func (r *deployReader) configKeys(n *yaml.Node, prefix string) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		key := k.Value
		if prefix != "" {
			key = prefix + "." + key
		}
		switch v.Kind {
		case yaml.MappingNode:
			r.configKeys(v, key)
		case yaml.ScalarNode:
			if val, ok := scalar(v); ok {
				r.add(InputConfig, key, val, v.Line)
			}
		}
	}
}

// dotEnvFile reads a .env file: KEY=VALUE lines, optionally after
// "export ", with values unquoted ("..." with escapes, '...' as is) or
// bare (a " #" starts a comment); empty lines and # comments are skipped.
func (r *deployReader) dotEnvFile(rel string, data []byte) error {
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.ContainsAny(k, " \t\"'") {
			return &deployError{line: i + 1, msg: fmt.Sprintf("want KEY=VALUE, got %q", line)}
		}
		v = strings.TrimSpace(v)
		switch {
		case strings.HasPrefix(v, `"`):
			end := closingQuote(v)
			if end < 0 {
				return &deployError{line: i + 1, msg: "unterminated \" in the value of " + k}
			}
			u, err := strconv.Unquote(v[:end+1])
			if err != nil {
				u = v[1:end]
			}
			v = u
		case strings.HasPrefix(v, "'"):
			end := strings.IndexByte(v[1:], '\'')
			if end < 0 {
				return &deployError{line: i + 1, msg: "unterminated ' in the value of " + k}
			}
			v = v[1 : end+1]
		default:
			if j := strings.Index(v, " #"); j >= 0 {
				v = strings.TrimSpace(v[:j])
			}
		}
		r.values = append(r.values, DeployValue{Kind: InputEnv, Name: k, Value: v, File: rel, Line: i + 1})
	}
	return nil
}

// closingQuote returns the index of the '"' that closes the string v
// starts with, or -1.
func closingQuote(v string) int {
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// tomlFile records the scalars of a TOML config file under their keys,
// tables and dotted keys joined with "." (arrays of tables are left out).
// The values come from go-toml's decoder; the lines from its parser.
func (r *deployReader) tomlFile(data []byte) error {
	var m map[string]any
	if err := toml.Unmarshal(data, &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ := de.Position()
			return &deployError{line: line, msg: "bad TOML: " + de.Error()}
		}
		return &deployError{msg: "bad TOML: " + err.Error()}
	}
	lines := tomlLines(data)
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			key := k
			if prefix != "" {
				key = prefix + "." + k
			}
			switch v := m[k].(type) {
			case map[string]any:
				walk(key, v)
			case []any:
			default:
				r.add(InputConfig, key, fmt.Sprint(v), lines[key])
			}
		}
	}
	walk("", m)
	return nil
}

// tomlLines maps each key of a TOML document to the line it is set on.
func tomlLines(data []byte) map[string]int {
	lines := make(map[string]int)
	p := unstable.Parser{}
	p.Reset(data)
	var table []string // nil after an array of tables: its keys are left out
	inArray := false
	var kv func(prefix []string, n *unstable.Node)
	kv = func(prefix []string, n *unstable.Node) {
		key := append([]string(nil), prefix...)
		line := 0
		for it := n.Key(); it.Next(); {
			k := it.Node()
			if line == 0 {
				line = p.Shape(k.Raw).Start.Line
			}
			key = append(key, string(k.Data))
		}
		v := n.Value()
		if v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				if c := it.Node(); c.Kind == unstable.KeyValue {
					kv(key, c)
				}
			}
			return
		}
		lines[strings.Join(key, ".")] = line
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table, inArray = nil, false
			for it := e.Key(); it.Next(); {
				table = append(table, string(it.Node().Data))
			}
		case unstable.ArrayTable:
			inArray = true
		case unstable.KeyValue:
			if !inArray {
				kv(table, e)
			}
		}
	}
	return lines
}
