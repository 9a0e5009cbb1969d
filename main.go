// Command bcpeditor is the BCP Editor: a desktop program for editing
// beroepscompetentieprofielen. Without a subcommand it opens the window;
// with one (list, show, export, import, validate …) it runs headless. main
// alone chooses where the library lives and joins it with the window.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"bcpeditor/app"
	"bcpeditor/app/cli"
	_ "bcpeditor/app/envlocale" // before Fyne reads the locale
	"bcpeditor/app/ui"
	"bcpeditor/storage"
	"bcpeditor/storage/locate"
)

// Set at build time with -ldflags "-X main.version=… -X main.build=…".
var (
	version = "0.1.0"
	build   = "dev"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bcpeditor", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // its messages are English; ours below are Dutch
	dbFlag := fs.String("db", "", "pad naar de bibliotheek of postgres://-adres van een teambibliotheek (standaard: "+storage.EnvPath+" of de datamap)")
	showVersion := fs.Bool("version", false, "toon de versie")
	fs.Usage = func() {} // printed below, after the Dutch message
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return 0
		}
		fmt.Fprintln(stderr, "bcpeditor:", cli.FlagError(err))
		usage(stderr)
		return 2
	}
	if *showVersion {
		fmt.Fprintf(stdout, "bcpeditor %s (build %s)\n", version, build)
		return 0
	}
	path := *dbFlag
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			fmt.Fprintln(stderr, "bcpeditor:", err)
			return 1
		}
		path = p
	}
	loc, err := locate.Parse(path)
	if err != nil {
		fmt.Fprintln(stderr, "bcpeditor:", err)
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return ui.Run(ui.Config{Library: loc, Version: version + " (" + build + ")",
			LibraryAt: func(path string) app.Location { return storage.FileLocation{Path: path} },
			Locate:    locate.Parse, Local: locate.Local,
			Chosen: *dbFlag != "" || os.Getenv(storage.EnvPath) != ""})
	}
	if rest[0] == "help" {
		usage(stdout)
		return 0
	}
	env := cli.Env{Stdout: stdout, Stderr: stderr, Library: loc, Locate: locate.Parse, Local: locate.Local}
	return cli.Run(context.Background(), env, rest)
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `BCP Editor %s — beroepscompetentieprofielen bewerken

Gebruik:
  bcpeditor [--db PAD|ADRES]           opent het venster
  bcpeditor [--db PAD|ADRES] OPDRACHT  werkt zonder venster
  bcpeditor --version

Opdrachten:
`, version)
	for _, c := range cli.Commands {
		fmt.Fprintf(w, "  %-44s %s\n", c.Usage, c.Help)
	}
	fmt.Fprintf(w, `
PROFIEL is een id (of de eerste tekens ervan) of een eenduidig deel van de titel.
De bibliotheek staat standaard in de datamap van de gebruiker; --db of %s kiest een andere:
een bestand, of het adres van een teambibliotheek (postgres://gebruiker@server/database?sslmode=verify-full;
het wachtwoord staat in ~/.pgpass of PGPASSWORD, nooit in het adres of de voorkeuren).
`, storage.EnvPath)
}
