package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/widgets"
)

// metaForm edits the profile's own fields: title, beroep, owner, version,
// status and colofon.
func (mw *MainWindow) metaForm() []fyne.CanvasObject {
	p := mw.profile
	m := p.Meta()
	text := func(key, value string, set func(m *app.ProfileMeta, v string)) *widgets.FieldEntry {
		e := widgets.NewFieldEntry("meta/" + key)
		e.SetText(value)
		e.Global = mw.Global
		e.OnChanged = func(v string) {
			m := mw.profile.Meta()
			set(&m, v)
			mw.editMeta("meta/"+key, m)
		}
		mw.fields["meta/"+key] = e
		return e
	}
	status := widget.NewSelect([]string{lang.L("concept"), lang.L("geaccordeerd"), lang.L("vastgesteld")}, nil)
	statuses := []app.Status{app.StatusConcept, app.StatusGeaccordeerd, app.StatusVastgesteld}
	for i, s := range statuses {
		if s == m.Status {
			status.SetSelectedIndex(i)
		}
	}
	status.OnChanged = func(string) {
		m := mw.profile.Meta()
		m.Status = statuses[status.SelectedIndex()]
		if m.Status != mw.profile.Status {
			mw.editMeta("", m)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Titel"), text("titel", m.Title, func(m *app.ProfileMeta, v string) { m.Title = v })),
		widget.NewFormItem(lang.L("Beroep"), text("beroep", m.Beroep, func(m *app.ProfileMeta, v string) { m.Beroep = v })),
		widget.NewFormItem(lang.L("Eigenaar"), text("eigenaar", m.Owner, func(m *app.ProfileMeta, v string) { m.Owner = v })),
		widget.NewFormItem(lang.L("Versie"), text("versie", m.VersionLabel, func(m *app.ProfileMeta, v string) { m.VersionLabel = v })),
		widget.NewFormItem(lang.L("Status"), status),
	)
	objs := []fyne.CanvasObject{heading1(lang.L("Profielgegevens")), mw.problemsBox, form}
	if cat := mw.catalogue(); cat != nil {
		objs = append(objs, widget.NewLabel(lang.L("Competentiemodel")+": "+cat.Name))
	}
	objs = append(objs, fieldLabel(lang.L("Statushistorie")), mw.statusHistoryGrid(m, text))
	objs = append(objs, fieldLabel(lang.L("Colofon")))
	grid := container.NewGridWithColumns(4,
		widget.NewLabel(lang.L("Rol")), widget.NewLabel(lang.L("Naam")), widget.NewLabel(lang.L("Organisatie")), widget.NewLabel(""))
	for i, c := range m.Colofon {
		i := i
		set := func(field string) func(m *app.ProfileMeta, v string) {
			return func(m *app.ProfileMeta, v string) {
				if i >= len(m.Colofon) {
					return
				}
				switch field {
				case "rol":
					m.Colofon[i].Role = v
				case "naam":
					m.Colofon[i].Name = v
				default:
					m.Colofon[i].Organisation = v
				}
			}
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			m := mw.profile.Meta()
			m.Colofon = append(m.Colofon[:i], m.Colofon[i+1:]...)
			mw.afterStructural(mw.editor.EditMeta(lang.L("colofon wijzigen"), "", m), "", "")
		})
		remove.Importance = widget.LowImportance
		grid.Add(text(fmt.Sprintf("colofon/%d/rol", i), c.Role, set("rol")))
		grid.Add(text(fmt.Sprintf("colofon/%d/naam", i), c.Name, set("naam")))
		grid.Add(text(fmt.Sprintf("colofon/%d/organisatie", i), c.Organisation, set("organisatie")))
		grid.Add(container.NewHBox(remove))
	}
	objs = append(objs, grid, mw.addButton(lang.L("Regel toevoegen"), func() {
		m := mw.profile.Meta()
		m.Colofon = append(m.Colofon, app.ColofonEntry{})
		mw.afterStructural(mw.editor.EditMeta(lang.L("colofon wijzigen"), "", m), fmt.Sprintf("meta/colofon/%d/rol", len(m.Colofon)-1), "")
	}))
	return objs
}

func (mw *MainWindow) editMeta(key string, m app.ProfileMeta) {
	if err := mw.editor.EditMeta(lang.L("profielgegevens wijzigen"), key, m); err != nil {
		mw.saveFailed(err)
		return
	}
	mw.afterEdit()
	mw.refreshSummaries()
}

// statusHistoryGrid edits the steps of the profile's life: status, date,
// place and by whom.
func (mw *MainWindow) statusHistoryGrid(m app.ProfileMeta, text func(key, value string, set func(m *app.ProfileMeta, v string)) *widgets.FieldEntry) fyne.CanvasObject {
	statuses := []app.Status{app.StatusConcept, app.StatusGeaccordeerd, app.StatusVastgesteld}
	labels := []string{lang.L("concept"), lang.L("geaccordeerd"), lang.L("vastgesteld")}
	grid := container.NewGridWithColumns(5, widget.NewLabel(lang.L("Status")), widget.NewLabel(lang.L("Datum")),
		widget.NewLabel(lang.L("Plaats")), widget.NewLabel(lang.L("Door")), widget.NewLabel(""))
	for i, e := range m.StatusHistory {
		i := i
		sel := widget.NewSelect(labels, nil)
		for j, s := range statuses {
			if s == e.Status {
				sel.SetSelectedIndex(j)
			}
		}
		sel.OnChanged = func(string) {
			m := mw.profile.Meta()
			if i < len(m.StatusHistory) && sel.SelectedIndex() >= 0 && m.StatusHistory[i].Status != statuses[sel.SelectedIndex()] {
				m.StatusHistory[i].Status = statuses[sel.SelectedIndex()]
				mw.editMeta("", m)
			}
		}
		field := func(name string, value string, set func(e *app.StatusEvent, v string)) fyne.CanvasObject {
			return text(fmt.Sprintf("status/%d/%s", i, name), value, func(m *app.ProfileMeta, v string) {
				if i < len(m.StatusHistory) {
					set(&m.StatusHistory[i], v)
				}
			})
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			m := mw.profile.Meta()
			m.StatusHistory = append(m.StatusHistory[:i], m.StatusHistory[i+1:]...)
			mw.afterStructural(mw.editor.EditMeta(lang.L("statushistorie wijzigen"), "", m), "", "")
		})
		remove.Importance = widget.LowImportance
		grid.Add(sel)
		grid.Add(field("datum", e.Date, func(e *app.StatusEvent, v string) { e.Date = v }))
		grid.Add(field("plaats", e.Place, func(e *app.StatusEvent, v string) { e.Place = v }))
		grid.Add(field("door", e.By, func(e *app.StatusEvent, v string) { e.By = v }))
		grid.Add(container.NewHBox(remove))
	}
	add := mw.addButton(lang.L("Stap toevoegen"), func() {
		m := mw.profile.Meta()
		m.StatusHistory = append(m.StatusHistory, app.StatusEvent{Status: m.Status})
		mw.afterStructural(mw.editor.EditMeta(lang.L("statushistorie wijzigen"), "", m), fmt.Sprintf("meta/status/%d/datum", len(m.StatusHistory)-1), "")
	})
	return container.NewVBox(grid, add)
}
