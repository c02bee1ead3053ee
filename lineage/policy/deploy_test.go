package policy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFiles writes files (slash-separated names relative to dir) into a
// new temporary directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// values lists a policy's deploy values as "kind name=value file:line".
func values(p *Policy) []string {
	var out []string
	for _, v := range p.AllDeployValues() {
		out = append(out, fmt.Sprintf("%s %s=%s %s", v.Kind, v.Name, v.Value, v.From()))
	}
	return out
}

func loadWith(t *testing.T, files map[string]string) (*Policy, error) {
	t.Helper()
	dir := writeFiles(t, files)
	return Load(filepath.Join(dir, "datagate.yaml"))
}

// TestDeployFiles reads each kind of deploy file.
func TestDeployFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "kubernetes",
			files: map[string]string{
				"datagate.yaml": "version: 1\ndeploy:\n  - deploy/k8s/*.yaml\n",
				"deploy/k8s/config.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  WEBHOOK_URL: https://hooks.example.eu/in
  CRM_URL: https://api.eu.intercom.io
`,
				"deploy/k8s/api.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          env:
            - name: DATABASE_URL
              value: postgres://db.svc.cluster.local:5432/shop
      containers:
        - name: api
          env:
            - name: SMTP_ADDR
              value: smtp.eu.mailgun.org:587
            - name: WEBHOOK_URL
              valueFrom:
                configMapKeyRef:
                  name: api-config
                  key: WEBHOOK_URL
            - name: SECRET
              valueFrom:
                secretKeyRef:
                  name: api-secrets
                  key: token
            - name: PORT
              value: "8080"
          envFrom:
            - configMapRef:
                name: api-config
              prefix: CFG_
          args:
            - --smtp-host=smtp.eu.mailgun.org
            - -events-url
            - https://api-eu.mixpanel.com/track
            - --verbose
            - --relay=$(SMTP_ADDR)
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: export
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: export
              command: ["/export", "--target", "https://export.example.com"]
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ports:
    - port: 80
`,
			},
			want: []string{
				"env CFG_CRM_URL=https://api.eu.intercom.io deploy/k8s/config.yaml:7",
				"env CFG_WEBHOOK_URL=https://hooks.example.eu/in deploy/k8s/config.yaml:6",
				"env DATABASE_URL=postgres://db.svc.cluster.local:5432/shop deploy/k8s/api.yaml:12",
				"env PORT=8080 deploy/k8s/api.yaml:29",
				"env SMTP_ADDR=smtp.eu.mailgun.org:587 deploy/k8s/api.yaml:17",
				"env WEBHOOK_URL=https://hooks.example.eu/in deploy/k8s/config.yaml:6",
				"flag events-url=https://api-eu.mixpanel.com/track deploy/k8s/api.yaml:37",
				"flag relay=smtp.eu.mailgun.org:587 deploy/k8s/api.yaml:39",
				"flag smtp-host=smtp.eu.mailgun.org deploy/k8s/api.yaml:35",
				"flag target=https://export.example.com deploy/k8s/api.yaml:52",
			},
		},
		{
			name: "compose",
			files: map[string]string{
				"datagate.yaml": "version: 1\ndeploy:\n  - docker-compose.yml\n",
				"docker-compose.yml": `services:
  api:
    image: shop/api
    environment:
      - SMTP_ADDR=smtp.eu.mailgun.org:587
      - HOME
    env_file:
      - env/common.env
      - path: env/missing.env
        required: false
    command: ["serve", "--webhook-url", "https://hooks.example.eu"]
  worker:
    environment:
      QUEUE_URL: amqp://mq.svc.cluster.local:5672
      EMPTY:
`,
				"env/common.env": "# shared\nDSN=postgres://db.internal:5432/x\n",
			},
			want: []string{
				"env DSN=postgres://db.internal:5432/x env/common.env:2",
				"env QUEUE_URL=amqp://mq.svc.cluster.local:5672 docker-compose.yml:14",
				"env SMTP_ADDR=smtp.eu.mailgun.org:587 docker-compose.yml:5",
				"flag webhook-url=https://hooks.example.eu docker-compose.yml:11",
			},
		},
		{
			name: "dotenv",
			files: map[string]string{
				"datagate.yaml":   "version: 1\ndeploy:\n  - .env.production\n",
				".env.production": "# production\n\nexport SMTP_ADDR=smtp.eu.mailgun.org:587\nHOOK=\"https://hooks.example.eu/a b\" \nRAW='x#y'\nBARE=https://a.example.eu # the relay\nEMPTY=\n",
			},
			want: []string{
				"env BARE=https://a.example.eu .env.production:6",
				"env EMPTY= .env.production:7",
				"env HOOK=https://hooks.example.eu/a b .env.production:4",
				"env RAW=x#y .env.production:5",
				"env SMTP_ADDR=smtp.eu.mailgun.org:587 .env.production:3",
			},
		},
		{
			name: "yaml and json config",
			files: map[string]string{
				"datagate.yaml":    "version: 1\ndeploy:\n  - config/*\n",
				"config/prod.yaml": "courier:\n  smtp:\n    connection_uri: smtps://smtp.eu.mailgun.org:465\n  retries: 3\nhooks: [a, b]\n",
				"config/app.json":  "{\n  \"app\": {\n    \"root_url\": \"https://shop.example.eu\"\n  }\n}\n",
			},
			want: []string{
				"config app.root_url=https://shop.example.eu config/app.json:3",
				"config courier.retries=3 config/prod.yaml:4",
				"config courier.smtp.connection_uri=smtps://smtp.eu.mailgun.org:465 config/prod.yaml:3",
			},
		},
		{
			name: "toml config",
			files: map[string]string{
				"datagate.yaml": "version: 1\ndeploy:\n  - config.toml\n",
				"config.toml":   "title = \"shop\"\n\n[smtp]\nhost = \"smtp.eu.mailgun.org\"\nport = 587\n\n[db]\ndsn = { url = \"postgres://db.internal/x\" }\n\n[[hooks]]\nurl = \"https://a.example.com\"\n",
			},
			want: []string{
				"config db.dsn.url=postgres://db.internal/x config.toml:8",
				"config smtp.host=smtp.eu.mailgun.org config.toml:4",
				"config smtp.port=587 config.toml:5",
				"config title=shop config.toml:1",
			},
		},
		{
			name: "several files, several values",
			files: map[string]string{
				"datagate.yaml":  "version: 1\ndeploy:\n  - deploy/*.env\n",
				"deploy/eu.env":  "SMTP_ADDR=smtp.eu.mailgun.org:587\n",
				"deploy/us.env":  "SMTP_ADDR=smtp.mailgun.org:587\n",
				"deploy/eu2.env": "SMTP_ADDR=smtp.eu.mailgun.org:587\n",
			},
			want: []string{
				"env SMTP_ADDR=smtp.eu.mailgun.org:587 deploy/eu.env:1",
				"env SMTP_ADDR=smtp.mailgun.org:587 deploy/us.env:1",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := loadWith(t, tt.files)
			if err != nil {
				t.Fatal(err)
			}
			if got := values(p); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("values:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestDeployErrors: a deploy file that cannot be read is a policy error at
// the glob, naming the file and its line.
func TestDeployErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		msg   string
	}{
		{"yaml", map[string]string{"d/a.yaml": "a: [1\nb: 2\n"}, "d/a.yaml:2: bad YAML: did not find expected ',' or ']'"},
		{"json", map[string]string{"d/a.json": "{\n  \"a\": \"x\",\n  \"b\" \"y\"\n}\n"}, "d/a.json:3: bad YAML"},
		{"toml", map[string]string{"d/a.toml": "a = 1\nb = \n"}, "d/a.toml:2: bad TOML"},
		{"dotenv", map[string]string{"d/.env": "A=1\nnot a pair\n"}, `d/.env:2: want KEY=VALUE, got "not a pair"`},
		{"dotenv quote", map[string]string{"d/.env": "A=\"x\n"}, `d/.env:1: unterminated " in the value of A`},
		{"kind", map[string]string{"d/notes.txt": "x\n"}, "d/notes.txt: not a kind of deploy file datagate reads"},
		{"env_file", map[string]string{"d/compose.yaml": "services:\n  api:\n    env_file: missing.env\n"}, "d/compose.yaml:3: env_file missing.env: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"datagate.yaml": "version: 1\nendpoints: []\ndeploy:\n  - \"d/*\"\n"}
			for k, v := range tt.files {
				files[k] = v
			}
			_, err := loadWith(t, files)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v; want a *policy.Error", err)
			}
			if e.Line != 4 || e.Key != "deploy[0]" || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error %q (line %d, key %q); want line 4, key deploy[0], message containing %q", err, e.Line, e.Key, tt.msg)
			}
		})
	}
}

