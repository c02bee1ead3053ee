// Package actiontest checks the GitHub Action in action.yml at the root of
// the repository: its shape (a composite action whose scripts use only
// declared inputs and only the datagate command's flags), and its scripts,
// run with bash against stand-ins for go and datagate.
package actiontest
