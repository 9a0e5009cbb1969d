package ui

import (
	"strings"
	"testing"

	"bcpeditor/widgets"
)

// Opening the 2020 (Junior) accountmanager shows which rollen the 2021
// research found to fit, each with the words it rests on, and where the
// research's conclusions, method and interviewees are.
func TestBronnenShowTheResearchAndWhatItRestsOn(t *testing.T) {
	mw, _ := newTestWindow(t)
	am := profileByTitle(t, "bcp (Junior) accountmanager")
	mw.OpenProfile(am.ID)
	bronnen := mw.tree.Tree.Node(widgets.NodeBronnen)
	if bronnen == nil || len(bronnen.Children) != 1 {
		t.Fatal("the tree has no Bronnen branch with the 2021 research")
	}
	mw.Select(bronnen.Children[0])
	page := formText(mw.form.box)
	for _, want := range []string{"Bevindingen over dit profiel", "Gesprekspartners", "GJK Food Trading B.V.", "Legenda van het rapport", "Beoordelingen in dit profiel", "gelezen uit de tekst"} {
		if !strings.Contains(page, want) {
			t.Errorf("the bron page lacks %q", want)
		}
	}
	// A rol's form shows its verdict with what it rests on.
	mw.Select(mw.Profile().Rollen[0].ID)
	if form := formText(mw.form.box); !strings.Contains(form, "gelezen uit de tekst van het rapport") || !strings.Contains(form, "[goed]") {
		t.Errorf("the rol's form does not show its verdict and its ground:\n%s", form)
	}
	// A trend is marked as the research's.
	mw.Select(mw.Profile().Trends[0].ID)
	if form := formText(mw.form.box); !strings.Contains(form, "niet de tekst van het bcp") {
		t.Errorf("a research trend is not marked as the research's:\n%s", form)
	}
}
