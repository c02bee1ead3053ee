package cli

import "syscall"

// ctime is the file's change time, in Unix nanoseconds.
func ctime(st *syscall.Stat_t) int64 { return st.Ctimespec.Nano() }
