package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// metaText makes a field for one of the profile's own fields; set puts a
// typed value into the profile's meta.
type metaText func(key, value string, set func(m *app.ProfileMeta, v string)) *widgets.FieldEntry

// metaForm edits the profile's own fields: title, beroep, owner, version,
// status and colofon.
func (v *formView) metaForm(s *workspace.Session) []fyne.CanvasObject {
	p := s.Profile()
	m := p.Meta()
	text := func(key, value string, set func(m *app.ProfileMeta, v string)) *widgets.FieldEntry {
		e := widgets.NewFieldEntry("meta/" + key)
		e.SetText(value)
		e.Guard = v.mayChange
		e.Global = v.host.Global
		e.OnChanged = func(val string) {
			m := p.Meta()
			set(&m, val)
			v.editMeta("meta/"+key, m)
		}
		v.fields["meta/"+key] = e
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
		m := p.Meta()
		m.Status = statuses[status.SelectedIndex()]
		if m.Status != p.Status {
			v.editMeta("", m)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Titel"), text("titel", m.Title, func(m *app.ProfileMeta, v string) { m.Title = v })),
		widget.NewFormItem(lang.L("Beroep"), text("beroep", m.Beroep, func(m *app.ProfileMeta, v string) { m.Beroep = v })),
		widget.NewFormItem(lang.L("Eigenaar"), text("eigenaar", m.Owner, func(m *app.ProfileMeta, v string) { m.Owner = v })),
		widget.NewFormItem(lang.L("Versie"), text("versie", m.VersionLabel, func(m *app.ProfileMeta, v string) { m.VersionLabel = v })),
		widget.NewFormItem(lang.L("Status"), status),
	)
	objs := []fyne.CanvasObject{heading1(lang.L("Profielgegevens")), v.problemsBox, form}
	if cat := s.Catalogue(); cat != nil {
		objs = append(objs, wrapped(lang.L("Competentiemodel")+": "+cat.Name))
	}
	objs = append(objs, fieldLabel(lang.L("Statushistorie")), v.statusHistoryGrid(p, text))
	objs = append(objs, fieldLabel(lang.L("Colofon")))
	// One small form per entry, so that long names and organisations show
	// whole at any width.
	grid := container.NewVBox()
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
		remove := iconButton(theme.DeleteIcon(), lang.L("Regel verwijderen"), func() {
			m := p.Meta()
			m.Colofon = append(m.Colofon[:i], m.Colofon[i+1:]...)
			v.editMeta("", m)
		})
		grid.Add(widget.NewForm(
			widget.NewFormItem(lang.L("Rol"), container.NewBorder(nil, nil, nil, remove, text(fmt.Sprintf("colofon/%d/rol", i), c.Role, set("rol")))),
			widget.NewFormItem(lang.L("Naam"), text(fmt.Sprintf("colofon/%d/naam", i), c.Name, set("naam"))),
			widget.NewFormItem(lang.L("Organisatie"), text(fmt.Sprintf("colofon/%d/organisatie", i), c.Organisation, set("organisatie")))))
		grid.Add(widget.NewSeparator())
	}
	objs = append(objs, grid, v.addButton(lang.L("Regel toevoegen"), func() {
		m := p.Meta()
		m.Colofon = append(m.Colofon, app.ColofonEntry{})
		if v.editMeta("", m) == nil {
			v.focus(fmt.Sprintf("meta/colofon/%d/rol", len(m.Colofon)-1))
		}
	}))
	return objs
}

// editMeta changes the profile's own fields; key names the field typed in.
func (v *formView) editMeta(key string, m app.ProfileMeta) error {
	return v.edit(key, func(ed *app.Editor) error { return ed.EditMeta(lang.L("profielgegevens wijzigen"), key, m) })
}

// statusHistoryGrid edits the steps of the profile's life: status, date,
// place and by whom.
func (v *formView) statusHistoryGrid(p *app.Profile, text metaText) fyne.CanvasObject {
	m := p.Meta()
	statuses := []app.Status{app.StatusConcept, app.StatusGeaccordeerd, app.StatusVastgesteld}
	labels := []string{lang.L("concept"), lang.L("geaccordeerd"), lang.L("vastgesteld")}
	grid := container.NewVBox()
	for i, e := range m.StatusHistory {
		i := i
		sel := widget.NewSelect(labels, nil)
		for j, s := range statuses {
			if s == e.Status {
				sel.SetSelectedIndex(j)
			}
		}
		sel.OnChanged = func(string) {
			m := p.Meta()
			if i < len(m.StatusHistory) && sel.SelectedIndex() >= 0 && m.StatusHistory[i].Status != statuses[sel.SelectedIndex()] {
				m.StatusHistory[i].Status = statuses[sel.SelectedIndex()]
				v.editMeta("", m)
			}
		}
		field := func(name string, value string, set func(e *app.StatusEvent, v string)) fyne.CanvasObject {
			return text(fmt.Sprintf("status/%d/%s", i, name), value, func(m *app.ProfileMeta, v string) {
				if i < len(m.StatusHistory) {
					set(&m.StatusHistory[i], v)
				}
			})
		}
		remove := iconButton(theme.DeleteIcon(), lang.L("Stap verwijderen"), func() {
			m := p.Meta()
			m.StatusHistory = append(m.StatusHistory[:i], m.StatusHistory[i+1:]...)
			v.editMeta("", m)
		})
		grid.Add(widget.NewForm(
			widget.NewFormItem(lang.L("Status"), container.NewBorder(nil, nil, nil, remove, sel)),
			widget.NewFormItem(lang.L("Datum"), field("datum", e.Date, func(e *app.StatusEvent, v string) { e.Date = v })),
			widget.NewFormItem(lang.L("Plaats"), field("plaats", e.Place, func(e *app.StatusEvent, v string) { e.Place = v })),
			widget.NewFormItem(lang.L("Door"), field("door", e.By, func(e *app.StatusEvent, v string) { e.By = v }))))
		grid.Add(widget.NewSeparator())
	}
	add := v.addButton(lang.L("Stap toevoegen"), func() {
		m := p.Meta()
		m.StatusHistory = append(m.StatusHistory, app.StatusEvent{Status: m.Status})
		if v.editMeta("", m) == nil {
			v.focus(fmt.Sprintf("meta/status/%d/datum", len(m.StatusHistory)-1))
		}
	})
	return container.NewVBox(grid, add)
}
