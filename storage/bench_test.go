package storage

import (
	"context"
	"testing"

	"bcpeditor/app"
)

// The 2010 BCP is the profile the speed targets name; the largest bundled
// profile stands in for it if it is missing.
func benchProfile(b *testing.B, lib *Library) *app.Profile {
	ctx := context.Background()
	all, err := lib.ListProfiles(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var pick app.ProfileSummary
	for _, s := range all {
		if s.Title == "BCP Junior accountmanager" {
			pick = s
			break
		}
		if s.Counts.Werkprocessen+s.Counts.Werkzaamheden > pick.Counts.Werkprocessen+pick.Counts.Werkzaamheden {
			pick = s
		}
	}
	p, err := lib.LoadProfile(ctx, pick.ID)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// Target: loading the 2010 BCP ≤ 10 ms.
func BenchmarkLoadProfile(b *testing.B) {
	lib, _ := seeded(b)
	p := benchProfile(b, lib)
	b.ReportMetric(float64(len(p.Elements())), "elements")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := lib.LoadProfile(context.Background(), p.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// Naive baseline for BenchmarkLoadProfile: one query per element, the way
// a straightforward object mapper would read the tree.
func BenchmarkLoadProfileNaiveBaseline(b *testing.B) {
	lib, _ := seeded(b)
	p := benchProfile(b, lib)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := lib.db.QueryContext(ctx, "SELECT id FROM elements WHERE profile_id = ?", p.ID)
		if err != nil {
			b.Fatal(err)
		}
		var ids []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		var elems []app.Element
		for _, id := range ids {
			var e app.Element
			if err := lib.db.QueryRowContext(ctx, `SELECT id, parent_id, kind, position, code, title, body, ref, source, origin
				FROM elements WHERE id = ?`, id).Scan(&e.ID, &e.ParentID, &e.Kind, &e.Position, &e.Code, &e.Title, &e.Body, &e.Ref, &e.Source, &e.Origin); err != nil {
				b.Fatal(err)
			}
			elems = append(elems, e)
		}
		var q app.Profile
		if err := q.Assemble(elems); err != nil {
			b.Fatal(err)
		}
	}
}

// Target: storing one edited field ≤ 5 ms (one transaction, synced).
func BenchmarkSaveOneField(b *testing.B) {
	lib, _ := seeded(b)
	p := benchProfile(b, lib)
	e := p.Elements()[len(p.Elements())/2]
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Body = "bewerkt " + string(rune('a'+i%26))
		if err := lib.SaveChange(ctx, p.ID, app.ChangeSet{Upserts: []app.Element{e}}); err != nil {
			b.Fatal(err)
		}
	}
}

// Naive baseline for BenchmarkSaveOneField: write the whole profile again.
func BenchmarkSaveOneFieldNaiveBaseline(b *testing.B) {
	lib, _ := seeded(b)
	p := benchProfile(b, lib)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := lib.SaveProfile(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
}
