package app_test

import (
	"context"
	"testing"

	"bcpeditor/app"
)

func benchEditor(b *testing.B) (*app.Editor, app.Store, *app.Profile) {
	lib, _ := openSeeded(b)
	b.Cleanup(func() { lib.Close() })
	all, _ := lib.ListProfiles(context.Background())
	var pick app.ProfileSummary
	for _, s := range all {
		if s.Title == "BCP Junior accountmanager" || pick.ID == "" {
			pick = s
		}
	}
	p, err := lib.LoadProfile(context.Background(), pick.ID)
	if err != nil {
		b.Fatal(err)
	}
	return app.NewEditor(context.Background(), lib, p), lib, p
}

// Target: one edit (model update + SQLite write) ≤ 5 ms.
func BenchmarkEditOneField(b *testing.B) {
	ed, _, p := benchEditor(b)
	id := p.Elements()[len(p.Elements())/2].ID
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A distinct key per step, so each is a separate undo step.
		if err := ed.SetField(id, app.FieldBody, "tekst "+string(rune('a'+i%26))+string(rune('a'+i/26%26))); err != nil {
			b.Fatal(err)
		}
	}
}

// Naive baseline: change the model and store the whole profile again.
func BenchmarkEditOneFieldNaiveBaseline(b *testing.B) {
	_, st, p := benchEditor(b)
	lib := st.(interface {
		SaveProfile(context.Context, *app.Profile) error
	})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Title = "titel " + string(rune('a'+i%26))
		if err := lib.SaveProfile(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
}
