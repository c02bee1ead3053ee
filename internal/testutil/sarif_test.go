package testutil

import (
	"errors"
	"testing"
)

func TestValidateSARIF(t *testing.T) {
	if err := ValidateSARIF([]byte(`{"version": "2.1.0", "runs": []}`)); err != nil {
		t.Errorf("minimal log: %v", err)
	}
	err := ValidateSARIF([]byte(`{"version": "2.0.0", "runs": []}`))
	var notJSON *NotJSONError
	if err == nil || errors.As(err, &notJSON) {
		t.Errorf("wrong version: error %v, want a validation error", err)
	}
	if err := ValidateSARIF([]byte(`{"version": `)); !errors.As(err, &notJSON) {
		t.Errorf("truncated JSON: error %v, want a *NotJSONError", err)
	}
}
