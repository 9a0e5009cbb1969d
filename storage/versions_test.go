package storage

import (
	"context"
	"database/sql"
	"encoding/json"

	"bcpeditor/app"
)

// writeProfileV3 stores a profile as versions 3 to 5 of the schema did:
// research columns, no element versions yet.
func writeProfileV3(ctx context.Context, tx *sql.Tx, p *app.Profile) error {
	history, _ := json.Marshal(nonNil(p.StatusHistory))
	colofon, _ := json.Marshal(nonNil(p.Colofon))
	if _, err := tx.ExecContext(ctx, `INSERT INTO profiles (id, origin, title, beroep, owner, version_label, status, structure, catalogue_id,
		created, modified, status_history, colofon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ID, p.Origin, p.Title, p.Beroep, p.Owner, p.VersionLabel, p.Status, p.Structure, p.CatalogueID, p.Created, p.Modified,
		string(history), string(colofon)); err != nil {
		return err
	}
	for _, e := range p.Elements() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, p.ID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin, e.BronID); err != nil {
			return err
		}
	}
	for i, r := range p.Reviews {
		if _, err := tx.ExecContext(ctx, `INSERT INTO reviews (id, profile_id, element_id, position, kind, aansluiting, toelichting, source, date,
			bron_id, citaat, vindplaats, uit_tekst, lezing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, p.ID, r.ElementID, i, r.Kind, r.Aansluiting, r.Toelichting, r.Source, r.Date,
			r.BronID, r.Citaat, r.Vindplaats, r.UitTekst, r.Lezing); err != nil {
			return err
		}
	}
	return nil
}
