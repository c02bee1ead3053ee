//go:build linux || darwin

package cli

import (
	"os"
	"syscall"
)

// stampOf returns the file's stamp (fileIndex) from its Lstat or Stat.
func stampOf(fi os.FileInfo) (fileStamp, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}, false
	}
	return fileStamp{
		Size:  fi.Size(),
		Mtime: fi.ModTime().UnixNano(),
		Ctime: ctime(st),
		Ino:   st.Ino,
		Dev:   uint64(st.Dev), //nolint:unconvert // int32 on macOS, uint32 on some Linux ports (mips)
	}, true
}
