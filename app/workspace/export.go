package workspace

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"time"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

// ExchangeLabel starts the name of the snapshot taken when a profile is
// exported as an exchange file: the base for merging it when it comes back.
const ExchangeLabel = "uitgewisseld"

// ExportJob writes one profile in one format. It holds a copy of the
// profile taken when it was prepared, so that it can run on any goroutine
// while the designer goes on editing.
type ExportJob struct {
	w      *Workspace
	Format export.Format
	Path   string
	source export.Source
}

// PrepareExport copies a profile (the open one as it is now) for export
// to path.
func (w *Workspace) PrepareExport(profileID string, f export.Format, path string) (*ExportJob, error) {
	p, err := w.Profile(profileID)
	if err != nil {
		return nil, err
	}
	src := export.Source{Profile: p.Clone(), Catalogue: w.Catalogue(p), Bronnen: app.BronnenFor(w.bronnen, p)}
	return &ExportJob{w: w, Format: f, Path: path, source: src}, nil
}

// Title is the exported profile's title.
func (j *ExportJob) Title() string { return j.source.Profile.Title }

// Run writes the file atomically: a cancelled or failed export leaves what
// was at Path before. An exchange file is also frozen as the base for
// merging it when it comes back. It reports success with nil and a failure
// with a Dutch sentence that says what happened.
func (j *ExportJob) Run(ctx context.Context) error {
	err := app.WriteFileAtomicContext(ctx, j.Path, func(w *bufio.Writer) error {
		return j.Format.Write(w, j.source)
	})
	if ctx.Err() != nil {
		return ErrCancelled
	}
	if err != nil {
		return fmt.Errorf("Exporteren naar %s is mislukt. %w", j.Path, err)
	}
	if j.Format.Name == "json" {
		label := ExchangeLabel + " " + time.Now().Format("2006-01-02 15:04")
		if _, err := j.w.store.SaveSnapshot(j.w.ctx, j.source.Profile, label); err != nil {
			return fmt.Errorf("het bestand is geschreven, maar vastleggen wat er is verstuurd mislukte (nodig om het later samen te voegen): %w", err)
		}
	}
	return nil
}

// ErrCancelled is what a cancelled export returns: nothing was written.
var ErrCancelled = fmt.Errorf("exporteren afgebroken; er is niets geschreven")

// ExportModel writes a competency model to path atomically: as an exchange
// file, or as CASE, the framework that the CASE export of every profile
// using it refers to (import the model before such a profile elsewhere).
// Models are small: this runs on the caller's goroutine.
func (w *Workspace) ExportModel(catID string, f export.CatalogueFormat, path string) error {
	cat := app.CatalogueByID(w.catalogues, catID)
	if cat == nil {
		return fmt.Errorf("het competentiemodel %s staat niet in de bibliotheek", catID)
	}
	err := app.WriteFileAtomic(path, func(bw *bufio.Writer) error { return f.Write(bw, cat) })
	if err != nil {
		return fmt.Errorf("Exporteren naar %s is mislukt. %w", path, err)
	}
	return nil
}

// ResolveCatalogue finds the competency model a user named by (part of)
// its name, case and accents ignored.
func (w *Workspace) ResolveCatalogue(query string) (*app.Catalogue, error) {
	q := app.Fold(strings.TrimSpace(query))
	var hits []*app.Catalogue
	for _, c := range w.catalogues {
		if c.ID == query || app.Fold(c.Name) == q {
			return c, nil
		}
		if q != "" && strings.Contains(app.Fold(c.Name), q) {
			hits = append(hits, c)
		}
	}
	var names []string
	for _, c := range w.catalogues {
		names = append(names, "“"+c.Name+"”")
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		return nil, fmt.Errorf("geen competentiemodel gevonden voor %q (in de bibliotheek: %s)", query, strings.Join(names, ", "))
	}
	return nil, fmt.Errorf("%q past bij meer dan één competentiemodel; geef meer van de naam op (in de bibliotheek: %s)", query, strings.Join(names, ", "))
}
