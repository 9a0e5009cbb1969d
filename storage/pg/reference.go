package pg

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5"
)

// Competency models and research sources: the reference material profiles
// point to.

// Catalogues returns every competency model with its competenties.
func (l *Library) Catalogues(ctx context.Context) ([]*app.Catalogue, error) {
	var out []*app.Catalogue
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		var err error
		out, err = catalogues(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("competentiemodellen lezen: %w", err)
	}
	return out, nil
}

func catalogues(ctx context.Context, tx pgx.Tx) ([]*app.Catalogue, error) {
	rows, err := tx.Query(ctx, `SELECT id, name FROM catalogues ORDER BY position, name COLLATE "C"`)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*app.Catalogue, error) {
		c := &app.Catalogue{}
		return c, r.Scan(&c.ID, &c.Name)
	})
	if err != nil {
		return nil, err
	}
	byID := map[string]*app.Catalogue{}
	for _, c := range out {
		byID[c.ID] = c
	}
	crows, err := tx.Query(ctx, "SELECT id, catalogue_id, code, name, beschrijving, parent, soort FROM competenties ORDER BY catalogue_id, position")
	if err != nil {
		return nil, err
	}
	defer crows.Close()
	for crows.Next() {
		k := &app.Competentie{}
		var cat string
		if err := crows.Scan(&k.ID, &cat, &k.Code, &k.Name, &k.Beschrijving, &k.Parent, &k.Kind); err != nil {
			return nil, err
		}
		if c := byID[cat]; c != nil {
			c.Competenties = append(c.Competenties, k)
		}
	}
	return out, crows.Err()
}

// insertCatalogue stores a competency model unless one with its ID exists;
// it reports whether it did.
func insertCatalogue(ctx context.Context, tx pgx.Tx, c *app.Catalogue) (bool, error) {
	tag, err := tx.Exec(ctx, `INSERT INTO catalogues (id, name, position)
		VALUES ($1, $2, (SELECT count(*) FROM catalogues)) ON CONFLICT (id) DO NOTHING`, c.ID, c.Name)
	if err != nil || tag.RowsAffected() == 0 {
		return false, err
	}
	batch := &pgx.Batch{}
	for i, k := range c.Competenties {
		batch.Queue(`INSERT INTO competenties (id, catalogue_id, position, code, name, beschrijving, parent, soort)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, k.ID, c.ID, i, k.Code, k.Name, k.Beschrijving, k.Parent, k.Kind)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		if isUnique(err) {
			return false, fmt.Errorf("een competentie van %q staat al in een ander competentiemodel: %w", c.Name, app.ErrExists)
		}
		return false, err
	}
	return true, nil
}

// Bronnen returns every research source, in the order they were added.
func (l *Library) Bronnen(ctx context.Context) ([]*app.Bron, error) {
	var out []*app.Bron
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		var err error
		out, err = bronnen(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("onderzoeken lezen: %w", err)
	}
	return out, nil
}

func bronnen(ctx context.Context, tx pgx.Tx) ([]*app.Bron, error) {
	rows, err := tx.Query(ctx, `SELECT id, data FROM bronnen ORDER BY position, titel COLLATE "C"`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (*app.Bron, error) {
		var id, data string
		if err := r.Scan(&id, &data); err != nil {
			return nil, err
		}
		b := &app.Bron{}
		if err := json.Unmarshal([]byte(data), b); err != nil {
			return nil, fmt.Errorf("onderzoek %s is onleesbaar: %w", id, err)
		}
		return b, nil
	})
}

// putBron stores a bron; an existing one is replaced only when replace is
// set and it differs. It reports whether it wrote anything.
func putBron(ctx context.Context, tx pgx.Tx, b *app.Bron, replace bool) (bool, error) {
	data, err := json.Marshal(b)
	if err != nil {
		return false, err
	}
	tag, err := tx.Exec(ctx, `INSERT INTO bronnen (id, position, titel, data)
		VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM bronnen), $2, $3) ON CONFLICT (id) DO NOTHING`, b.ID, b.Titel, string(data))
	if err != nil || tag.RowsAffected() > 0 || !replace {
		return tag.RowsAffected() > 0, err
	}
	tag, err = tx.Exec(ctx, "UPDATE bronnen SET titel = $1, data = $2 WHERE id = $3 AND data <> $2", b.Titel, string(data), b.ID)
	return tag.RowsAffected() > 0, err
}

// importBronnen stores the bundle's bronnen that the library lacks and
// makes sure every bron its profiles refer to is then known.
func importBronnen(ctx context.Context, tx pgx.Tx, b *app.Bundle) error {
	for _, br := range b.Bronnen {
		if _, err := putBron(ctx, tx, br, false); err != nil {
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