// TestInputEntries: endpoints entries by input, categories and exclude.
func TestInputEntries(t *testing.T) {
	p, err := Parse("/p/datagate.yaml", []byte(`version: 1
allowed_regions: [EEA]
endpoints:
  - env: ["DATABASE_URL", "DSN"]
    region: internal
  - flags: ["smtp-host"]
    region: IE
  - config: ["courier.smtp.connection_uri"]
    region: IE
  - fields: ["example.com/cfg.Config.BrokerURL"]
    region: DE
  - hosts: ["*.corp.example.eu"]
    region: IE
exclude:
  - "./pkg/testhelpers/..."
  - "example.com/tools/..."
  - "./internal/fixture"
categories:
  public_profile:
    allowed_regions: [any]
  payment:
    allowed_regions: [DE]
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		kind, name, region string
		line               int
	}{
		{InputEnv, "DATABASE_URL", "internal", 4},
		{InputEnv, "DSN", "internal", 4},
		{InputFlag, "smtp-host", "IE", 6},
		{InputConfig, "courier.smtp.connection_uri", "IE", 8},
		{InputField, "example.com/cfg.Config.BrokerURL", "DE", 10},
		{InputEnv, "smtp-host", "", 0},
		{InputConfig, "DSN", "", 0},
	} {
		r, rule, ok := p.InputRegion(tc.kind, tc.name)
		if ok != (tc.region != "") || r != tc.region || ok && rule.Line != tc.line {
			t.Errorf("InputRegion(%s, %s) = %q, %v, %v; want %q at line %d", tc.kind, tc.name, r, rule, ok, tc.region, tc.line)
		}
	}
	if r, _, ok := p.EndpointRegion("a.corp.example.eu"); !ok || r != "IE" {
		t.Errorf("hosts rule after input rules: %q %v", r, ok)
	}
	for _, tc := range []struct {
		pkg  string
		want bool
	}{
		{"example.com/shop/pkg/testhelpers", true},
		{"example.com/shop/pkg/testhelpers/db", true},
		{"example.com/shop/pkg/testhelpersx", false},
		{"example.com/shop/internal/fixture", true},
		{"example.com/shop/internal/fixture/sub", false},
		{"example.com/tools/gen", true},
		{"example.com/shop/api", false},
	} {
		if got := p.Excluded(tc.pkg, "example.com/shop"); got != tc.want {
			t.Errorf("Excluded(%s) = %v, want %v", tc.pkg, got, tc.want)
		}
	}
	if p.Excluded("example.com/shop/pkg/testhelpers", "") {
		t.Errorf("a relative pattern matched without a module path")
	}
	for _, tc := range []struct {
		cat  string
		want []string
		any  bool
	}{
		{"public_profile", []string{"any"}, true},
		{"payment", []string{"DE"}, false},
		{"contact", []string{"EEA"}, false},
	} {
		got, any := p.CategoryAllowed(tc.cat)
		if !reflect.DeepEqual(got, tc.want) || any != tc.any {
			t.Errorf("CategoryAllowed(%s) = %v, %v; want %v, %v", tc.cat, got, any, tc.want, tc.any)
		}
	}
}

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		pat, path string
		want      bool
	}{
		{"a/b", "a/b", true},
		{"a/b", "a/b/c", false},
		{"a/...", "a", true},
		{"a/...", "a/b/c", true},
		{"a/...", "ab", false},
		{"a/.../test", "a/x/y/test", true},
		{"a/.../test", "a/x/y/tests", false},
		{"...", "anything", true},
	} {
		if got := matchPattern(tc.pat, tc.path); got != tc.want {
			t.Errorf("matchPattern(%q, %q) = %v, want %v", tc.pat, tc.path, got, tc.want)
		}
	}
}

// TestSpec3aExample loads the example of the README's section
// "Configured destinations" verbatim, with a file for each deploy glob.
func TestSpec3aExample(t *testing.T) {
	p, err := Load(filepath.Join("testdata", "spec3a", "datagate.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"config courier.smtp.connection_uri=smtps://smtp.eu.mailgun.org:465 config/prod.yaml:3",
		"env BROKER=amqp://mq.corp.example.eu:5672 .env.production:1",
		"env SMTP_ADDR=smtp.eu.mailgun.org:587 deploy/k8s/api.yaml:12",
		"env WEBHOOK_URL=https://hooks.example.eu/in docker-compose.yml:4",
	}
	if got := values(p); !reflect.DeepEqual(got, want) {
		t.Errorf("values:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var globs []string
	for _, g := range p.Deploy {
		globs = append(globs, fmt.Sprintf("%s:%d %v", g.Pattern, g.Line, g.Files))
	}
	wantGlobs := []string{
		"deploy/k8s/*.yaml:14 [deploy/k8s/api.yaml]",
		"docker-compose.yml:15 [docker-compose.yml]",
		".env.production:16 [.env.production]",
		"config/prod.yaml:17 [config/prod.yaml]",
	}
	if !reflect.DeepEqual(globs, wantGlobs) {
		t.Errorf("globs %v, want %v", globs, wantGlobs)
	}
	if !reflect.DeepEqual(p.Exclude, []string{"./pkg/testhelpers/..."}) {
		t.Errorf("Exclude = %v", p.Exclude)
	}
	if len(p.Endpoints) != 5 || p.Endpoints[1].Input != InputEnv || !reflect.DeepEqual(p.Endpoints[1].Names, []string{"DATABASE_URL", "DSN"}) {
		t.Errorf("Endpoints = %+v", p.Endpoints)
	}
	if !reflect.DeepEqual(p.Categories, map[string][]string{"public_profile": {"any"}, "payment": {"DE"}}) {
		t.Errorf("Categories = %v", p.Categories)
	}
}
