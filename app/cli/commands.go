package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"bcpeditor/app"
	"bcpeditor/app/export"
	"bcpeditor/storage"
)

var errProblemsFound = errors.New("het profiel bevat fouten")

func runList(ctx context.Context, env Env, args []string) error {
	fs := newFlags("list")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	if _, err := parse(fs, args, 0, "list [--json]"); err != nil {
		return err
	}
	st, err := env.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	all, err := st.ListProfiles(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		type row struct {
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
		rows := []row{}
		for _, p := range all {
			rows = append(rows, row{p.ID, p.Title, p.Beroep, p.Owner, p.VersionLabel, string(p.Status), string(p.Structure),
				p.Modified, p.Counts.Kerntaken, p.Counts.Werkprocessen, p.Counts.Rollen, p.Counts.Werkzaamheden})
		}
		return writeJSON(env, rows)
	}
	if len(all) == 0 {
		fmt.Fprintln(env.Stdout, "De bibliotheek is leeg.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITEL\tVERSIE\tSTATUS\tEIGENAAR\tINHOUD")
	for _, p := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.ID[:8], p.Title, p.VersionLabel, p.Status, p.Owner, CountsText(p.Structure, p.Counts))
	}
	return tw.Flush()
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
	st, p, err := loadProfile(ctx, env, rest[0])
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := profileBundle(ctx, st, p)
	if err != nil {
		return err
	}
	if *asJSON {
		return app.EncodeBundle(env.Stdout, b)
	}
	var cat *app.Catalogue
	if len(b.Catalogues) > 0 {
		cat = b.Catalogues[0]
	}
	w := bufio.NewWriter(env.Stdout)
	app.WriteOutline(w, p, cat)
	return w.Flush()
}

func runExport(ctx context.Context, env Env, args []string) error {
	fs := newFlags("export")
	formatName := fs.String("format", "json", "json, docx, pdf, html, xlsx of case")
	out := fs.String("out", "", "doelbestand")
	const usage = "export --format json|docx|pdf|html|xlsx|case --out BESTAND PROFIEL"
	rest, err := parse(fs, args, 1, usage)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError{"geef met --out op waar het bestand moet komen; gebruik: bcpeditor " + usage}
	}
	format, ok := export.FormatByName(*formatName)
	if !ok {
		return usageError{fmt.Sprintf("onbekend formaat %q (beschikbaar: json, docx, pdf, html, xlsx, case)", *formatName)}
	}
	st, p, err := loadProfile(ctx, env, rest[0])
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := profileBundle(ctx, st, p)
	if err != nil {
		return err
	}
	if err := app.WriteFileAtomic(*out, func(w *bufio.Writer) error { return format.Write(w, p, firstCatalogue(b)) }); err != nil {
		return fmt.Errorf("exporteren naar %s: %w", *out, err)
	}
	if m, ok := st.(merger); ok && format.Name == "json" {
		// What was sent is the base for merging it when it comes back.
		if err := m.MarkExchanged(ctx, p.ID); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "%s geëxporteerd naar %s\n", p.Title, *out)
	return nil
}

// merger is what merging an import needs of the library.
type merger interface {
	MergeBase(ctx context.Context, profileID string) (*app.Profile, error)
	SaveMerged(ctx context.Context, merged *app.Profile) error
	MarkExchanged(ctx context.Context, profileID string) error
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
	st, err := env.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := readImport(ctx, st, f)
	if err != nil {
		return err
	}
	// Profiles already in the library are merged; the others imported.
	all, err := st.ListProfiles(ctx)
	if err != nil {
		return err
	}
	present := map[string]bool{}
	for _, s := range all {
		present[s.ID] = true
	}
	fresh := &app.Bundle{Format: b.Format, Version: b.Version, Catalogues: b.Catalogues}
	type merge struct {
		plan *app.MergePlan
	}
	var merges []merge
	for _, p := range b.Profiles {
		if !present[p.ID] {
			fresh.Profiles = append(fresh.Profiles, p)
			continue
		}
		m, ok := st.(merger)
		if !ok {
			return fmt.Errorf("profiel %q staat al in de bibliotheek. Er is niets gewijzigd", p.Title)
		}
		local, err := st.LoadProfile(ctx, p.ID)
		if err != nil {
			return err
		}
		base, err := m.MergeBase(ctx, p.ID)
		if err != nil {
			return err
		}
		merges = append(merges, merge{app.PlanMerge(local, p, base)})
	}
	for _, p := range fresh.Profiles {
		fmt.Fprintf(env.Stdout, "Nieuw profiel: %s (%s)\n", p.Title, p.VersionLabel)
	}
	for _, m := range merges {
		fmt.Fprint(env.Stdout, m.plan.Summary())
	}
	if *dryRun {
		fmt.Fprintln(env.Stdout, "Proefdraai: er is niets gewijzigd.")
		return nil
	}
	for _, m := range merges {
		if len(m.plan.Conflicts) > 0 && *choose == "" {
			return fmt.Errorf("%d onderdelen zijn aan beide kanten gewijzigd; kies met --conflicts eigen of --conflicts binnenkomend (of voeg samen in het venster). Er is niets gewijzigd", len(m.plan.Conflicts))
		}
	}
	if len(merges) > 0 && env.Path != "" {
		// A window editing the profile would not see the merge and could
		// write over it: merge only when no window has the library.
		unlock, err := storage.Exclusive(env.Path)
		if err != nil {
			return fmt.Errorf("de bibliotheek is geopend in een venster van de BCP Editor; voeg daar samen (Bestand → Importeren…) of sluit het venster. Er is niets gewijzigd")
		}
		defer unlock()
	}
	if len(fresh.Profiles) > 0 || len(fresh.Catalogues) > 0 {
		if err := st.Import(ctx, fresh); err != nil {
			return err
		}
	}
	for _, m := range merges {
		choices := map[string]app.Side{}
		if *choose == "binnenkomend" {
			for _, c := range m.plan.Conflicts {
				choices[c.ElementID] = app.TakeIncoming
			}
		}
		merged, err := m.plan.Apply(choices)
		if err != nil {
			return err
		}
		if err := st.(merger).SaveMerged(ctx, merged); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Samengevoegd: %s\n", merged.Title)
	}
	return nil
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
	st, p, err := loadProfile(ctx, env, rest[0])
	if err != nil {
		return err
	}
	defer st.Close()
	cats, err := st.Catalogues(ctx)
	if err != nil {
		return err
	}
	problems := app.Validate(p, app.CatalogueByID(cats, p.CatalogueID))
	errs := 0
	for _, pr := range problems {
		fmt.Fprintln(env.Stdout, pr.String())
		if pr.Severity == app.Fout {
			errs++
		}
	}
	if len(problems) == 0 {
		fmt.Fprintf(env.Stdout, "%s: geen problemen gevonden.\n", p.Title)
		return nil
	}
	fmt.Fprintf(env.Stdout, "%s: %d fout(en), %d waarschuwing(en).\n", p.Title, errs, len(problems)-errs)
	if errs > 0 {
		return errProblemsFound
	}
	return nil
}

func firstCatalogue(b *app.Bundle) *app.Catalogue {
	if len(b.Catalogues) > 0 {
		return b.Catalogues[0]
	}
	return nil
}

// readImport reads an exchange file or a CASE package as a bundle.
func readImport(ctx context.Context, st app.Store, r io.Reader) (*app.Bundle, error) {
	cats, err := st.Catalogues(ctx)
	if err != nil {
		return nil, err
	}
	return export.ReadImport(r, cats)
}
