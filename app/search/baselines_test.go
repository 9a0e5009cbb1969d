package search_test

// The naive baselines our search is measured against, in the same run:
// plain fuzzy.Find over every element's folded text, and Bleve (in
// memory) with its Dutch analyzer over title and text. Test code only.

import (
	"fmt"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/nl" // registers the "nl" analyzer
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/sahilm/fuzzy"

	"bcpeditor/app/search"
	"bcpeditor/app/taal"
)

// searcher answers a query with element IDs, best first.
type searcher interface {
	name() string
	find(q string, n int) []string
}

// ours is our index.
type ours struct{ ix *search.Index }

func (o ours) name() string { return "ons zoeken" }

func (o ours) find(q string, n int) []string {
	var ids []string
	for _, r := range o.ix.Search(q, search.Options{Limit: n}) {
		ids = append(ids, r.ElementID)
	}
	return ids
}

// plainFuzzy is fuzzy.Find over the folded text of every element.
type plainFuzzy struct {
	ids   []string
	texts []string
}

func newPlainFuzzy(docs []search.Document) plainFuzzy {
	f := plainFuzzy{}
	for _, d := range docs {
		f.ids = append(f.ids, d.ElementID)
		f.texts = append(f.texts, taal.Fold(d.All))
	}
	return f
}

func (f plainFuzzy) name() string { return "fuzzy.Find" }

func (f plainFuzzy) find(q string, n int) []string {
	ms := fuzzy.Find(taal.Fold(q), f.texts)
	sort.Stable(ms) // best score first
	var ids []string
	for i := 0; i < len(ms) && i < n; i++ {
		ids = append(ids, f.ids[ms[i].Index])
	}
	return ids
}

// bleveNL is Bleve in memory, fields title and text analysed by "nl"; a
// query matches either (title counting double), any of its words.
type bleveNL struct{ idx bleve.Index }

func newBleveNL(tb testing.TB, docs []search.Document) bleveNL {
	tb.Helper()
	field := bleve.NewTextFieldMapping()
	field.Analyzer = "nl"
	dm := bleve.NewDocumentMapping()
	dm.AddFieldMappingsAt("title", field)
	dm.AddFieldMappingsAt("text", field)
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = "nl"
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		tb.Fatal(err)
	}
	batch := idx.NewBatch()
	for i, d := range docs {
		err := batch.Index(d.ElementID, map[string]string{"title": d.Text + " " + d.Code, "text": d.All})
		if err != nil {
			tb.Fatal(err)
		}
		if i%1000 == 999 {
			if err := idx.Batch(batch); err != nil {
				tb.Fatal(err)
			}
			batch = idx.NewBatch()
		}
	}
	if err := idx.Batch(batch); err != nil {
		tb.Fatal(err)
	}
	return bleveNL{idx}
}

func (b bleveNL) name() string { return "Bleve nl" }

func (b bleveNL) find(q string, n int) []string {
	title := bleve.NewMatchQuery(q)
	title.SetField("title")
	title.SetBoost(2)
	text := bleve.NewMatchQuery(q)
	text.SetField("text")
	req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery([]query.Query{title, text}), n, 0, false)
	res, err := b.idx.Search(req)
	if err != nil {
		panic(fmt.Sprintf("bleve: %v", err))
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}
