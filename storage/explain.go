package storage

import (
	"errors"
	"io/fs"
	"strings"
)

// Explain turns an error from Open into one Dutch sentence that says what
// is wrong with the library and what to do. It tells causes apart by the
// sentinels in err's chain, never by a driver's English text, and never
// quotes a driver's text.
func Explain(path string, err error) string {
	lib := "De bibliotheek " + path
	switch {
	case errors.Is(err, ErrNotALibrary):
		return "Het bestand " + path + " is geen BCP-bibliotheek" + detail(err, ErrNotALibrary) + ". Het is niet gewijzigd; kies met --db (of " + EnvPath + ") een ander bestand."
	case errors.Is(err, ErrInUse):
		return lib + " is al geopend in een ander venster van de BCP Editor of in een ander programma. Werk daar verder, of open deze alleen-lezen."
	case errors.Is(err, ErrDamaged):
		return lib + " is beschadigd. Het bestand is niet gewijzigd; zet een reservekopie terug of begin een nieuwe bibliotheek."
	case errors.Is(err, ErrNewerLibrary):
		return lib + " is gemaakt door een nieuwere versie van de BCP Editor (" + afterColon(err.Error()) + "). Werk het programma bij; het bestand is niet gewijzigd."
	case errors.Is(err, ErrFolderNotWritable):
		return "In de map van " + path + " kan geen bibliotheek worden gemaakt (alleen-lezen of geen toestemming). Kies een andere map."
	case errors.Is(err, ErrReadOnlyFile), errors.Is(err, fs.ErrPermission):
		return lib + " kan niet worden beschreven: het bestand, de map of de schijf is alleen-lezen. Het bestand is niet gewijzigd; open hem alleen-lezen, of kopieer hem naar een map waarin u mag schrijven."
	case errors.Is(err, ErrUnreadable):
		return lib + " kan niet worden gelezen (geen toestemming). Het bestand is niet gewijzigd; vraag toegang of kies een ander bestand."
	case errors.Is(err, ErrDiskFull):
		return lib + " kan niet worden geopend: de schijf is vol. Er is niets gewijzigd; maak ruimte vrij en start opnieuw."
	case errors.Is(err, ErrBusy):
		return lib + " is in gebruik door een ander programma. Sluit dat en probeer het opnieuw."
	case errors.Is(err, ErrIO):
		return lib + " kan niet worden gelezen of geschreven (een schijf- of verbindingsfout). Er is niets gewijzigd; controleer de schijf of de verbinding en probeer het opnieuw."
	case errors.Is(err, fs.ErrNotExist):
		return lib + " bestaat niet. Kies met --db (of " + EnvPath + ") een bestaand bestand, of open zonder alleen-lezen om een nieuwe te maken."
	}
	var de *DBError
	if errors.As(err, &de) {
		return lib + " kan niet worden geopend. " + de.Error()
	}
	return lib + " kan niet worden geopend door een onverwachte fout. Er is niets gewijzigd; probeer het opnieuw of kies een ander bestand."
}

// detail gives the parenthesised reason that follows sentinel in err's
// message (" (een database van een ander programma)"), or nothing.
func detail(err, sentinel error) string {
	msg := err.Error()
	i := strings.Index(msg, sentinel.Error()+" (")
	if i < 0 {
		return ""
	}
	rest := msg[i+len(sentinel.Error())+1:]
	if j := strings.Index(rest, ")"); j >= 0 {
		return ": " + rest[1:j]
	}
	return ""
}

func afterColon(s string) string {
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}
