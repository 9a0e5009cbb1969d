package workspace

import (
	"errors"
	"fmt"

	"bcpeditor/app"
)

var errNoProfile = errors.New("er is geen profiel geopend")

// Backups lists the library's backups, newest first.
func (w *Workspace) Backups() ([]app.Backup, error) { return w.loc.Backups() }

// Restore puts a backup in place of the library: the library is closed,
// the backup put back (the current library kept as a backup) and the
// library opened again, in the same way. The open profile is closed.
func (w *Workspace) Restore(b app.Backup) error {
	w.endWatch(false)
	w.session = nil
	for _, s := range w.summaries {
		w.index.RemoveProfile(s.ID) // the caller indexes the restored library again
	}
	if err := w.store.Close(); err != nil {
		return fmt.Errorf("bibliotheek sluiten om terug te zetten: %w", err)
	}
	restoreErr := w.loc.Restore(w.ctx, b)
	st, err := w.loc.Open(w.ctx, w.mode)
	if err != nil {
		return &OpenError{Problem: w.loc.Explain(err), Err: err}
	}
	w.store = st
	w.startWatch()
	if err := w.Reload(); err != nil {
		return err
	}
	w.emit(Event{Kind: ProfileOpened})
	if restoreErr != nil {
		return fmt.Errorf("reservekopie terugzetten: %w", restoreErr)
	}
	return nil
}
