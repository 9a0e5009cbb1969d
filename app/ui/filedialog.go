package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/widgets"
)

// fileChooser is the program's own file dialog. Unlike Fyne's it never
// opens or empties a file itself — the caller gets a path and writes
// atomically — it speaks Dutch, accepts a typed name or a full path to
// anywhere, and reacts to Enter (choose) and Esc (cancel).
type fileChooser struct {
	win    fyne.Window
	prefs  fyne.Preferences
	save   bool
	exts   []string // ".docx"; nil: every file
	chosen func(path string)

	dir     string
	entries []os.DirEntry
	where   *widget.Label
	list    *widget.List
	Name    *widgets.FieldEntry
	problem *widget.Label
	d       dialog.Dialog
}

const lastFolderPref = "dialoog.map"

// showSaveDialog asks where to save; name is the proposed file name.
func showSaveDialog(win fyne.Window, prefs fyne.Preferences, title, name string, exts []string, chosen func(path string)) *fileChooser {
	fc := newFileChooser(win, prefs, true, exts, chosen)
	fc.Name.SetText(name)
	fc.show(title, lang.L("Opslaan"))
	return fc
}

// showOpenDialog asks which file to open.
func showOpenDialog(win fyne.Window, prefs fyne.Preferences, title string, exts []string, chosen func(path string)) *fileChooser {
	fc := newFileChooser(win, prefs, false, exts, chosen)
	fc.show(title, lang.L("Openen"))
	return fc
}

func newFileChooser(win fyne.Window, prefs fyne.Preferences, save bool, exts []string, chosen func(string)) *fileChooser {
	fc := &fileChooser{win: win, prefs: prefs, save: save, exts: exts, chosen: chosen}
	fc.where = widget.NewLabel("")
	fc.where.Truncation = fyne.TextTruncateEllipsis
	fc.problem = widget.NewLabel("")
	fc.problem.Importance = widget.DangerImportance
	fc.problem.Wrapping = fyne.TextWrapWord
	fc.list = widget.NewList(func() int { return len(fc.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), nil, l)
		},
		fc.updateRow)
	fc.list.OnSelected = fc.onPicked
	fc.Name = widgets.NewFieldEntry("bestandsnaam")
	fc.Name.SetPlaceHolder(lang.L("Bestandsnaam of volledig pad"))
	fc.Name.OnSubmitted = func(string) { fc.Confirm() }
	fc.Name.OnKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyEscape {
			fc.Cancel()
			return true
		}
		return false
	}
	fc.open(startFolder(prefs))
	return fc
}

// startFolder is the folder used last, or the home folder.
func startFolder(prefs fyne.Preferences) string {
	if d := prefs.String(lastFolderPref); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

func (fc *fileChooser) show(title, confirm string) {
	up := widget.NewButtonWithIcon(lang.L("Map omhoog"), theme.MoveUpIcon(), func() { fc.open(filepath.Dir(fc.dir)) })
	home := widget.NewButtonWithIcon(lang.L("Persoonlijke map"), theme.HomeIcon(), func() {
		if h, err := os.UserHomeDir(); err == nil {
			fc.open(h)
		}
	})
	cancel := widget.NewButton(lang.L("Annuleren"), fc.Cancel)
	ok := widget.NewButton(confirm, fc.Confirm)
	ok.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, nil, container.NewHBox(up, home), fc.where)
	bottom := container.NewVBox(fc.problem,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Bestandsnaam")+":"), nil, fc.Name),
		container.NewHBox(layoutSpacer(), cancel, ok))
	fc.d = dialog.NewCustomWithoutButtons(title, container.NewBorder(top, bottom, nil, nil, fc.list), fc.win)
	size := fc.win.Canvas().Size()
	fc.d.Resize(fyne.NewSize(fyne.Max(fyne.Min(900, size.Width*0.9), 560), fyne.Max(fyne.Min(640, size.Height*0.85), 400)))
	fc.d.Show()
	fc.win.Canvas().Focus(fc.Name)
}

func layoutSpacer() fyne.CanvasObject {
	return container.NewStack()
}

