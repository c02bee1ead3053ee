// Package option is a minimal stand-in for google.golang.org/api/option.
package option

type ClientOption interface{ apply() }

type withEndpoint string

func (withEndpoint) apply() {}

func WithEndpoint(url string) ClientOption { return withEndpoint(url) }

type withCredentialsFile string

func (withCredentialsFile) apply() {}

func WithCredentialsFile(filename string) ClientOption { return withCredentialsFile(filename) }
