// Package out stands for a vendor SDK; the policy makes Send an exit.
package out

// Send sends v to the vendor.
func Send(v string) { _ = v }
