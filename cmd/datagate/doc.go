/*
Datagate reports where user data leaves a Go program for a region its policy
does not allow, or around the sanctioned gateway client.

It follows struct fields tagged `userdata:"category"` (and the sources a
policy declares) through the program to the calls where they leave the
process (HTTP, connections, SQL, SMTP, gRPC, the policy's sinks), works out
the endpoint and region of each, and checks them against datagate.yaml.

Usage:

	datagate [flags] [packages]
	datagate rules [rule]
	datagate regions [-policy FILE] [-C DIR] [-list] host|region...
	datagate lineage [-format FORMAT] [-diff OLD.json] [-policy FILE] [-o FILE] [-tests] [-tags LIST] [-C DIR] [-keep-going] [packages]
	datagate endpoints [-format FORMAT] [-policy FILE] [-o FILE] [-tests] [-tags LIST] [-C DIR] [-keep-going] [packages]
	datagate suggest [-fix] [-min LEVEL] [-tests] [-tags LIST] [-C DIR] [packages]
	datagate version
	go vet -vettool=$(command -v datagate) [-datagate.policy=FILE] [packages]

Packages are named as for go build; the default is ./... . Under go vet
the policy flag is spelled -datagate.policy (and -tests -datagate.tests);
give it an absolute path, since go vet runs the tool in each package's
directory.

# Flags

	-policy FILE       policy file. Default: $DATAGATE_POLICY, else the nearest
	                   datagate.yaml in the package directory or a parent up to
	                   the module root, else the built-in default
	                   (allowed_regions [EEA], no gateway).
	-format FORMAT     text (default), sarif (SARIF 2.1.0, for GitHub code
	                   scanning) or json.
	-o FILE            write the output to FILE instead of standard output. The
	                   file is replaced only when the whole output is written.
	-fail-on LEVEL     the lowest level that makes the exit code 1: error
	                   (default), warning, note or none.
	-baseline FILE     a SARIF file from an earlier run: results with the same
	                   fingerprint (partialFingerprints "datagate/v1") are not
	                   reported and do not fail the run; they are counted.
	-tests             also analyse _test.go files.
	-tags LIST         comma-separated build tags.
	-show-suppressed   keep results suppressed by //datagate:allow: marked in
	                   text, with an inSource suppression in SARIF.
	-category NAME     SARIF runAutomationDetails category, for several
	                   datagate runs uploaded to one repository.
	-C DIR             change to DIR before doing anything else, as go -C does:
	                   packages, and relative -policy, -o, -baseline and
	                   $DATAGATE_POLICY paths, are taken from DIR.
	-keep-going        set the exit code by the findings alone, even if some
	                   packages could not be loaded or analysed (they are listed
	                   in the output either way).
	-cache on|off      keep each package's analysis between runs (default on),
	                   so that a scan analyses only the packages that changed
	                   and those whose imports' results changed. The cache is
	                   in $DATAGATE_CACHE, else datagate under the user cache
	                   directory; DATAGATE_CACHE=off turns it off.
	-v                 print the engine's notes (calls it has no model or summary
	                   for, limits it hit, in dependencies too: functions walked
	                   field-insensitively and why) and how many packages were
	                   analysed and restored from the cache, to standard error.
	-version           print the version and exit.

On a terminal, a scan that takes more than two seconds shows its progress
on standard error (packages done of those to analyse, the time so far, the
package in flight that has taken longest), erased at the end; nothing when
standard error is not a terminal.

Flags come before the packages.

# Where results are reported

One result per exit: the call where user data leaves the process, in
whichever analysed package it is, however many callers lead to it. When the
exit lies outside the analysed packages (in a dependency) or in generated
code, the result is at the last call in analysed, hand-written code that
leads to it, and its message names the exit. Under go vet, which analyses
one package at a time, a flow into an exit of another package is reported
at the call in the current package.

Results suppressed by `//datagate:allow <rule> <reason>` on the exit's line
or the line above never fail the run and are left out of the output unless
-show-suppressed. A directive without a reason suppresses nothing and is
reported as datagate/invalid-suppression.

# Subcommands

	datagate rules             lists the rules: id, level and title.
	datagate rules ID          prints the rule's help (the text SARIF carries).
	datagate regions HOST...   prints each host's region and why: the policy's
	                           endpoints rule (the policy a scan of the working
	                           directory would use, or -policy), else the
	                           built-in catalog entry and its source, else the
	                           internal address or name rule, else unknown.
	                           HOST may also be a URL, host:port or DSN.
	datagate regions -list     prints the built-in catalog.
	datagate lineage           prints the lineage inventory (below).
	datagate suggest           lists fields that look like personal data but
	                           carry no userdata tag (below).
	datagate endpoints         lists the configured inputs (environment
	                           variables, flags, config keys and fields) that
	                           decide where user data goes: the policy's
	                           endpoints entry for each, the values its deploy
	                           files give and their regions, and the exits.
	                           -format text (default), json or markdown.
	datagate version           prints the version.

# Lineage inventory

datagate lineage lists every flow of user data the scan finds, not only the
ones that break a rule: one row per field, exit and endpoint, with the
exit's kind, the endpoint (or why it is unresolved), its region, whether
the policy allows it, whether it goes through the gateway or was
sanitised, and the rule the exit breaks, if any. It takes the scan's
-policy, -o, -tests, -tags, -C and -keep-going flags, and:

	-format FORMAT     markdown (default), json, dot or csv; with -diff, text
	                   (default) or markdown.
	-diff OLD.json     compare with an inventory written earlier with -format
	                   json: new and gone flows, new destinations, new
	                   categories, region changes. The exit code is 1 when a
	                   new flow, or a region change, sends user data outside
	                   the allowed regions.

# Suggesting tags

datagate suggest lists the struct fields that look like personal data (an
e-mail, a name, a birth date, an IP address, an IBAN, ...) but carry no
userdata tag, with the category to tag them with and how sure the guess
is. It takes -tests, -tags and -C as the scan does, and:

	-fix               write the tags into the source, appended to the
	                   field's tag (or a new tag), gofmt-clean.
	-min LEVEL         the least confidence to list or fix: high, medium or
	                   low (default: medium when listing, high with -fix).

# Exit codes

	0  the scan completed and no unsuppressed result is at or above -fail-on
	   (also: a subcommand succeeded).
	1  a result at or above -fail-on (the output is written).
	2  a usage error (the usage is printed), a malformed policy (the error
	   names its file, line and key; nothing is written), an unreadable
	   baseline, packages that cannot be listed, or a package that could not
	   be loaded, type-checked or analysed (the output is written and lists
	   it; -keep-going sets the exit code by the findings instead).

Under go vet, the exit code is go vet's: 1 when there are diagnostics.
*/
package main
