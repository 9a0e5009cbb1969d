package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"bcpeditor/app"
	"bcpeditor/app/export"
	"bcpeditor/app/workspace"
)

var errProblemsFound = errors.New("het profiel bevat fouten")

func runList(ctx context.Context, env Env, args []string) error {
	fs := newFlags("list")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	if _, err := parse(fs, args, 0, "list [--json]"); err != nil {
		return err
	}
	w, err := openForReading(ctx, env)
	if err != nil {
		return err
	}
	defer w.Close()
	all := w.Profiles()
	if *asJSON {
		return writeJSON(env, listRows(all))
	}
	if len(all) == 0 {
		fmt.Fprintln(env.Stdout, "De bibliotheek is leeg.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITEL\tVERSIE\tSTATUS\tEIGENAAR\tINHOUD")
	for _, p := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.ID[:8], clean(p.Title), clean(p.VersionLabel), p.Status, clean(p.Owner), CountsText(p.Structure, p.Counts))
	}
	return tw.Flush()
}

type listRow struct {
	ID            string `json:"id"`
	Titel         string `json:"titel"`
	Beroep        string `json:"beroep"`
	Eigenaar      string `json:"eigenaar"`
	Versie        string `json:"versie"`
	Status        string `json:"status"`
	Structuur     string `json:"structuur"`
	Gewijzigd     string `json:"gewijzigd"`
	Kerntaken     int    `json:"kerntaken"`
	Werkprocessen int    `json:"werkprocessen"`
	Rollen        int    `json:"rollen"`
	Werkzaamheden int    `json:"werkzaamheden"`
}

func listRows(all []app.ProfileSummary) []listRow {
	rows := []listRow{}
	for _, p := range all {
		rows = append(rows, listRow{p.ID, p.Title, p.Beroep, p.Owner, p.VersionLabel, string(p.Status), string(p.Structure),
			p.Modified, p.Counts.Kerntaken, p.Counts.Werkprocessen, p.Counts.Rollen, p.Counts.Werkzaamheden})
	}
	return rows
}

