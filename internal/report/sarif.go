package report

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/rules"
)

// GitHub code scanning's limits (docs: "SARIF support for code scanning",
// "Upload limits").
const (
	maxResults             = 25000 // results per run
	maxThreadFlowLocations = 1000  // thread-flow locations shown per result
	maxRelatedLocations    = 1000  // locations per result
	maxTags                = 10    // tags per rule
)

// srcRoot is the uriBaseId of paths relative to Result.Root.
const srcRoot = "%SRCROOT%"

// sarifWriter writes a SARIF 2.1.0 log; the package comment describes the
// mapping.
type sarifWriter struct{}

func (sarifWriter) Write(w io.Writer, r *Result) error {
	log, err := buildSARIF(r)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifBuilder holds the state of one buildSARIF call.
type sarifBuilder struct {
	r   *Result
	src *sources
	// Counts of what was cut to fit GitHub's limits, for notifications.
	cutPaths, cutRelated int
}

func buildSARIF(r *Result) (*sarif.Report, error) {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	b := &sarifBuilder{r: r, src: newSources()}
	var warnings []string // limits applied, for notifications

	driver := sarif.NewDriver("datagate").WithInformationURI(InformationURI)
	if r.Version != "" {
		driver.WithSemanticVersion(r.Version).WithVersion(r.Version)
	}
	run := sarif.NewRun(*sarif.NewTool(driver))

	// Every rule first, so that AddResult finds each result's ruleIndex.
	for _, rule := range rules.All() {
		d, cut := descriptor(rule)
		if cut {
			warnings = append(warnings, fmt.Sprintf("rule %s has more than %d tags; only the first %d are written.", rule.ID, maxTags, maxTags))
		}
		driver.AddRule(d)
	}
	for _, id := range unknownRuleIDs(r.Findings) {
		driver.AddRule(sarif.NewRule(id).WithShortDescription(sarif.NewMultiformatMessageString(id)))
	}

	findings, dropped := mostSevere(shown(r), maxResults)
	if dropped > 0 {
		warnings = append(warnings, fmt.Sprintf("%d results are left out: GitHub code scanning accepts at most %d per run, so the least severe were dropped.", dropped, maxResults))
	}
	for i := range findings {
		run.AddResult(b.result(&findings[i]))
	}
	if b.cutPaths > 0 {
		warnings = append(warnings, fmt.Sprintf("The paths of %s were cut to %d steps, the most GitHub code scanning shows; steps were left out from the middle.", plural(b.cutPaths, "result"), maxThreadFlowLocations))
	}
	if b.cutRelated > 0 {
		warnings = append(warnings, fmt.Sprintf("The related locations of %s were cut to %d.", plural(b.cutRelated, "result"), maxRelatedLocations))
	}

	run.AddInvocations(b.invocation(warnings))
	run.WithColumnKind("utf16CodeUnits")
	if r.Root != "" {
		run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
			srcRoot: sarif.NewArtifactLocation().WithUri(fileURI(r.Root) + "/"),
		})
	}
	if r.Category != "" {
		run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(strings.TrimSuffix(r.Category, "/") + "/"))
	}
	log.AddRun(run)
	return log, nil
}

// descriptor converts a rule; cut reports whether tags were dropped.
func descriptor(r *rules.Rule) (*sarif.ReportingDescriptor, bool) {
	d := sarif.NewRule(r.ID).
		WithName(r.Name).
		WithShortDescription(sarif.NewMultiformatMessageString(r.Short)).
		WithFullDescription(sarif.NewMultiformatMessageString(r.Full)).
		WithHelp(sarif.NewMultiformatMessageString(r.Help).WithMarkdown(r.Markdown)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(r.Level))
	if r.HelpURI != "" {
		d.WithHelpURI(r.HelpURI)
	}
	tags, cut := r.Tags, false
	if len(tags) > maxTags {
		tags, cut = tags[:maxTags], true
	}
	// ReportingDescriptor's own Properties field hides the embedded
	// PropertyBag: set it whole.
	props := sarif.Properties{"tags": append([]string{}, tags...)}
	if r.Precision != "" {
		props["precision"] = r.Precision
	}
	if r.SecuritySeverity != "" {
		props["security-severity"] = r.SecuritySeverity
	}
	d.WithProperties(props)
	return d, cut
}

// unknownRuleIDs returns the rule ids of findings that datagate's table
// does not have, sorted, so that they get a descriptor too.
func unknownRuleIDs(fs []lineage.Finding) []string {
	var ids []string
	for _, f := range fs {
		if ruleFor(f.Rule) == nil && f.Rule != "" {
			ids = append(ids, f.Rule)
		}
	}
	return sortedUnique(ids)
}

