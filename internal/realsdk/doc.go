// Package realsdk checks the SDK exits (README "Cloud SDKs and SaaS
// clients") end to end on the real SDK modules: its test builds the
// datagate command and scans testdata/realsdk, a module of its own that
// uses github.com/aws/aws-sdk-go-v2, github.com/getsentry/sentry-go and
// github.com/DataDog/datadog-go/v5 (the main module does not depend on
// them). The modules come from the module cache, or from the module proxy
// when the cache does not have them (CI). The package has no code.
package realsdk
