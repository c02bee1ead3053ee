package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// renameInto writes data to the file path through a temporary file beside
// it, given the mode perm and renamed into place, so that a failed write
// leaves the file as it was. Errors name the file as name.
func renameInto(path, name string, data []byte, perm os.FileMode) error {
	return writeVia(path, name, perm, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// writeVia writes what write produces to the file path: through a
// temporary file beside it, given the mode perm and renamed into place, so
// that a failed write leaves the file as it was; or, when path names a
// device or a pipe (-o /dev/null, /dev/stdout), straight to it, since a
// rename would replace it with a regular file. Errors name the file as
// name.
func writeVia(path, name string, perm os.FileMode, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
		return f.Close()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
