package knowledge

// Input kinds: where a configured value comes from. A destination read from
// one of them is named by it (README, "Configured destinations"), and a
// policy endpoints entry (env, flags, config, fields) or a deploy file can
// give it a value.
const (
	InputEnv    = "env"    // an environment variable
	InputFlag   = "flag"   // a command-line flag
	InputConfig = "config" // a key of a config library
	InputField  = "field"  // a field of a config struct
)

// InputModel is a call that reads a configured input.
type InputModel struct {
	Func string // types.Func.FullName
	Kind string // InputEnv, InputFlag or InputConfig
	// Args says where the input's name is and where its value goes, in
	// the SSA numbering of the other tables (a method's receiver is
	// argument 0): "name:N" (the result holds the value of the input named
	// by argument N) or "name:N var:M" (argument M points to the variable
	// the call fills with it, as flag.StringVar does).
	Args   string
	Source string
}

// Sources of the rows below.
const (
	srcFlag   = "pkg.go.dev/flag"
	srcPflag  = "pkg.go.dev/github.com/spf13/pflag"
	srcViper  = "pkg.go.dev/github.com/spf13/viper"
	srcKoanf  = "pkg.go.dev/github.com/knadh/koanf/v2#Koanf"
	srcUrfave = "pkg.go.dev/github.com/urfave/cli/v2#Context"
)

