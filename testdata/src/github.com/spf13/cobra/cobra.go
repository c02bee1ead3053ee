// Package cobra is a minimal stand-in for github.com/spf13/cobra: a
// command's flags are a *pflag.FlagSet.
package cobra

import "github.com/spf13/pflag"

// Command is a command.
type Command struct {
	Use   string
	RunE  func(cmd *Command, args []string) error
	flags *pflag.FlagSet
}

func (c *Command) Flags() *pflag.FlagSet {
	if c.flags == nil {
		c.flags = &pflag.FlagSet{}
	}
	return c.flags
}

func (c *Command) PersistentFlags() *pflag.FlagSet { return c.Flags() }

func (c *Command) Execute() error { return c.RunE(c, nil) }
