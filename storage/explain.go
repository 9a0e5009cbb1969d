package storage

import (
	"errors"
	"io/fs"
	"strings"
)

// Explain turns an error from Open into one Dutch sentence that says what
// is wrong with the library and what to do.
func Explain(path string, err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, ErrNotALibrary):
		return "Het bestand " + path + " is geen BCP-bibliotheek. Het is niet gewijzigd; kies met --db (of " + EnvPath + ") een ander bestand."
	case errors.Is(err, ErrInUse):
		return "De bibliotheek " + path + " is al geopend in een ander venster van de BCP Editor. Werk daar verder, of open deze alleen-lezen."
	case errors.Is(err, ErrDamaged):
		return "De bibliotheek " + path + " is beschadigd. Het bestand is niet gewijzigd; zet een reservekopie terug of begin een nieuwe bibliotheek."
	case errors.Is(err, ErrReadOnlyFile):
		return "De bibliotheek " + path + " kan niet worden beschreven (alleen-lezen of geen toestemming). Het bestand is niet gewijzigd; open hem alleen-lezen of kies een andere plek."
	case errors.Is(err, ErrNewerLibrary):
		return "De bibliotheek " + path + " is gemaakt door een nieuwere versie van de BCP Editor (" + afterColon(msg) + "). Werk het programma bij; het bestand is niet gewijzigd."
	case errors.Is(err, fs.ErrPermission), strings.Contains(msg, "readonly"), strings.Contains(msg, "read-only"), strings.Contains(msg, "unable to open"):
		return "De bibliotheek " + path + " kan niet worden geopend om in te schrijven (geen toestemming of alleen-lezen). Het bestand is niet gewijzigd."
	case strings.Contains(msg, "locked"), strings.Contains(msg, "SQLITE_BUSY"):
		return "De bibliotheek " + path + " is in gebruik door een ander programma. Sluit dat en probeer het opnieuw."
	case strings.Contains(msg, "malformed"), strings.Contains(msg, "not a database"), strings.Contains(msg, "corrupt"):
		return "De bibliotheek " + path + " is beschadigd. Het bestand is niet gewijzigd; kies met --db een reservekopie of een nieuw bestand."
	}
	return "De bibliotheek " + path + " kan niet worden geopend: " + msg
}

func afterColon(s string) string {
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}