// Inputs are the calls that read configured inputs. Cobra commands read
// their flags through *pflag.FlagSet (cmd.Flags().GetString("name"),
// cmd.Flags().StringVar(&v, "name", ...)), so the pflag rows cover them.
var Inputs = []InputModel{
	{Func: "os.Getenv", Kind: InputEnv, Args: "name:0", Source: "pkg.go.dev/os#Getenv"},
	{Func: "os.LookupEnv", Kind: InputEnv, Args: "name:0", Source: "pkg.go.dev/os#LookupEnv"},
	{Func: "syscall.Getenv", Kind: InputEnv, Args: "name:0", Source: "pkg.go.dev/syscall#Getenv"},

	{Func: "flag.String", Kind: InputFlag, Args: "name:0", Source: srcFlag + "#String"},
	{Func: "flag.Int", Kind: InputFlag, Args: "name:0", Source: srcFlag + "#Int"},
	{Func: "flag.Uint", Kind: InputFlag, Args: "name:0", Source: srcFlag + "#Uint"},
	{Func: "flag.StringVar", Kind: InputFlag, Args: "name:1 var:0", Source: srcFlag + "#StringVar"},
	{Func: "flag.IntVar", Kind: InputFlag, Args: "name:1 var:0", Source: srcFlag + "#IntVar"},
	{Func: "flag.UintVar", Kind: InputFlag, Args: "name:1 var:0", Source: srcFlag + "#UintVar"},
	{Func: "flag.TextVar", Kind: InputFlag, Args: "name:1 var:0", Source: srcFlag + "#TextVar"},
	{Func: "flag.Var", Kind: InputFlag, Args: "name:1 var:0", Source: srcFlag + "#Var"},
	{Func: "(*flag.FlagSet).String", Kind: InputFlag, Args: "name:1", Source: srcFlag + "#FlagSet.String"},
	{Func: "(*flag.FlagSet).Int", Kind: InputFlag, Args: "name:1", Source: srcFlag + "#FlagSet.Int"},
	{Func: "(*flag.FlagSet).Uint", Kind: InputFlag, Args: "name:1", Source: srcFlag + "#FlagSet.Uint"},
	{Func: "(*flag.FlagSet).StringVar", Kind: InputFlag, Args: "name:2 var:1", Source: srcFlag + "#FlagSet.StringVar"},
	{Func: "(*flag.FlagSet).IntVar", Kind: InputFlag, Args: "name:2 var:1", Source: srcFlag + "#FlagSet.IntVar"},
	{Func: "(*flag.FlagSet).UintVar", Kind: InputFlag, Args: "name:2 var:1", Source: srcFlag + "#FlagSet.UintVar"},
	{Func: "(*flag.FlagSet).TextVar", Kind: InputFlag, Args: "name:2 var:1", Source: srcFlag + "#FlagSet.TextVar"},
	{Func: "(*flag.FlagSet).Var", Kind: InputFlag, Args: "name:2 var:1", Source: srcFlag + "#FlagSet.Var"},

	{Func: "github.com/spf13/pflag.String", Kind: InputFlag, Args: "name:0", Source: srcPflag + "#String"},
	{Func: "github.com/spf13/pflag.StringP", Kind: InputFlag, Args: "name:0", Source: srcPflag + "#StringP"},
	{Func: "github.com/spf13/pflag.Int", Kind: InputFlag, Args: "name:0", Source: srcPflag + "#Int"},
	{Func: "github.com/spf13/pflag.IntP", Kind: InputFlag, Args: "name:0", Source: srcPflag + "#IntP"},
	{Func: "github.com/spf13/pflag.StringVar", Kind: InputFlag, Args: "name:1 var:0", Source: srcPflag + "#StringVar"},
	{Func: "github.com/spf13/pflag.StringVarP", Kind: InputFlag, Args: "name:1 var:0", Source: srcPflag + "#StringVarP"},
	{Func: "github.com/spf13/pflag.IntVar", Kind: InputFlag, Args: "name:1 var:0", Source: srcPflag + "#IntVar"},
	{Func: "github.com/spf13/pflag.IntVarP", Kind: InputFlag, Args: "name:1 var:0", Source: srcPflag + "#IntVarP"},
	{Func: "(*github.com/spf13/pflag.FlagSet).String", Kind: InputFlag, Args: "name:1", Source: srcPflag + "#FlagSet.String"},
	{Func: "(*github.com/spf13/pflag.FlagSet).StringP", Kind: InputFlag, Args: "name:1", Source: srcPflag + "#FlagSet.StringP"},
	{Func: "(*github.com/spf13/pflag.FlagSet).Int", Kind: InputFlag, Args: "name:1", Source: srcPflag + "#FlagSet.Int"},
	{Func: "(*github.com/spf13/pflag.FlagSet).IntP", Kind: InputFlag, Args: "name:1", Source: srcPflag + "#FlagSet.IntP"},
	{Func: "(*github.com/spf13/pflag.FlagSet).StringVar", Kind: InputFlag, Args: "name:2 var:1", Source: srcPflag + "#FlagSet.StringVar"},
	{Func: "(*github.com/spf13/pflag.FlagSet).StringVarP", Kind: InputFlag, Args: "name:2 var:1", Source: srcPflag + "#FlagSet.StringVarP"},
	{Func: "(*github.com/spf13/pflag.FlagSet).IntVar", Kind: InputFlag, Args: "name:2 var:1", Source: srcPflag + "#FlagSet.IntVar"},
	{Func: "(*github.com/spf13/pflag.FlagSet).IntVarP", Kind: InputFlag, Args: "name:2 var:1", Source: srcPflag + "#FlagSet.IntVarP"},
	{Func: "(*github.com/spf13/pflag.FlagSet).GetString", Kind: InputFlag, Args: "name:1", Source: srcPflag + "#FlagSet.GetString"},
	{Func: "(*github.com/spf13/pflag.FlagSet).GetInt", Kind: InputFlag, Args: "name:1", Source: srcPflag + "#FlagSet.GetInt"},

	{Func: "(*github.com/urfave/cli/v2.Context).String", Kind: InputFlag, Args: "name:1", Source: srcUrfave + ".String"},
	{Func: "(*github.com/urfave/cli/v3.Command).String", Kind: InputFlag, Args: "name:1", Source: "pkg.go.dev/github.com/urfave/cli/v3#Command.String"},

	{Func: "github.com/spf13/viper.GetString", Kind: InputConfig, Args: "name:0", Source: srcViper + "#GetString"},
	{Func: "github.com/spf13/viper.Get", Kind: InputConfig, Args: "name:0", Source: srcViper + "#Get"},
	{Func: "github.com/spf13/viper.GetInt", Kind: InputConfig, Args: "name:0", Source: srcViper + "#GetInt"},
	{Func: "(*github.com/spf13/viper.Viper).GetString", Kind: InputConfig, Args: "name:1", Source: srcViper + "#Viper.GetString"},
	{Func: "(*github.com/spf13/viper.Viper).Get", Kind: InputConfig, Args: "name:1", Source: srcViper + "#Viper.Get"},
	{Func: "(*github.com/spf13/viper.Viper).GetInt", Kind: InputConfig, Args: "name:1", Source: srcViper + "#Viper.GetInt"},

	{Func: "(*github.com/knadh/koanf/v2.Koanf).String", Kind: InputConfig, Args: "name:1", Source: srcKoanf + ".String"},
	{Func: "(*github.com/knadh/koanf/v2.Koanf).MustString", Kind: InputConfig, Args: "name:1", Source: srcKoanf + ".MustString"},
	{Func: "(*github.com/knadh/koanf/v2.Koanf).Get", Kind: InputConfig, Args: "name:1", Source: srcKoanf + ".Get"},
	{Func: "(*github.com/knadh/koanf/v2.Koanf).Int", Kind: InputConfig, Args: "name:1", Source: srcKoanf + ".Int"},
	{Func: "(*github.com/knadh/koanf.Koanf).String", Kind: InputConfig, Args: "name:1", Source: "pkg.go.dev/github.com/knadh/koanf#Koanf.String"},
	{Func: "(*github.com/knadh/koanf.Koanf).MustString", Kind: InputConfig, Args: "name:1", Source: "pkg.go.dev/github.com/knadh/koanf#Koanf.MustString"},
	{Func: "(*github.com/knadh/koanf.Koanf).Get", Kind: InputConfig, Args: "name:1", Source: "pkg.go.dev/github.com/knadh/koanf#Koanf.Get"},
}