// mostSevere keeps at most max findings, the most severe first, in their
// original order, and says how many it dropped.
func mostSevere(fs []lineage.Finding, max int) ([]lineage.Finding, int) {
	if len(fs) <= max {
		return fs, 0
	}
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return rules.LevelRank(level(&fs[idx[a]])) > rules.LevelRank(level(&fs[idx[b]]))
	})
	idx = idx[:max]
	sort.Ints(idx)
	out := make([]lineage.Finding, 0, max)
	for _, i := range idx {
		out = append(out, fs[i])
	}
	return out, len(fs) - max
}

// link is a related location that the message may link to.
type link struct {
	text string // the text in the message to link, "" for none
	loc  *sarif.Location
}

func (b *sarifBuilder) result(f *lineage.Finding) *sarif.Result {
	fl := &f.Flow
	res := sarif.NewRuleResult(ruleID(f.Rule)).WithLevel(level(f))

	links := b.relatedLocations(fl)
	res.WithMessage(sarif.NewTextMessage(linkify(f.Message, links)))

	primary := b.location(fl.Exit.Pos)
	if fn := fl.Exit.Func; fn != "" {
		kind := "function"
		if strings.HasPrefix(fn, "(") {
			kind = "member" // a method: "(*pkg.T).M"
		}
		primary.WithLogicalLocations([]*sarif.LogicalLocation{
			sarif.NewLogicalLocation().WithFullyQualifiedName(fn).WithKind(kind),
		})
	}
	res.WithLocations([]*sarif.Location{primary})

	if cf := b.codeFlow(fl); cf != nil {
		res.WithCodeFlows([]*sarif.CodeFlow{cf})
	}
	for _, l := range links {
		res.AddRelatedLocation(l.loc)
	}

	if props := resultProperties(fl); len(props) > 0 {
		res.PropertyBag = sarif.PropertyBag{Properties: props}
	}

	fp := Fingerprint(f)
	fps := map[string]any{FingerprintKey: fp}
	if h := b.lineHash(fl.Exit.Pos); h != "" {
		fps["primaryLocationLineHash"] = h
	}
	res.WithPartialFingerPrints(fps)

	if f.Suppr != nil {
		res.WithSuppression([]*sarif.Suppression{b.suppression(f.Suppr, fp, fl.Exit.Pos)})
	}
	return res
}

// location returns the SARIF location of p: a physical location when p is
// valid, else an empty location.
func (b *sarifBuilder) location(p lineage.Position) *sarif.Location {
	loc := sarif.NewLocation()
	if pl := b.physical(p); pl != nil {
		loc.WithPhysicalLocation(pl)
	}
	return loc
}

func (b *sarifBuilder) physical(p lineage.Position) *sarif.PhysicalLocation {
	if !p.IsValid() {
		return nil
	}
	rel, inRoot := relPath(b.r.Root, p.File)
	art := sarif.NewArtifactLocation()
	path := p.File
	switch {
	case inRoot:
		art.WithUri(escapePath(rel))
		if b.r.Root != "" {
			art.WithUriBaseId(srcRoot)
			path = filepath.Join(b.r.Root, filepath.FromSlash(rel))
		}
	default:
		art.WithUri(fileURI(p.File))
	}
	region := sarif.NewRegion().WithStartLine(p.Line)
	if p.Col > 0 {
		region.WithStartColumn(b.src.get(path).utf16Col(p.Line, p.Col))
	}
	return sarif.NewPhysicalLocation().WithArtifactLocation(art).WithRegion(region)
}

// lineHash returns GitHub's line hash of p's line when p lies in a readable
// file inside Root, else "".
func (b *sarifBuilder) lineHash(p lineage.Position) string {
	if !p.IsValid() || b.r.Root == "" {
		return ""
	}
	rel, inRoot := relPath(b.r.Root, p.File)
	if !inRoot {
		return ""
	}
	return b.src.get(filepath.Join(b.r.Root, filepath.FromSlash(rel))).lineHash(p.Line)
}

