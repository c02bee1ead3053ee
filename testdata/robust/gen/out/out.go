// Package out stands for a vendor SDK; the policy makes Send and SendTo
// exits.
package out

// Send sends v to the vendor.
func Send(v string) { _ = v }

// SendTo sends v to the server at url.
func SendTo(url, v string) { _, _ = url, v }
