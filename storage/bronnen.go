package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"bcpeditor/app"
)

// Bronnen returns every research source in the library, in the order they
// were added.
func (l *Library) Bronnen(ctx context.Context) ([]*app.Bron, error) {
	var out []*app.Bron
	err := l.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = bronnen(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("onderzoeken lezen: %w", err)
	}
	return out, nil
}

func bronnen(ctx context.Context, tx *sql.Tx) ([]*app.Bron, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, data FROM bronnen ORDER BY position, titel")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*app.Bron
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, err
		}
		b := &app.Bron{}
		if err := json.Unmarshal([]byte(data), b); err != nil {
			return nil, fmt.Errorf("onderzoek %s is onleesbaar: %w", id, err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// putBron stores a bron. An existing one with the same id is kept as it is
// unless replace is set (the bundled bronnen follow the program; a file
// someone sends does not overwrite the library's).
func putBron(ctx context.Context, tx *sql.Tx, b *app.Bron, replace bool) error {
	data, err := json.Marshal(b)
	if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM bronnen WHERE id = ?", b.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		if !replace {
			return nil
		}
		_, err := tx.ExecContext(ctx, "UPDATE bronnen SET titel = ?, data = ? WHERE id = ?", b.Titel, string(data), b.ID)
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO bronnen (id, position, titel, data)
		VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM bronnen), ?, ?)`, b.ID, b.Titel, string(data))
	return err
}

// importBronnen stores the bundle's bronnen that the library lacks and
// makes sure every bron its profiles refer to is then known.
func importBronnen(ctx context.Context, tx *sql.Tx, b *app.Bundle) error {
	for _, br := range b.Bronnen {
		if err := putBron(ctx, tx, br, false); err != nil {
			return fmt.Errorf("onderzoek %q importeren: %w", br.Titel, err)
		}
	}
	known, err := bronnen(ctx, tx)
	if err != nil {
		return err
	}
	if missing := b.MissingBronnen(known); len(missing) > 0 {
		return &ImportError{Msg: fmt.Sprintf("Het bestand verwijst naar een onderzoek dat niet in het bestand en niet in de bibliotheek staat (%s). Er is niets gewijzigd.", strings.Join(missing, ", "))}
	}
	return nil
}
