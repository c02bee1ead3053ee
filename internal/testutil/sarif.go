package testutil

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchemaID is the $id of the SARIF 2.1.0 schema in testdata/sarif.
const sarifSchemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// SARIFSchema returns the SARIF 2.1.0 schema in testdata/sarif, compiled
// (with format assertions) once per process, without the network.
var SARIFSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(root, "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaID, doc); err != nil {
		return nil, err
	}
	return c.Compile(sarifSchemaID)
})

// NotJSONError is what ValidateSARIF returns for output that is not JSON.
type NotJSONError struct{ Err error }

func (e *NotJSONError) Error() string { return "SARIF output is not JSON: " + e.Err.Error() }

func (e *NotJSONError) Unwrap() error { return e.Err }

// ValidateSARIF checks that out is JSON that validates against the SARIF
// 2.1.0 schema. The error is a *NotJSONError when out is not JSON.
func ValidateSARIF(out []byte) error {
	sch, err := SARIFSchema()
	if err != nil {
		return fmt.Errorf("SARIF schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return &NotJSONError{err}
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("SARIF output does not validate against the 2.1.0 schema: %w", err)
	}
	return nil
}

// CheckSARIF fails the test if out is not SARIF that validates against the
// 2.1.0 schema: at once if the schema cannot be loaded or out is not JSON
// (showing its first lines), else as an error and the test goes on.
func CheckSARIF(t testing.TB, out []byte) {
	t.Helper()
	if _, err := SARIFSchema(); err != nil {
		t.Fatalf("SARIF schema: %v", err)
	}
	err := ValidateSARIF(out)
	var notJSON *NotJSONError
	if errors.As(err, &notJSON) {
		t.Fatalf("%v\n%s", err, Head(string(out), 20))
	}
	if err != nil {
		t.Error(err)
	}
}
