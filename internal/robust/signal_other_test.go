//go:build !unix

package robust

import "os"

// quit stops the process (no stack dump outside Unix).
func quit(p *os.Process) error { return p.Kill() }