// open shows the folders and matching files of dir.
func (fc *fileChooser) open(dir string) {
	all, err := os.ReadDir(dir)
	if err != nil {
		fc.problem.SetText(fmt.Sprintf(lang.L("De map %s kan niet worden gelezen."), dir))
		return
	}
	fc.dir = dir
	fc.entries = fc.entries[:0]
	for _, e := range all {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.IsDir() || fc.matches(e.Name()) {
			fc.entries = append(fc.entries, e)
		}
	}
	sort.SliceStable(fc.entries, func(i, j int) bool {
		if fc.entries[i].IsDir() != fc.entries[j].IsDir() {
			return fc.entries[i].IsDir()
		}
		return strings.ToLower(fc.entries[i].Name()) < strings.ToLower(fc.entries[j].Name())
	})
	fc.where.SetText(dir)
	fc.problem.SetText("")
	fc.list.UnselectAll()
	fc.list.Refresh()
	fc.list.ScrollToTop()
}

func (fc *fileChooser) matches(name string) bool {
	if len(fc.exts) == 0 {
		return true
	}
	lower := strings.ToLower(name)
	for _, e := range fc.exts {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}

func (fc *fileChooser) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	e := fc.entries[i]
	c.Objects[0].(*widget.Label).SetText(e.Name())
	icon := c.Objects[1].(*widget.Icon)
	if e.IsDir() {
		icon.SetResource(theme.FolderIcon())
	} else {
		icon.SetResource(theme.FileIcon())
	}
}

// onPicked opens a folder, or takes a file's name.
func (fc *fileChooser) onPicked(i widget.ListItemID) {
	e := fc.entries[i]
	if e.IsDir() {
		fc.open(filepath.Join(fc.dir, e.Name()))
	} else {
		fc.Name.SetText(e.Name())
	}
	fc.win.Canvas().Focus(fc.Name)
}

// Cancel closes the dialog; nothing happens.
func (fc *fileChooser) Cancel() { fc.d.Hide() }

// Confirm takes what was typed or picked: a folder opens; a file is
// checked (an existing one to open, a folder that exists to save in, and
// a question before replacing a file) and handed to the caller.
func (fc *fileChooser) Confirm() {
	path, err := fc.resolve(strings.TrimSpace(fc.Name.Text))
	if err != nil {
		fc.problem.SetText(err.Error())
		return
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		fc.Name.SetText("")
		fc.open(path)
		return
	}
	if !fc.save {
		if _, err := os.Stat(path); err != nil {
			fc.problem.SetText(fmt.Sprintf(lang.L("Het bestand %s bestaat niet."), path))
			return
		}
		fc.done(path)
		return
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		fc.problem.SetText(fmt.Sprintf(lang.L("De map %s bestaat niet."), filepath.Dir(path)))
		return
	}
	if _, err := os.Stat(path); err == nil {
		showConfirm(fc.win, lang.L("Bestand vervangen?"), fmt.Sprintf(lang.L("%s bestaat al. Wilt u het vervangen?"), filepath.Base(path)), func(ok bool) {
			if ok {
				fc.done(path)
			}
		})
		return
	}
	fc.done(path)
}

// resolve makes a full path of what was typed: a name in the folder shown,
// a path from the home folder (~/…) or a full path.
func (fc *fileChooser) resolve(typed string) (string, error) {
	if typed == "" {
		return "", errors.New(lang.L("Typ een bestandsnaam of kies een bestand."))
	}
	if strings.HasPrefix(typed, "~") {
		if home, err := os.UserHomeDir(); err == nil {
			typed = filepath.Join(home, strings.TrimPrefix(typed, "~"))
		}
	}
	if !filepath.IsAbs(typed) {
		typed = filepath.Join(fc.dir, typed)
	}
	path := filepath.Clean(typed)
	if fc.save && len(fc.exts) > 0 && !fc.matches(path) {
		if st, err := os.Stat(path); err != nil || !st.IsDir() {
			path += fc.exts[0]
		}
	}
	return path, nil
}

func (fc *fileChooser) done(path string) {
	fc.prefs.SetString(lastFolderPref, filepath.Dir(path))
	fc.d.Hide()
	fc.chosen(path)
}
