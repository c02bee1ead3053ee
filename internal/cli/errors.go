package cli

import (
	"errors"
	"fmt"
)

// Exit codes (documented in cmd/datagate/doc.go).
const (
	// ExitOK: the scan completed and nothing unsuppressed is at or above
	// -fail-on.
	ExitOK = 0
	// ExitFindings: a finding at or above -fail-on.
	ExitFindings = 1
	// ExitError: a usage, policy, baseline, load or analysis error.
	ExitError = 2
)

// errFindings is what a scan returns when it found results at or above
// -fail-on; the output has been written.
var errFindings = errors.New("findings at or above the -fail-on level")

// usageError is a mistake on the command line: Main prints it and the
// usage, and exits with ExitError.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// incompleteError reports that some packages could not be loaded or
// analysed. The output has been written (with the errors in it); without
// -keep-going the exit code is ExitError.
type incompleteError struct{ n int }

func (e *incompleteError) Error() string {
	if e.n == 1 {
		return "1 package could not be analysed"
	}
	return fmt.Sprintf("%d packages could not be analysed", e.n)
}

// exitCode maps the error a command returned to the process exit code.
// Every error but errFindings is ExitError: policy errors (*policy.Error),
// unreadable baselines, failed loads, failed writes.
func exitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errFindings):
		return ExitFindings
	}
	return ExitError
}