// CountsText words a profile's size: "3 kerntaken, 15 werkprocessen" or
// "4 rollen, 16 werkzaamheden".
func CountsText(s app.Structure, c app.Counts) string {
	if s == app.StructureRollen {
		return fmt.Sprintf("%s, %s", plural(c.Rollen, "rol", "rollen"), plural(c.Werkzaamheden, "werkzaamheid", "werkzaamheden"))
	}
	return fmt.Sprintf("%s, %s", plural(c.Kerntaken, "kerntaak", "kerntaken"), plural(c.Werkprocessen, "werkproces", "werkprocessen"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func writeJSON(env Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runShow(ctx context.Context, env Env, args []string) error {
	fs := newFlags("show")
	asJSON := fs.Bool("json", false, "het profiel als BCP-bestand (JSON)")
	rest, err := parse(fs, args, 1, "show [--json] PROFIEL")
	if err != nil {
		return err
	}
	w, p, err := loadProfile(ctx, env, rest[0])
	if err != nil {
		return err
	}
	defer w.Close()
	cat := w.Catalogue(p)
	if *asJSON {
		return app.EncodeBundle(env.Stdout, export.ExchangeBundle(export.Source{Profile: p, Catalogue: cat, Bronnen: w.Bronnen()}))
	}
	var out strings.Builder
	app.WriteOutline(&out, p, cat)
	_, err = io.WriteString(env.Stdout, clean(out.String()))
	return err
}

func runExport(ctx context.Context, env Env, args []string) error {
	fs := newFlags("export")
	formatName := fs.String("format", "json", "json, docx, pdf, html, xlsx of case")
	out := fs.String("out", "", "doelbestand")
	model := fs.String("model", "", "een competentiemodel in plaats van een profiel (json of case)")
	const usage = "export --format json|docx|pdf|html|xlsx|case --out BESTAND PROFIEL  (of: export --model NAAM --format json|case --out BESTAND)"
	positional := 1
	if hasFlag(args, "model") {
		positional = 0
	}
	rest, err := parse(fs, args, positional, usage)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError{"geef met --out op waar het bestand moet komen; gebruik: bcpeditor " + usage}
	}
	if *model != "" {
		return exportModel(ctx, env, *model, *formatName, *out)
	}
	format, ok := export.FormatByName(*formatName)
	if !ok {
		return usageError{fmt.Sprintf("onbekend formaat %q (beschikbaar: json, docx, pdf, html, xlsx, case)", *formatName)}
	}
	w, p, err := loadProfile(ctx, env, rest[0])
	if err != nil {
		return err
	}
	defer w.Close()
	job, err := w.PrepareExport(p.ID, format, *out)
	if err != nil {
		return err
	}
	if err := job.Run(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s geëxporteerd naar %s\n", clean(p.Title), *out)
	return nil
}

// hasFlag reports whether args set the flag name (--name or --name=…).
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		a = strings.TrimLeft(a, "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}

// exportModel writes one competency model.
func exportModel(ctx context.Context, env Env, query, formatName, out string) error {
	format, ok := export.CatalogueFormatByName(formatName)
	if !ok {
		return usageError{fmt.Sprintf("een competentiemodel exporteert als json of case, niet als %q", formatName)}
	}
	w, err := openForReading(ctx, env)
	if err != nil {
		return err
	}
	defer w.Close()
	cat, err := w.ResolveCatalogue(query)
	if err != nil {
		return err
	}
	if err := w.ExportModel(cat.ID, format, out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s geëxporteerd naar %s\n", clean(cat.Name), out)
	return nil
}

func runImport(ctx context.Context, env Env, args []string) error {
	fs := newFlags("import")
	dryRun := fs.Bool("dry-run", false, "alleen laten zien wat er zou gebeuren")
	choose := fs.String("conflicts", "", "bij onderdelen die aan beide kanten zijn gewijzigd: eigen of binnenkomend")
	const usage = "import [--dry-run] [--conflicts eigen|binnenkomend] BESTAND"
	rest, err := parse(fs, args, 1, usage)
	if err != nil {
		return err
	}
	if *choose != "" && *choose != "eigen" && *choose != "binnenkomend" {
		return usageError{"--conflicts is eigen of binnenkomend; gebruik: bcpeditor " + usage}
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return fmt.Errorf("%s kan niet worden geopend (%v). Er is niets gewijzigd", rest[0], unwrapPathError(err))
	}
	defer f.Close()
	w, err := openForWriting(ctx, env)
	if err != nil {
		return err
	}
	defer w.Close()
	plan, err := w.PlanImport(f)
	if err != nil {
		return err
	}
	res, err := applyPlan(env, plan, *dryRun, *choose, "voeg samen", w.ApplyImport)
	if err != nil || *dryRun {
		return err
	}
	for _, p := range res.Merged {
		fmt.Fprintf(env.Stdout, "Samengevoegd: %s\n", clean(p.Title))
	}
	return nil
}

// applyPlan prints the dry run of an import or a return from offline work
// and, unless dryRun, applies it: conflicts need --conflicts (eigen or
// binnenkomend), or the window ("… voeg samen in het venster"); without a
// choice nothing is changed.
func applyPlan(env Env, plan *workspace.ImportPlan, dryRun bool, choose, inWindow string,
	apply func(*workspace.ImportPlan, workspace.Choices) (workspace.ImportResult, error)) (workspace.ImportResult, error) {
	fmt.Fprint(env.Stdout, clean(plan.Summary()))
	if dryRun {
		fmt.Fprintln(env.Stdout, "Proefdraai: er is niets gewijzigd.")
		return workspace.ImportResult{}, nil
	}
	if n := plan.Conflicts(); n > 0 && choose == "" {
		return workspace.ImportResult{}, fmt.Errorf("%d onderdelen zijn aan beide kanten gewijzigd; kies met --conflicts eigen of --conflicts binnenkomend (of %s in het venster). Er is niets gewijzigd", n, inWindow)
	}
	return apply(plan, conflictChoices(plan, choose == "binnenkomend"))
}

// conflictChoices takes the incoming side of every conflict, or none.
func conflictChoices(plan *workspace.ImportPlan, incoming bool) workspace.Choices {
	choices := workspace.Choices{}
	if !incoming {
		return choices
	}
	for _, m := range plan.Merges {
		c := map[string]app.Side{}
		for _, k := range m.Conflicts {
			c[k.ElementID] = app.TakeIncoming
		}
		choices[m.Local.ID] = c
	}
	return choices
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, os.ErrNotExist) {
			return errors.New("bestand bestaat niet")
		}
		if errors.Is(err, os.ErrPermission) {
			return errors.New("geen toestemming")
		}
		return pe.Err
	}
	return err
}

func runValidate(ctx context.Context, env Env, args []string) error {
	fs := newFlags("validate")
	rest, err := parse(fs, args, 1, "validate PROFIEL")
	if err != nil {
		return err
	}
	w, p, err := loadProfile(ctx, env, rest[0])
	if err != nil {
		return err
	}
	defer w.Close()
	problems := app.Validate(p, w.Catalogue(p))
	errs := 0
	for _, pr := range problems {
		fmt.Fprintln(env.Stdout, clean(pr.String()))
		if pr.Severity == app.Fout {
			errs++
		}
	}
	if len(problems) == 0 {
		fmt.Fprintf(env.Stdout, "%s: geen problemen gevonden.\n", clean(p.Title))
		return nil
	}
	fmt.Fprintf(env.Stdout, "%s: %d fout(en), %d waarschuwing(en).\n", clean(p.Title), errs, len(problems)-errs)
	if errs > 0 {
		return errProblemsFound
	}
	return nil
}

func runDelete(ctx context.Context, env Env, args []string) error {
	fs := newFlags("delete")
	yes := fs.Bool("ja", false, "zonder te vragen (voor scripts)")
	rest, err := parse(fs, args, 1, "delete [--ja] PROFIEL")
	if err != nil {
		return err
	}
	w, err := openForWriting(ctx, env)
	if err != nil {
		return err
	}
	defer w.Close()
	sum, err := w.Resolve(rest[0])
	if err != nil {
		return err
	}
	if !*yes {
		return fmt.Errorf("%s (%s) wordt met alles wat erin staat verwijderd en dat kan niet ongedaan worden gemaakt; herhaal de opdracht met --ja om door te gaan. Er is niets gewijzigd", clean(sum.Title), clean(sum.VersionLabel))
	}
	if err := w.DeleteProfile(sum.ID); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Verwijderd: %s (%s)\n", clean(sum.Title), clean(sum.VersionLabel))
	return nil
}
