package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
)

// Which library the window works in: the designer's own file, another
// file, or a team library on a server; and, from a team library, taking
// profiles along for offline work and bringing them back.

// Preference keys: the library opened last in the window (unless main was
// told which one) and the ones opened before it. Only Location.String is
// kept, which never holds a password.
const (
	prefLastLibrary    = "library.last"
	prefRecentLibrary  = "library.recent"
	maxRecentLibraries = 8
)

// rememberedLibrary is the library the window opened last time, when main
// was not told which one to open.
func rememberedLibrary(a fyne.App, cfg Config) Config {
	if cfg.Chosen || cfg.Locate == nil {
		return cfg
	}
	last := a.Preferences().String(prefLastLibrary)
	if last == "" {
		return cfg
	}
	if loc, err := cfg.Locate(last); err == nil {
		cfg.Library = loc
	}
	return cfg
}

// rememberLibrary notes the library the window works in.
func rememberLibrary(prefs fyne.Preferences, loc app.Location) {
	s := loc.String()
	prefs.SetString(prefLastLibrary, s)
	recent := slices.DeleteFunc(prefs.StringList(prefRecentLibrary), func(r string) bool { return r == s })
	recent = append([]string{s}, recent...)
	if len(recent) > maxRecentLibraries {
		recent = recent[:maxRecentLibraries]
	}
	prefs.SetStringList(prefRecentLibrary, recent)
}

// isTeamAddress tells a team library's address from a file path.
func isTeamAddress(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// AskOpenLibrary lets the designer open another library: their own, a
// file, or a team library by its address; the window then works there.
func (mw *MainWindow) AskOpenLibrary() {
	if mw.cfg.Locate == nil {
		return
	}
	kinds := []string{lang.L("Eigen bibliotheek op deze computer"), lang.L("Een ander bibliotheekbestand"), lang.L("Teambibliotheek (PostgreSQL)")}
	file := dialogEntry("")
	file.SetPlaceHolder(lang.L("pad naar een .sqlite-bestand"))
	browse := widget.NewButton(lang.L("Bladeren…"), func() {
		showOpenDialog(mw.Window, mw.App.Preferences(), lang.L("Bibliotheek openen…"), []string{".sqlite"}, func(path string) { file.SetText(path) })
	})
	team := dialogEntry("")
	team.SetPlaceHolder("postgres://naam@server/bcp?sslmode=verify-full")
	hint := wrapped(lang.L("Het wachtwoord hoort niet in het adres: zet het in ~/.pgpass of in PGPASSWORD. Het adres wordt zonder wachtwoord onthouden."))
	hint.Importance = widget.LowImportance
	fileRow := container.NewBorder(nil, nil, nil, browse, file)
	teamRow := container.NewVBox(team, hint)
	kind := widget.NewRadioGroup(kinds, func(k string) {
		fileRow.Hidden, teamRow.Hidden = k != kinds[1], k != kinds[2]
		fileRow.Refresh()
		teamRow.Refresh()
	})
	recent := mw.App.Preferences().StringList(prefRecentLibrary)
	pickRecent := widget.NewSelect(recent, func(r string) {
		if isTeamAddress(r) {
			team.SetText(r)
			kind.SetSelected(kinds[2])
		} else {
			file.SetText(r)
			kind.SetSelected(kinds[1])
		}
	})
	pickRecent.PlaceHolder = lang.L("Eerder geopend…")
	current := mw.ws.Location().String()
	switch {
	case isTeamAddress(current):
		team.SetText(current)
		kind.SetSelected(kinds[2])
	case mw.localLibrary() != nil && mw.localLibrary().String() == current:
		kind.SetSelected(kinds[0])
	default:
		file.SetText(current)
		kind.SetSelected(kinds[1])
	}
	content := container.NewVBox(kind, fileRow, teamRow)
	if len(recent) > 0 {
		content.Add(pickRecent)
	}
	d := showCustomConfirm(mw.Window, lang.L("Bibliotheek openen…"), lang.L("Openen"), content, func(ok bool) {
		if !ok {
			return
		}
		var where string
		switch kind.Selected {
		case kinds[0]:
			if l := mw.localLibrary(); l != nil {
				where = l.String()
			}
		case kinds[1]:
			where = file.Text
		case kinds[2]:
			where = team.Text
		}
		mw.OpenLibrary(where)
	})
	d.Resize(fyne.NewSize(fyne.Min(640, mw.Window.Canvas().Size().Width*0.95), d.MinSize().Height))
}

// localLibrary is the designer's own library file (nil when unknown).
func (mw *MainWindow) localLibrary() app.Location { return ownLibrary(mw.cfg) }

// OpenLibrary opens the library at where (a path or a postgres://
// address) off the UI goroutine and, when that works, moves the window
// there; when it does not, the window stays where it was and says why.
func (mw *MainWindow) OpenLibrary(where string) {
	loc, err := mw.cfg.Locate(where)
	if err != nil {
		mw.showError(err)
		return
	}
	if loc.String() == mw.ws.Location().String() {
		return // already here
	}
	mw.Status.SetText(lang.L("Bibliotheek openen:") + " " + libraryName(loc) + " …")
	var ws *workspace.Workspace
	mw.bg.run(func() {
		ws, err = workspace.Open(context.Background(), loc, app.OpenExclusive)
	}, func() {
		if err != nil {
			mw.showLibraryStatus()
			problem := loc.Explain(err)
			var oe *workspace.OpenError
			if errors.As(err, &oe) {
				problem = oe.Problem
			}
			showError(mw.Window, errors.New(problem.Message))
			return
		}
		mw.moveTo(ws, loc)
	})
}

// moveTo replaces this window by one over the workspace ws (at loc) and
// closes this window's workspace.
func (mw *MainWindow) moveTo(ws *workspace.Workspace, loc app.Location) {
	cfg := mw.cfg
	cfg.Library = loc
	mw.saveWindowSize()
	rememberLibrary(mw.App.Preferences(), loc)
	next := openMain(mw.App, ws, cfg)
	mw.Window.SetCloseIntercept(nil)
	mw.Window.Close()
	mw.ws.Close()
	mw.moved = next
}

// isTeam reports whether the window works in a library other than the
// designer's own file: one to take profiles from for offline work.
func (mw *MainWindow) isTeam() bool {
	local := mw.localLibrary()
	return local != nil && isTeamAddress(mw.ws.Location().String())
}

// AskTakeOffline copies the chosen profiles (the open one preselected)
// into the designer's own library, to work on them without a network.
func (mw *MainWindow) AskTakeOffline() {
	local := mw.localLibrary()
	if local == nil || !mw.isTeam() {
		showInfo(mw.Window, lang.L("Meenemen voor offline werk…"), lang.L("Meenemen kan alleen uit een teambibliotheek."))
		return
	}
	var titles, ids []string
	for _, p := range mw.ws.Profiles() {
		titles = append(titles, p.Title+" ("+p.VersionLabel+")")
		ids = append(ids, p.ID)
	}
	pick := widget.NewCheckGroup(titles, nil)
	if p := mw.Profile(); p != nil {
		if i := slices.Index(ids, p.ID); i >= 0 {
			pick.SetSelected([]string{titles[i]})
		}
	}
	intro := wrapped(lang.L("De gekozen profielen gaan naar uw eigen bibliotheek:") + " " + local.String())
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(pick))
	d := showCustomConfirm(mw.Window, lang.L("Meenemen voor offline werk…"), lang.L("Meenemen"), content, func(ok bool) {
		if !ok {
			return
		}
		var chosen []string
		for _, t := range pick.Selected {
			chosen = append(chosen, ids[slices.Index(titles, t)])
		}
		if len(chosen) == 0 {
			showInfo(mw.Window, lang.L("Meenemen voor offline werk…"), lang.L("Kies ten minste één profiel."))
			return
		}
		mw.takeOffline(local, chosen)
	})
	size := mw.Window.Canvas().Size()
	d.Resize(fyne.NewSize(fyne.Min(640, size.Width*0.95), fyne.Min(480, size.Height*0.9)))
}

