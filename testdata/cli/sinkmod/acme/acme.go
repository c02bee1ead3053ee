// Package acme stands for a vendor SDK; the policy declares its functions
// exits.
package acme

// Track sends an event to the vendor (host in no catalog).
func Track(event string) {}

// Mixpanel sends an event to Mixpanel (US).
func Mixpanel(event string) {}
