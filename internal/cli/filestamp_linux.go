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
		Ctime: st.Ctim.Nano(),
		Ino:   st.Ino,
		Dev:   uint64(st.Dev), //nolint:unconvert // uint32 on some ports (mips)
	}, true
}