// takeOffline copies the profiles ids into local and says what it did.
func (mw *MainWindow) takeOffline(local app.Location, ids []string) {
	res, err := mw.ws.TakeOffline(local, ids)
	if err != nil {
		mw.showError(err)
		return
	}
	msg := lang.L("Meegenomen:") + " " + strings.Join(res.Taken, "; ") + ".\n\n" +
		lang.L("Open uw eigen bibliotheek (Bestand → Bibliotheek openen…) om er zonder netwerk aan te werken. Terug op het netwerk brengt Bestand → Terugbrengen… in de teambibliotheek uw wijzigingen terug.")
	showInfo(mw.Window, lang.L("Meenemen voor offline werk…"), msg)
	mw.Status.SetText(lang.L("Meegenomen:") + " " + strings.Join(res.Taken, "; "))
}

// AskBringBack merges the profiles taken offline back into the team
// library: what changed on one side comes in, and every element changed
// on both sides is a choice in the merge view.
func (mw *MainWindow) AskBringBack() {
	local := mw.localLibrary()
	if local == nil || !mw.isTeam() {
		showInfo(mw.Window, lang.L("Terugbrengen…"), lang.L("Terugbrengen kan alleen in een teambibliotheek."))
		return
	}
	plan, err := mw.ws.PlanBringBack(local, nil)
	if err != nil {
		mw.showError(err)
		return
	}
	apply := func(plan *workspace.ImportPlan, choices workspace.Choices) error {
		res, err := mw.ws.ApplyBringBack(local, plan, choices)
		var names []string
		for _, p := range append(res.New, res.Merged...) {
			names = append(names, p.Title)
		}
		if len(names) > 0 {
			mw.Status.SetText(lang.L("Teruggebracht:") + " " + strings.Join(names, "; "))
		}
		return err
	}
	if len(plan.Merges) == 0 && len(plan.New) == 0 {
		showInfo(mw.Window, lang.L("Terugbrengen…"), lang.L("Er is niets om terug te brengen: de profielen in uw eigen bibliotheek zijn niet gewijzigd sinds u ze meenam."))
		return
	}
	if len(plan.Merges) == 0 {
		if err := apply(plan, nil); err != nil {
			mw.showError(err)
		}
		return
	}
	mw.showMergeThen(plan, lang.L("Terugbrengen…"), apply)
}
