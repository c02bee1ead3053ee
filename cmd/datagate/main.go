// The datagate command; see doc.go.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/datagate/datagate/analyzers/datagate"
	"github.com/datagate/datagate/internal/cli"
)

func main() {
	cli.ConfigureRuntime(os.Getenv)
	// go vet -vettool=datagate speaks the unitchecker protocol: one package
	// per invocation, described by a .cfg file.
	if cli.IsVetInvocation(os.Args[1:]) {
		unitchecker.Main(datagate.Analyzer) // does not return
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
