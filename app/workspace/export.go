package workspace

import (
	"bufio"
	"context"
	"fmt"
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