// codeFlow turns the flow's path into one thread flow, or nil when there is
// no path. Steps without a position are left out.
func (b *sarifBuilder) codeFlow(fl *lineage.Flow) *sarif.CodeFlow {
	var steps []lineage.Step
	for _, s := range fl.Path {
		if s.Pos.IsValid() {
			steps = append(steps, s)
		}
	}
	if len(steps) == 0 {
		return nil
	}
	cutAt, cut := -1, 0
	if len(steps) > maxThreadFlowLocations {
		head := maxThreadFlowLocations / 2
		tail := maxThreadFlowLocations - head
		cut, cutAt = len(steps)-maxThreadFlowLocations, head
		steps = append(steps[:head:head], steps[len(steps)-tail:]...)
		b.cutPaths++
	}
	tf := sarif.NewThreadFlow()
	for i, s := range steps {
		desc := s.Desc
		if i == cutAt {
			desc = fmt.Sprintf("(%s left out) %s", plural(cut, "step"), desc)
		}
		loc := b.location(s.Pos).WithMessage(sarif.NewTextMessage(escapeText(desc)))
		tf.AddLocation(sarif.NewThreadFlowLocation().WithLocation(loc))
	}

	msg := "Path of user data " + strings.Join(shortFields(fl.Labels), ", ") + " to " + rules.ShortFunc(fl.Exit.Callee)
	if len(fl.Labels) == 0 {
		msg = "Path of user data to " + rules.ShortFunc(fl.Exit.Callee)
	}
	if fl.PathCut > 0 {
		msg += fmt.Sprintf("; the analysis left out %s from the middle", plural(fl.PathCut, "step"))
	}
	if cut > 0 {
		msg += fmt.Sprintf("; %s left out after step %d to stay within GitHub's %d", plural(cut, "step"), cutAt, maxThreadFlowLocations)
	}
	return sarif.NewCodeFlow().WithTextMessage(escapeText(msg) + ".").WithThreadFlows([]*sarif.ThreadFlow{tf})
}

func shortFields(labels []lineage.Label) []string {
	var out []string
	for _, l := range labels {
		out = append(out, l.ShortField())
	}
	return sortedUnique(out)
}

// relatedLocations returns the fields' declarations, sorted by field, then
// the endpoints' definitions, in the flow's order; each once, numbered from
// 1, at most maxRelatedLocations.
func (b *sarifBuilder) relatedLocations(fl *lineage.Flow) []link {
	labels := append([]lineage.Label(nil), fl.Labels...)
	sort.SliceStable(labels, func(i, j int) bool { return labels[i].Field < labels[j].Field })

	var out []link
	seen := map[string]bool{}
	add := func(key, text, msg string, p lineage.Position) {
		if !p.IsValid() || seen[key] {
			return
		}
		seen[key] = true
		loc := b.location(p).WithMessage(sarif.NewTextMessage(escapeText(msg)))
		out = append(out, link{text: text, loc: loc})
	}
	for _, l := range labels {
		add("field\x00"+l.Field, l.ShortField(), fmt.Sprintf("user data field %s (%s)", l.ShortField(), l.Category), l.Decl)
	}
	for _, e := range fl.Endpoints {
		text, msg := endpointLink(e)
		add("endpoint\x00"+endpointKey(e)+"\x00"+e.Def.String(), text, msg, e.Def)
	}
	if len(out) > maxRelatedLocations {
		out = out[:maxRelatedLocations]
		b.cutRelated++
	}
	for i := range out {
		out[i].loc.WithId(i + 1)
	}
	return out
}

// endpointLink returns the text naming e in messages and the related
// location's message.
func endpointLink(e lineage.Endpoint) (text, msg string) {
	if e.Unresolved != "" {
		return e.Unresolved, "destination, unresolved: " + e.Unresolved
	}
	text = e.Host
	if text == "" {
		text = e.Value
	}
	msg = "endpoint " + endpointName(e) + " in " + e.Region
	if e.Region == "" {
		msg = "endpoint " + endpointName(e) + " in an unknown region"
	}
	if e.RegionWhy != "" {
		msg += " (" + e.RegionWhy + ")"
	}
	if d := e.Input.Deployed(); d != "" {
		msg += ", from " + d
	}
	return text, msg
}

// linkify escapes msg for a SARIF plain-text message and turns the first
// whole-word occurrence of each link's text into an embedded link
// "[text](id)".
func linkify(msg string, links []link) string {
	used := make([]bool, len(links))
	var b strings.Builder
	for i := 0; i < len(msg); {
		best := -1
		if i == 0 || !isWordByte(msg[i-1]) {
			for j, l := range links {
				if used[j] || l.text == "" || !strings.HasPrefix(msg[i:], l.text) || !endsWord(msg, i+len(l.text)) {
					continue
				}
				if best < 0 || len(l.text) > len(links[best].text) {
					best = j
				}
			}
		}
		if best < 0 {
			b.WriteString(escapeText(msg[i : i+1]))
			i++
			continue
		}
		// Every link with this text is used up: link the first one.
		for j, l := range links {
			if l.text == links[best].text {
				used[j] = true
			}
		}
		fmt.Fprintf(&b, "[%s](%d)", escapeText(links[best].text), *links[best].loc.Id)
		i += len(links[best].text)
	}
	return b.String()
}

