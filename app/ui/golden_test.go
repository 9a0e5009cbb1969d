package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The main window on the 2010 BCP with werkproces 1.3 selected, as markup:
// layout, texts and widgets. Regenerate with go test -update after a
// deliberate change (failed renderings land in testdata/failed).
func TestMainWindowGolden(t *testing.T) {
	mw, _, p := open2010(t)
	mw.Window.Resize(fyne.NewSize(1200, 760))
	mw.Select(p.Kerntaken[0].Werkprocessen[2].ID)
	test.AssertRendersToMarkup(t, "mainwindow_werkproces.xml", mw.Window.Canvas())
}
