package storage

import (
	"context"
	"os"
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

// library300 makes a library of 300 profiles (the bundled ones, copied
// with new ids), closed and checkpointed, for measuring the open check.
func library300(b *testing.B) string {
	b.Helper()
	lib, path := seeded(b)
	ctx := context.Background()
	all, err := lib.ListProfiles(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var originals []*app.Profile
	for _, s := range all {
		p, err := lib.LoadProfile(ctx, s.ID)
		if err != nil {
			b.Fatal(err)
		}
		originals = append(originals, p)
	}
	for n := len(all); n < 300; n++ {
		if err := lib.SaveProfile(ctx, cloneWithNewIDs(b, originals[n%len(originals)])); err != nil {
			b.Fatal(err)
		}
	}
	lib.Close()
	return path
}

// The check every open runs before writing: integrity_check (compares
// every index with its table) against quick_check, the baseline, on a
// library of 300 profiles.
func BenchmarkOpenCheck300(b *testing.B) {
	path := library300(b)
	fi, _ := os.Stat(path)
	for _, check := range []string{"integrity_check", "quick_check"} {
		b.Run(check, func(b *testing.B) {
			b.ReportMetric(float64(fi.Size())/(1<<20), "MB")
			ctx := context.Background()
			v, err := openReadView(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			defer v.close()
			for i := 0; i < b.N; i++ {
				var res string
				if err := v.db.QueryRowContext(ctx, "PRAGMA "+check).Scan(&res); err != nil || res != "ok" {
					b.Fatal(res, err)
				}
			}
		})
	}
}

// A whole Open of the 300-profile library (inspect, check, open, no
// migration, today's backup already made), against opening with the
// quick_check.
func BenchmarkOpen300(b *testing.B) {
	path := library300(b)
	ctx := context.Background()
	for _, check := range []string{"integrity_check", "quick_check"} {
		b.Run(check, func(b *testing.B) {
			defer func(old string) { OpenCheck = old }(OpenCheck)
			OpenCheck = check
			for i := 0; i < b.N; i++ {
				lib, err := Open(ctx, path)
				if err != nil {
					b.Fatal(err)
				}
				lib.Close()
			}
		})
	}
}
