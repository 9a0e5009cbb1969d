package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/storage"
	"bcpeditor/storage/locate"
	"bcpeditor/storage/pg/pgtest"
	"bcpeditor/widgets"
)

// TestMain stops a PostgreSQL cluster started for the team library tests.
func TestMain(m *testing.M) { pgtest.Main(m) }

// overlayButton finds a button by its text in the dialogs on top.
func overlayButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	if found == nil {
		t.Fatalf("no button %q on top of the window: %q", text, overlayText(w))
	}
	return found
}

// waitFor runs the window's queued callbacks (changes made elsewhere
// among them) until cond holds, 10 s at most.
func waitFor(t *testing.T, mw *MainWindow, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		mw.bg.wait()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 10 s still not: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// otherProgram opens a second workspace on the window's library, as the
// command line or a second window would.
func otherProgram(t *testing.T, mw *MainWindow, title string) (*workspace.Workspace, *workspace.Session) {
	t.Helper()
	other, err := workspace.Open(context.Background(), mw.ws.Location(), app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	s, err := other.OpenProfile(profileByTitle(t, title).ID)
	if err != nil {
		t.Fatal(err)
	}
	return other, s
}

// Another program changes the werkproces shown while the designer types in
// its title: the form shows the other field's new text, and the title
// keeps what was typed, its focus and its cursor.
func TestWindowFollowsChangesMadeElsewhere(t *testing.T) {
	defer func(d time.Duration) { storage.WatchInterval = d }(storage.WatchInterval)
	storage.WatchInterval = 20 * time.Millisecond
	mw, _ := newTestWindow(t)
	p := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(p.ID)
	wp := p.Rollen[0]
	mw.Select(wp.ID)
	mw.followRemote()

	title := mw.form.fields[wp.ID+"/titel"]
	mw.Window.Canvas().Focus(title)
	title.CursorColumn = len([]rune(title.Text))
	test.Type(title, " (concept)")
	typed := title.Text
	col := title.CursorColumn

	otherWS, other := otherProgram(t, mw, "bcp Commercieel medewerker")
	if err := other.Edit("", func(ed *app.Editor) error {
		return ed.SetField(wp.ID, app.FieldBody, "Elders herschreven omschrijving")
	}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, mw, "the body written elsewhere shows in the form", func() bool {
		return strings.Contains(formText(mw.form.box), "Elders herschreven omschrijving")
	})
	f := focused(t, mw)
	if f.Key != wp.ID+"/titel" || f.Text != typed || f.CursorColumn != col {
		t.Fatalf("the field being typed in: %q %q cursor %d (want %q, %d)", f.Key, f.Text, f.CursorColumn, typed, col)
	}
	if !strings.Contains(mw.SaveState.Text, "een ander") {
		t.Errorf("the status does not say the change came from elsewhere: %q", mw.SaveState.Text)
	}
	// A profile the command line adds appears in the library.
	if _, err := otherWS.CreateProfile(app.NewProfile("Nieuw van de opdrachtregel", "Tester", app.StructureKerntaken, p.CatalogueID)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, mw, "the new profile is listed", func() bool {
		for _, s := range mw.ws.Profiles() {
			if s.Title == "Nieuw van de opdrachtregel" {
				return true
			}
		}
		return false
	})
}

// Two designers change the same title: the one whose save comes second is
// shown both texts and chooses; keeping one's own stores it, taking the
// other's puts that in the form. Nothing is overwritten unasked.
func TestSimultaneousEditAsksWhichTextStays(t *testing.T) {
	mw, lib := newTestWindow(t)
	p := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(p.ID)
	wp := p.Rollen[0]
	mw.Select(wp.ID)
	_, other := otherProgram(t, mw, "bcp Commercieel medewerker")
	if err := other.Edit("", func(ed *app.Editor) error { return ed.SetField(wp.ID, app.FieldTitle, "Titel van de ander") }); err != nil {
		t.Fatal(err)
	}
	title := mw.form.fields[wp.ID+"/titel"]
	mw.Window.Canvas().Focus(title)
	title.CursorColumn = len([]rune(title.Text))
	test.Type(title, "!")
	shown := overlayText(mw.Window)
	if !strings.Contains(shown, "Titel van de ander") || !strings.Contains(shown, wp.Title+"!") || !strings.Contains(shown, "Uw tekst") {
		t.Fatalf("the conflict does not show both texts: %q", shown)
	}
	if got := storedTitle(t, lib, p.ID, wp.ID); got != "Titel van de ander" {
		t.Fatalf("stored before choosing: %q", got)
	}
	test.Tap(overlayButton(t, mw.Window, "Mijn tekst houden"))
	if got := storedTitle(t, lib, p.ID, wp.ID); got != wp.Title+"!" {
		t.Fatalf("keep mine stored %q", got)
	}

	// Now the other designer's next edit meets the conflict; in this
	// window the same happens the other way round.
	if err := other.Edit("", func(ed *app.Editor) error { return ed.SetField(wp.ID, app.FieldTitle, "Nog een titel") }); err == nil {
		t.Fatal("the other designer overwrote the kept text unasked")
	}
	if err := other.TakeTheirs(); err != nil {
		t.Fatal(err)
	}
	if err := other.Edit("", func(ed *app.Editor) error { return ed.SetField(wp.ID, app.FieldTitle, "Derde titel") }); err != nil {
		t.Fatal(err)
	}
	test.Type(mw.form.fields[wp.ID+"/titel"], "?")
	test.Tap(overlayButton(t, mw.Window, "Die van de ander overnemen"))
	if got := mw.form.fields[wp.ID+"/titel"].Text; got != "Derde titel" {
		t.Fatalf("take theirs shows %q", got)
	}
	if got := storedTitle(t, lib, p.ID, wp.ID); got != "Derde titel" {
		t.Fatalf("take theirs stored %q", got)
	}
}

func storedTitle(t *testing.T, lib *storage.Library, profile, id string) string {
	t.Helper()
	q, err := lib.LoadProfile(context.Background(), profile)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range q.Elements() {
		if e.ID == id {
			return e.Title
		}
	}
	return ""
}

// Bestand → Bibliotheek openen… moves the window to another library and
// remembers it (without a password) for the next start; a library that
// cannot be opened leaves the window where it was.
func TestOpenAnotherLibrary(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage()
	here := storage.FileLocation{Path: filepath.Join(t.TempDir(), "lib.sqlite")}
	ws, err := workspace.Open(context.Background(), here, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	mw := NewMainWindow(a, ws, Config{Library: here, Locate: locate.Parse})
	mw.bg.wait()
	t.Cleanup(func() { ws.Close() }) // the window itself closes when it moves
	before := mw.ws.Location().String()
	broken := filepath.Join(t.TempDir(), "kapot.sqlite")
	if err := os.WriteFile(broken, []byte("dit is geen bibliotheek, maar een tekstbestand dat zo heet"), 0o644); err != nil {
		t.Fatal(err)
	}
	mw.OpenLibrary(broken)
	mw.bg.wait()
	if mw.moved != nil || mw.ws.Location().String() != before {
		t.Fatal("a library that cannot be opened moved the window")
	}
	if txt := overlayText(mw.Window); !strings.Contains(txt, "kapot.sqlite") {
		t.Errorf("no Dutch explanation naming the file: %q", txt)
	}
	if b, err := os.ReadFile(broken); err != nil || !strings.HasPrefix(string(b), "dit is geen bibliotheek") {
		t.Error("the file that is no library was changed")
	}
	mw.Window.Canvas().Overlays().Top().Hide()

	other := filepath.Join(t.TempDir(), "andere.sqlite")
	mw.OpenLibrary(other)
	mw.bg.wait()
	next := mw.moved
	if next == nil {
		t.Fatal("the window did not move")
	}
	t.Cleanup(func() { next.bg.wait(); next.Window.Close(); next.ws.Close() })
	if next.ws.Location().String() != other || len(next.ws.Profiles()) == 0 {
		t.Fatalf("the new window works in %s with %d profiles", next.ws.Location(), len(next.ws.Profiles()))
	}
	if got := mw.App.Preferences().String(prefLastLibrary); got != other {
		t.Errorf("remembered %q", got)
	}
	cfg := rememberedLibrary(mw.App, Config{Library: storage.FileLocation{Path: before}, Locate: locate.Parse})
	if cfg.Library.String() != other {
		t.Errorf("the next start opens %s", cfg.Library)
	}
	if cfg := rememberedLibrary(mw.App, Config{Library: storage.FileLocation{Path: before}, Locate: locate.Parse, Chosen: true}); cfg.Library.String() != before {
		t.Errorf("--db was overruled by the remembered library: %s", cfg.Library)
	}
}

// From a team library a designer takes a profile along, changes it in the
// own library without the server, and brings it back: the change arrives in
// the team library through the merge view.
func TestTeamLibraryOfflineAndBack(t *testing.T) {
	addr := pgtest.Fresh(t)
	a := test.NewTempApp(t)
	SetupLanguage()
	local := storage.FileLocation{Path: filepath.Join(t.TempDir(), "eigen.sqlite")}
	team, err := locate.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Open(context.Background(), team, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	mw := NewMainWindow(a, ws, Config{Library: team, Locate: locate.Parse, Local: func() (app.Location, error) { return local, nil }})
	t.Cleanup(func() { mw.bg.wait(); mw.Window.Close(); ws.Close() })
	mw.bg.wait()
	if !strings.HasPrefix(mw.Status.Text, "Bibliotheek: postgres://") || strings.Contains(mw.Status.Text, "sslmode") && !strings.Contains(mw.Status.Text, "postgres://") {
		t.Errorf("the status bar names the team library as %q", mw.Status.Text)
	}
	p := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(p.ID)
	mw.AskTakeOffline()
	test.Tap(overlayButton(t, mw.Window, "Meenemen"))
	if !strings.Contains(overlayText(mw.Window), "bcp Commercieel medewerker") {
		t.Fatalf("taking along did not say what it took: %q", overlayText(mw.Window))
	}
	mw.Window.Canvas().Overlays().Top().Hide()

	// Offline: the designer's own library, without the server.
	own, err := workspace.Open(context.Background(), local, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	s, err := own.OpenProfile(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	wp := p.Rollen[0]
	if err := s.Edit("", func(ed *app.Editor) error { return ed.SetField(wp.ID, app.FieldTitle, "Offline herschreven") }); err != nil {
		t.Fatal(err)
	}
	own.Close()

	mw.AskBringBack()
	if !strings.Contains(overlayText(mw.Window), "Offline herschreven") {
		t.Fatalf("the merge view does not show the change: %q", overlayText(mw.Window))
	}
	mw.merge.dialog.Confirm()
	mw.bg.wait()
	if got := mw.Profile().Rollen[0].Title; got != "Offline herschreven" {
		t.Fatalf("after bringing back the team library has %q", got)
	}
	if !strings.Contains(mw.Status.Text, "Teruggebracht") {
		t.Errorf("status: %q", mw.Status.Text)
	}
}

// The team library's server goes away while a designer types: the window
// says so once (not at every key) and in the status bar, nothing is half
// saved, and when the server is back the window says so and saving works
// again.
func TestTeamServerAwayAndBack(t *testing.T) {
	c := pgtest.Killable(t)
	addr := pgtest.FreshOn(t, c.URL())
	a := test.NewTempApp(t)
	SetupLanguage()
	team, err := locate.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Open(context.Background(), team, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	mw := NewMainWindow(a, ws, Config{Library: team})
	t.Cleanup(func() { mw.bg.wait(); mw.Window.Close(); ws.Close() })
	mw.followRemote()
	p := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(p.ID)
	rol := p.Rollen[0]
	mw.Select(rol.ID)
	title := mw.form.fields[rol.ID+"/titel"]
	mw.Window.Canvas().Focus(title)

	ctx := context.Background()
	if err := c.Kill(ctx); err != nil {
		t.Fatal(err)
	}
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			_ = c.Restart(ctx)
		}
	})
	waitFor(t, mw, "the window says the connection is lost", func() bool {
		return strings.Contains(mw.Status.Text, "verbroken")
	})
	test.Type(title, "xyz")
	if n := len(mw.Window.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs after three keys while the server is away, want one", n)
	}
	if !strings.Contains(overlayText(mw.Window), "niet bereikbaar") || mw.SaveState.Text != "Niet opgeslagen" {
		t.Fatalf("the designer is not told: %q, %q", overlayText(mw.Window), mw.SaveState.Text)
	}
	mw.Window.Canvas().Overlays().Top().Hide()
	mw.Window.Canvas().Focus(title)

	if err := c.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	restarted = true
	waitFor(t, mw, "the window says the connection is back", func() bool {
		state, _ := mw.ws.Connection()
		return state == app.ConnectionOK && strings.Contains(strings.ToLower(mw.Status.Text), "verbonden")
	})
	test.Type(title, "!")
	if mw.SaveState.Text == "Niet opgeslagen" {
		t.Fatalf("saving after the server came back: %q", overlayText(mw.Window))
	}
	q, err := ws.Profile(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	// What was typed while the server was away is in the field, and is
	// stored with the next key.
	if got := q.Rollen[0].Title; got != "xyz!"+rol.Title {
		t.Errorf("stored after the server came back: %q", got)
	}
}

// Bibliotheek openen… takes a team library's address with Enter, closes
// with Esc, and a server that is not there leaves the window where it was
// with a Dutch sentence.
func TestOpenLibraryDialogKeys(t *testing.T) {
	mw, _ := newTestWindow(t)
	mw.cfg.Locate = locate.Parse
	before := mw.ws.Location().String()
	mw.AskOpenLibrary()
	if n := len(dialogStacks[mw.Window]); n != 1 {
		t.Fatalf("the dialog is registered for Enter and Esc %d times", n)
	}
	mw.Window.Canvas().Unfocus()
	dialogKey(mw.Window, &fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(mw.Window.Canvas().Overlays().List()); n != 0 || len(dialogStacks[mw.Window]) != 0 {
		t.Fatalf("Esc left %d dialogs (%d keyed)", n, len(dialogStacks[mw.Window]))
	}
	mw.AskOpenLibrary()
	var team *widgets.FieldEntry
	var kind *widget.RadioGroup
	{
		// the dialog's content sits inside Fyne's dialog widget
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widgets.FieldEntry:
				if strings.HasPrefix(x.PlaceHolder, "postgres://") {
					team = x
				}
			case *widget.RadioGroup:
				kind = x
			case *fyne.Container:
				for _, c := range x.Objects {
					walk(c)
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(x).Objects() {
					walk(c)
				}
			}
		}
		walk(mw.Window.Canvas().Overlays().Top())
	}
	if team == nil || kind == nil {
		t.Fatal("no choice of a team library and its address")
	}
	kind.SetSelected(kind.Options[2])
	if !team.Visible() {
		t.Fatal("the address field is hidden after choosing Teambibliotheek")
	}
	team.SetText("postgres://niemand@127.0.0.1:1/bcp?sslmode=disable&connect_timeout=2")
	team.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	mw.bg.wait()
	if mw.moved != nil || mw.ws.Location().String() != before {
		t.Fatal("an unreachable team library moved the window")
	}
	if txt := overlayText(mw.Window); !strings.Contains(txt, "teambibliotheek") {
		t.Errorf("no Dutch explanation: %q", txt)
	}
}
