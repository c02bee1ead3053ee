// Package dependent imports the broken package, so it cannot be analysed
// either: it is listed as "not analysed", not silently dropped.
package dependent

import (
	"example.com/robust/typeerr/broken"
	"example.com/robust/typeerr/model"
)

// Use calls into the broken package.
func Use(u *model.User) int { return broken.Leak(u) }