// isWordByte reports whether c can be part of a name, host or path.
func isWordByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c == '/' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// endsWord reports whether the word that ends before msg[end] is whole:
// what follows is not a name byte, and not a '.', '-' or '/' that continues
// one.
func endsWord(msg string, end int) bool {
	if end >= len(msg) {
		return true
	}
	c := msg[end]
	if c == '.' || c == '-' || c == '/' {
		return end+1 >= len(msg) || !isWordByte(msg[end+1])
	}
	return !isWordByte(c)
}

// escapeText escapes the brackets in a SARIF plain-text message, which
// would otherwise read as embedded links.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "[]") {
		return s
	}
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}

// resultProperties lists what a result is about: fields, categories,
// endpoints, regions and the exit.
func resultProperties(fl *lineage.Flow) sarif.Properties {
	props := sarif.Properties{}
	if fields := fl.Fields(); len(fields) > 0 {
		props["fields"] = fields
	}
	if cats := fl.Categories(); len(cats) > 0 {
		props["categories"] = cats
	}
	var eps, regions []string
	for _, e := range fl.Endpoints {
		eps = append(eps, endpointName(e))
		switch {
		case e.Unresolved != "":
		case e.Region != "":
			regions = append(regions, e.Region)
		default:
			regions = append(regions, "unknown")
		}
	}
	if len(eps) > 0 {
		props["endpoints"] = sortedUnique(eps)
	}
	if len(regions) > 0 {
		props["regions"] = sortedUnique(regions)
	}
	if fl.Exit.Callee != "" {
		props["exit"] = fl.Exit.Callee
	}
	return props
}

// suppression builds an in-source suppression. go-sarif writes every member
// of a Suppression, null when unset, and null fails the schema; so each is
// set: status "accepted", the directive's location (else the exit's), and a
// name-based UUID derived from the finding's fingerprint and the
// directive's place, stable across runs.
func (b *sarifBuilder) suppression(s *lineage.Suppression, fp string, exit lineage.Position) *sarif.Suppression {
	p := s.Pos
	if !p.IsValid() {
		p = exit
	}
	rel, _ := relPath(b.r.Root, p.File)
	guid := uuid5(InformationURI + "/suppression/" + fp + "/" + rel + fmt.Sprintf(":%d", p.Line))
	return sarif.NewSuppression("inSource").
		WithStatus("accepted").
		WithJustifcation(s.Reason).
		WithLocation(b.location(p)).
		WithGuid(guid)
}

// uuid5 returns the RFC 4122 version 5 UUID of name in the URL namespace.
func uuid5(name string) string {
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// invocation reports whether the run succeeded and its notifications:
// failed packages (error), notes and applied limits (warning), and what
// was left out on purpose (note).
func (b *sarifBuilder) invocation(warnings []string) *sarif.Invocation {
	r := b.r
	inv := sarif.NewInvocation().WithExecutionSuccess(len(r.Errors) == 0)
	notify := func(level, text string, p lineage.Position) {
		n := sarif.NewNotification()
		n.Level = level
		n.Message = sarif.NewTextMessage(escapeText(text))
		if p.IsValid() {
			n.Locations = []*sarif.Location{b.location(p)}
		}
		inv.AddTToolExecutionNotification(n)
	}
	for _, e := range r.Errors {
		notify("error", "package "+e.Package+": "+e.Message, e.Pos)
	}
	for _, n := range r.Notes {
		notify("warning", n, lineage.Position{})
	}
	for _, w := range warnings {
		notify("warning", w, lineage.Position{})
	}
	if n := suppressedCount(r); n > 0 && !r.ShowSuppressed {
		notify("note", fmt.Sprintf("%s suppressed by //datagate:allow %s left out (GitHub code scanning would open them as alerts); -show-suppressed keeps them.",
			plural(n, "result"), isAre(n)), lineage.Position{})
	}
	if n := r.BaselineMatched; n > 0 {
		notify("note", fmt.Sprintf("%s matched the baseline and %s not reported.",
			plural(n, "result"), isAre(n)), lineage.Position{})
	}
	return inv
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// fileURI returns the file URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// escapePath percent-encodes a relative slash-separated path for a URI
// reference, segment by segment.
func escapePath(rel string) string {
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
