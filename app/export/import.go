package export

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"bcpeditor/app"
)

// ImportReport says what an import read, what it repaired and what it did
// not take over, in Dutch sentences a designer can read in the window or
// on the command line.
type ImportReport struct {
	// Format is "BCP-bestand" or "CASE-pakket".
	Format string
	// What is "profiel", "profielen", "competentiemodel" or a mix.
	What string
	// Title is the profile's or model's title (the first, for a bundle).
	Title string
	// Items, Levels and Associations count what a CASE package held:
	// CFItems, levels of its hierarchy, CFAssociations.
	Items, Levels, Associations int
	// Read sums up what was read ("12 kerntaken en werkprocessen …").
	Read []string
	// Repaired says what did not follow the standard and how it was read.
	Repaired []string
	// NotImported lists what the library has no place for and left out.
	NotImported []string
}

// Lines is the whole report, one sentence a line: what was read, then the
// repairs, then what was left out.
func (r *ImportReport) Lines() []string {
	if r == nil {
		return nil
	}
	out := append([]string{}, r.Read...)
	for _, s := range r.Repaired {
		out = append(out, "Hersteld: "+s)
	}
	for _, s := range r.NotImported {
		out = append(out, "Niet overgenomen: "+s)
	}
	return out
}

// String is Lines joined by newlines.
func (r *ImportReport) String() string { return strings.Join(r.Lines(), "\n") }

func (r *ImportReport) read(format string, args ...any) {
	r.Read = append(r.Read, fmt.Sprintf(format, args...))
}

func (r *ImportReport) repaired(format string, args ...any) {
	r.Repaired = append(r.Repaired, fmt.Sprintf(format, args...))
}

func (r *ImportReport) skipped(format string, args ...any) {
	r.NotImported = append(r.NotImported, fmt.Sprintf(format, args...))
}

// counter counts things by name, for report lines such as
// "exactMatchOf (16×)".
type counter map[string]int

// String lists the counts by name: "a (2×), b (1×)".
func (c counter) String() string {
	var keys []string
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s (%d×)", k, c[k]))
	}
	return strings.Join(parts, ", ")
}

// ReadImport reads what a designer imports: an exchange file, or
// a CASE package (recognised by its CFDocument) — a profile, or another
// tool's competency framework, which becomes a competency model. It
// returns a bundle that has passed its checks and a report of what was
// read, repaired and left out. cats are the library's competency models.
// Bad input gives an *app.InputError with a Dutch sentence; nothing is
// returned to import then.
func ReadImport(r io.Reader, cats []*app.Catalogue) (*app.Bundle, *ImportReport, error) {
	data, err := io.ReadAll(io.LimitReader(r, app.MaxExchangeSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("bestand lezen: %w", err)
	}
	if len(data) > app.MaxExchangeSize {
		return nil, nil, &app.InputError{Msg: fmt.Sprintf("Het bestand is groter dan %d MB; zo groot is geen BCP-bestand of CASE-pakket. Er is niets gewijzigd.", app.MaxExchangeSize>>20)}
	}
	data = app.TrimBOM(data) // Notepad writes one
	if bytes.Contains(data[:min(len(data), 4096)], []byte(`"CFDocument"`)) {
		return ReadCASE(bytes.NewReader(data), cats)
	}
	b, err := app.ParseBundle(data)
	if err != nil {
		return nil, nil, err
	}
	return b, exchangeReport(b), nil
}

// exchangeReport sums up an exchange file.
func exchangeReport(b *app.Bundle) *ImportReport {
	rep := &ImportReport{Format: "BCP-bestand"}
	var what []string
	switch n := len(b.Profiles); {
	case n == 1:
		what = append(what, "profiel")
		rep.Title = b.Profiles[0].Title
	case n > 1:
		what = append(what, "profielen")
		rep.Title = b.Profiles[0].Title
	}
	if len(b.Catalogues) > 0 {
		what = append(what, "competentiemodel")
		if rep.Title == "" {
			rep.Title = b.Catalogues[0].Name
		}
	}
	rep.What = strings.Join(what, " en ")
	for _, p := range b.Profiles {
		rep.read("Profiel %s (%s): %s.", quoted(p.Title), p.VersionLabel, countsText(p))
	}
	for _, c := range b.Catalogues {
		rep.read("Competentiemodel %s met %d competenties.", quoted(c.Name), len(c.Competenties))
	}
	return rep
}

// countsText words what a profile holds.
func countsText(p *app.Profile) string {
	n := map[app.Kind]int{}
	for _, e := range p.Elements() {
		n[e.Kind]++
	}
	var parts []string
	for _, k := range []app.Kind{app.KindKerntaak, app.KindWerkproces, app.KindRol, app.KindWerkzaamheid, app.KindCompetentie,
		app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid, app.KindSectie, app.KindLijst, app.KindTrend} {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d× %s", n[k], k.Label()))
		}
	}
	if len(p.Reviews) > 0 {
		parts = append(parts, fmt.Sprintf("%d beoordelingen en notities", len(p.Reviews)))
	}
	if len(parts) == 0 {
		return "leeg"
	}
	return strings.Join(parts, ", ")
}

func quoted(s string) string {
	if s == "" {
		return "(zonder titel)"
	}
	return "“" + s + "”"
}
