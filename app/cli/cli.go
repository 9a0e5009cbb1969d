// Package cli is the BCP Editor's command line: list, show, export, import,
// validate, search, compare, backups, restore and delete, headless and
// without a display. Every command works through the workspace, the same
// use cases as the window; main chooses where the library lives.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
)

// Env is what a command needs from the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	// Library is where the library lives.
	Library app.Location
	// Locate reads a library's place as the user gives it (a path or a
	// postgres:// address); Local is the user's own library file, where
	// profiles go for offline work. main sets both.
	Locate func(string) (app.Location, error)
	Local  func() (app.Location, error)
}

// usageError is a mistake in how a command was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Commands lists the subcommands and their one-line help.
var Commands = []struct{ Name, Usage, Help string }{
	{"list", "list [--json]", "toont de profielen in de bibliotheek"},
	{"show", "show [--json] PROFIEL", "toont één profiel"},
	{"export", "export --format json|docx|pdf|html|xlsx|case --out BESTAND PROFIEL", "schrijft een profiel naar een bestand"},
	{"export", "export --model NAAM --format json|case --out BESTAND", "schrijft een competentiemodel naar een bestand"},
	{"import", "import [--dry-run] [--conflicts eigen|binnenkomend] BESTAND", "leest profielen uit een BCP-bestand of CASE-pakket in; een bekend profiel wordt samengevoegd"},
	{"validate", "validate PROFIEL", "controleert een profiel en noemt wat ontbreekt of niet klopt"},
	{"compare", compareUsage, "vergelijkt twee profielen of versies: de concordantie van oud naar nieuw"},
	{"backups", "backups", "toont de reservekopieën van de bibliotheek"},
	{"restore", "restore RESERVEKOPIE", "zet een reservekopie terug (nummer uit 'backups' of pad)"},
	{"delete", "delete [--ja] PROFIEL", "verwijdert een profiel met alles wat erin staat"},
	{"search", "search [--json] [--limit N] [--profile PROFIEL] ZOEKTERM", "zoekt competenties en onderdelen in alle profielen"},
	{"meenemen", "meenemen [--naar PAD] PROFIEL...", "neemt profielen uit de (team)bibliotheek mee naar een eigen bibliotheek, voor offline werk"},
	{"terugbrengen", "terugbrengen [--van PAD] [--dry-run] [--conflicts eigen|binnenkomend] [PROFIEL...]", "brengt offline bewerkte profielen terug en voegt ze samen"},
}

// IsCommand reports whether name is a subcommand.
func IsCommand(name string) bool {
	for _, c := range Commands {
		if c.Name == name {
			return true
		}
	}
	return false
}

// Run runs one subcommand and returns the process exit status: 0 on
// success, 1 when the command failed (or validate found errors), 2 when it
// was called wrongly. Errors are one line on Stderr.
func Run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, "bcpeditor: geef een opdracht op ("+commandNames()+")")
		return 2
	}
	var err error
	switch args[0] {
	case "list":
		err = runList(ctx, env, args[1:])
	case "show":
		err = runShow(ctx, env, args[1:])
	case "export":
		err = runExport(ctx, env, args[1:])
	case "import":
		err = runImport(ctx, env, args[1:])
	case "validate":
		err = runValidate(ctx, env, args[1:])
	case "search":
		err = runSearch(ctx, env, args[1:])
	case "compare":
		err = runCompare(ctx, env, args[1:])
	case "backups":
		err = runBackups(ctx, env, args[1:])
	case "restore":
		err = runRestore(ctx, env, args[1:])
	case "delete":
		err = runDelete(ctx, env, args[1:])
	case "meenemen":
		err = runTakeOffline(ctx, env, args[1:])
	case "terugbrengen":
		err = runBringBack(ctx, env, args[1:])
	default:
		err = usageError{fmt.Sprintf("onbekende opdracht %q (bekend: %s)", args[0], commandNames())}
	}
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(env.Stderr, "bcpeditor "+args[0]+": "+ue.msg)
		return 2
	}
	if errors.Is(err, errProblemsFound) {
		return 1
	}
	fmt.Fprintln(env.Stderr, "bcpeditor "+args[0]+": "+oneLine(err.Error()))
	return 1
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// newFlags makes a flag set that reports mistakes as usage errors instead
// of printing the whole flag table.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// anyArgs lets parse accept any number of positional arguments.
const anyArgs = -2

func parse(fs *flag.FlagSet, args []string, positional int, usage string) ([]string, error) {
	// Allow flags after positional arguments too: "show X --json".
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if f := fs.Lookup(name); f != nil && !strings.Contains(a, "=") {
				if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool && i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		rest = append(rest, a)
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, usageError{"gebruik: bcpeditor " + usage}
		}
		return nil, usageError{fmt.Sprintf("%s; gebruik: bcpeditor %s", FlagError(err), usage)}
	}
	// positional: that many arguments; -1: one or more; anyArgs: any number.
	if positional >= 0 && len(rest) != positional || positional == -1 && len(rest) == 0 {
		return nil, usageError{"gebruik: bcpeditor " + usage}
	}
	return rest, nil
}

func commandNames() string {
	var names []string
	for i, c := range Commands {
		if i == 0 || Commands[i-1].Name != c.Name {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, ", ")
}

// openForReading opens the library for a command that only reads: as
// usual (so that a new library gets the bundled profiles), or read-only
// when the library cannot be written (a read-only file or medium).
func openForReading(ctx context.Context, env Env) (*workspace.Workspace, error) {
	w, err := workspace.Open(ctx, env.Library, app.OpenShared)
	var oe *workspace.OpenError
	if errors.As(err, &oe) && oe.Problem.ReadOnly && !errors.Is(err, app.ErrLibraryInUse) {
		w, err = workspace.Open(ctx, env.Library, app.OpenReadOnly)
		if err == nil {
			fmt.Fprintln(env.Stderr, "bcpeditor: de bibliotheek kan niet worden beschreven en is alleen-lezen geopend.")
		}
	}
	warn(env, w)
	return w, err
}

// openForWriting opens the library for a command that changes it.
func openForWriting(ctx context.Context, env Env) (*workspace.Workspace, error) {
	w, err := workspace.Open(ctx, env.Library, app.OpenShared)
	warn(env, w)
	return w, err
}

// warn prints what opening found that the user should know (no room for
// today's backup, say), one line each on stderr.
func warn(env Env, w *workspace.Workspace) {
	if w == nil {
		return
	}
	for _, m := range w.Warnings() {
		fmt.Fprintln(env.Stderr, "bcpeditor: "+oneLine(m))
	}
}

// loadProfile opens the library for reading and finds the profile named by
// query.
func loadProfile(ctx context.Context, env Env, query string) (*workspace.Workspace, *app.Profile, error) {
	w, err := openForReading(ctx, env)
	if err != nil {
		return nil, nil, err
	}
	p, err := findProfile(w, query)
	if err != nil {
		w.Close()
		return nil, nil, err
	}
	return w, p, nil
}

func findProfile(w *workspace.Workspace, query string) (*app.Profile, error) {
	sum, err := w.Resolve(query)
	if err != nil {
		return nil, err
	}
	return w.Profile(sum.ID)
}