// InputTag is a struct tag key by which a config library fills a field from
// an input.
type InputTag struct {
	Key  string
	Kind string
	// Prefix marks a tag on a struct-typed field whose value prefixes the
	// names of the fields inside it (caarlos0/env's envPrefix).
	Prefix bool
	Source string
}

// InputTags are the struct tags of envconfig-style libraries: a field read
// as a destination that carries one is named by the environment variable
// the library fills it from (the tag's value up to its first comma). The
// prefix kelseyhightower/envconfig.Process adds is not followed: write the
// full name in the tag, or the policy's fields entry.
var InputTags = []InputTag{
	{Key: "envconfig", Kind: InputEnv, Source: "pkg.go.dev/github.com/kelseyhightower/envconfig (struct tag `envconfig:\"NAME\"`)"},
	{Key: "env", Kind: InputEnv, Source: "pkg.go.dev/github.com/caarlos0/env/v11 (struct tag `env:\"NAME,options\"`)"},
	{Key: "envPrefix", Kind: InputEnv, Prefix: true, Source: "pkg.go.dev/github.com/caarlos0/env/v11 (struct tag `envPrefix:\"PREFIX_\"` on a nested struct)"},
}

// ConfigGetter is the convention of a config object's getter: a method of
// that name (a trailing "*" matches any rest), called with a constant string
// as its first argument and returning a string, reads the config key the
// constant names. It applies only to methods of types outside the standard
// library (whose Get methods read headers, query values and the like) and
// only when nothing better is known of the result.
type ConfigGetter struct {
	Name   string
	Source string
}

// srcGetters names the libraries whose getters follow the convention.
const srcGetters = "the getter convention of Go config libraries: viper GetString, koanf String, go-micro config Get, gookit/config String, spf13/cast-based wrappers"

// ConfigGetters are the getter names of the convention.
var ConfigGetters = []ConfigGetter{
	{Name: "Get*", Source: srcGetters},
	{Name: "String", Source: srcGetters},
	{Name: "MustString", Source: srcGetters},
	{Name: "MustGet*", Source: srcGetters},
	{Name: "Str", Source: srcGetters},
}
