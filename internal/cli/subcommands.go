package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/datagate/datagate/lineage/regions"
	"github.com/datagate/datagate/lineage/rules"
)

// version can be set at link time:
//
//	go build -ldflags "-X github.com/datagate/datagate/internal/cli.version=1.2.3"
var version string

// devVersion is the version of a build from a source tree.
const devVersion = "0.1.0-devel"

// Version returns datagate's version, without a leading "v": the one set at
// link time, else the module version recorded in the binary (go install
// ...@v1.2.3), else devVersion.
func Version() string {
	if version != "" {
		return strings.TrimPrefix(version, "v")
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return strings.TrimPrefix(v, "v")
		}
	}
	return devVersion
}

func printVersion(w io.Writer) {
	fmt.Fprintf(w, "datagate version %s %s %s/%s\n", Version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// rulesCommand lists the rules, or prints one rule's help: the text SARIF
// carries as help.text.
func rulesCommand(args []string, stdout io.Writer) error {
	switch len(args) {
	case 0:
		tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
		for _, r := range rules.All() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Level, r.Short)
		}
		return tw.Flush()
	case 1:
		r := rules.Lookup(args[0])
		if r == nil {
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ShortID())
			}
			return usagef("rules: unknown rule %q (rules: %s)", args[0], strings.Join(ids, ", "))
		}
		help := r.Help
		if !strings.HasSuffix(help, "\n") {
			help += "\n"
		}
		_, err := io.WriteString(stdout, help)
		return err
	}
	return usagef("rules takes at most one rule id")
}

// regionsCommand says which region each host (or URL, address, DSN) is in
// and why, and which country holds each cloud region named (eu-west-2,
// europe-west3): the policy's endpoints rule, else the catalog entry with its
// source, else the internal rule, else unknown. The policy is the one a scan
// of the working directory would use (-policy, $DATAGATE_POLICY, the
// nearest datagate.yaml); none means the catalog alone. With -list it
// prints the whole catalog instead.
func regionsCommand(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("datagate regions", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	policyFile := fs.String("policy", "", "")
	dir := fs.String("C", "", "")
	list := fs.Bool("list", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return err
		}
		return usagef("regions: %v", err)
	}
	if *list {
		if fs.NArg() > 0 {
			return usagef("regions: -list takes no hosts")
		}
		return listCatalog(stdout)
	}
	if fs.NArg() == 0 {
		return usagef("regions: name at least one host")
	}
	wd, err := workDir(*dir)
	if err != nil {
		return err
	}
	getenv := policyEnv(wd, os.Getenv)
	path, err := policy.Locate(inDir(wd, *policyFile), wd, getenv)
	if err != nil {
		return err
	}
	var pol *policy.Policy
	if path != "" {
		if pol, err = policy.Load(path); err != nil {
			return err
		}
	}

	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	for _, arg := range fs.Args() {
		// A cloud region name (eu-west-2, europe-west3): its country. A
		// name has no dot; a host always has one.
		if !strings.ContainsAny(arg, ".:/@") {
			if cs := regions.RegionCode(arg); len(cs) > 0 {
				for _, c := range cs {
					fmt.Fprintf(tw, "%s\t%s\t%s (source: %s)\n", arg, c.Region, c.Why, c.Source)
				}
				continue
			}
		}
		host := arg
		if h, ok := regions.HostOf(arg); ok {
			host = h
		}
		region, why := hostRegion(pol, host)
		if region == "" {
			region = "unknown"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", host, region, why)
	}
	return tw.Flush()
}

// hostRegion classifies host as the engine does: the policy's endpoints
// first, then the built-in catalog.
func hostRegion(pol *policy.Policy, host string) (region, why string) {
	if pol != nil {
		if r, rule, ok := pol.EndpointRegion(host); ok {
			return r, "policy endpoints rule at " + pol.File + ":" + strconv.Itoa(rule.Line) + " (" + strings.Join(rule.Hosts, ", ") + ")"
		}
	}
	return lineage.Classify(host)
}

// listCatalog prints every row of the built-in catalog.
func listCatalog(stdout io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVIDER\tKIND\tPATTERN\tREGION\tWHY\tSOURCE")
	for _, e := range regions.Entries() {
		region := e.Region
		if region == "" {
			region = "(" + e.Table + " code)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Provider, e.Kind, e.Pattern, region, e.Why, e.Source)
	}
	return tw.Flush()
}
