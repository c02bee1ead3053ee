// Package pflag is a minimal stand-in for github.com/spf13/pflag with the
// names the engine's input table uses, so tests run offline.
package pflag

// FlagSet is a set of flags.
type FlagSet struct{ values map[string]*string }

// CommandLine is the default set.
var CommandLine = &FlagSet{}

func (f *FlagSet) String(name, value, usage string) *string { return &value }

func (f *FlagSet) StringP(name, shorthand, value, usage string) *string { return &value }

func (f *FlagSet) StringVar(p *string, name, value, usage string) { *p = value }

func (f *FlagSet) StringVarP(p *string, name, shorthand, value, usage string) { *p = value }

func (f *FlagSet) GetString(name string) (string, error) {
	if v, ok := f.values[name]; ok {
		return *v, nil
	}
	return "", nil
}

func String(name, value, usage string) *string { return CommandLine.String(name, value, usage) }

func StringVar(p *string, name, value, usage string) { CommandLine.StringVar(p, name, value, usage) }

func Parse() {}
