package compare_test

import (
	"fmt"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// bigProfile makes a profile of about n units (kerntaken and werkprocessen)
// from the 2010 BCP's texts, and an edited new version of it: some texts
// changed, some werkprocessen moved, added and removed, lineage kept for
// most and lost for some.
func bigPair(b *testing.B, n int) (*app.Profile, *app.Profile) {
	ps, _, _ := bundled(b)
	src := ps["BCP Junior accountmanager"]
	var wps []*app.Werkproces
	for _, k := range src.Kerntaken {
		wps = append(wps, k.Werkprocessen...)
	}
	old := &app.Profile{ID: app.NewID(), Title: "Groot", Structure: app.StructureKerntaken}
	for k := 0; len(old.Kerntaken)*16 < n; k++ {
		kt := &app.Kerntaak{ID: app.NewID(), Code: fmt.Sprint(k + 1), Title: fmt.Sprintf("Kerntaak %d %s", k+1, src.Kerntaken[k%3].Title)}
		for j := 0; j < 15; j++ {
			w := *wps[(k*15+j)%len(wps)]
			w.ID, w.Code = app.NewID(), fmt.Sprintf("%d.%d", k+1, j+1)
			w.Beschrijving = fmt.Sprintf("%s (variant %d)", w.Beschrijving, k)
			kt.Werkprocessen = append(kt.Werkprocessen, &w)
		}
		old.Kerntaken = append(old.Kerntaken, kt)
	}
	nv := app.NewVersion(old, "nieuw")
	for i, k := range nv.Kerntaken {
		k.Werkprocessen[0].Beschrijving += " Aangepast in de workshop."
		if i%5 == 0 {
			k.Werkprocessen[1].Origin = "" // lineage lost: pairs by code
		}
		if i%7 == 0 && i+1 < len(nv.Kerntaken) {
			moved := k.Werkprocessen[2]
			k.Werkprocessen = append(k.Werkprocessen[:2], k.Werkprocessen[3:]...)
			nv.Kerntaken[i+1].Werkprocessen = append(nv.Kerntaken[i+1].Werkprocessen, moved)
		}
		if i%9 == 0 {
			k.Werkprocessen = append(k.Werkprocessen, &app.Werkproces{ID: app.NewID(), Code: "x", Title: "Nieuw werkproces over duurzaamheid"})
		}
	}
	return old, nv
}

// Target: two profiles of 1,000 elements each ≤ 100 ms.
func BenchmarkCompare1000(b *testing.B) {
	old, nv := bigPair(b, 1000)
	b.ReportMetric(float64(len(compare.Units(old))), "units")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		compare.Compare(old, nv, compare.Options{})
	}
}

// Naive baseline: pair every old element with its most similar new one by
// comparing all against all (no lineage, no code, no inverted index).
func BenchmarkCompare1000NaiveBaseline(b *testing.B) {
	old, nv := bigPair(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		compare.CompareAllPairs(old, nv)
	}
}

// Target: the bundled 2010 versus 2020 pair ≤ 20 ms.
func BenchmarkCompareBundled2010Versus2020(b *testing.B) {
	ps, cs, m := bundled(b)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	o := opts(cs, old, nv, m)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		compare.Compare(old, nv, o)
	}
}
