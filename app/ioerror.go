package app

import (
	"errors"
	"io/fs"
	"syscall"
)

// IOError is a failed file operation told in Dutch: what was being done and
// why it failed, without the operating system's English text. errors.Is
// and errors.As still see the cause.
type IOError struct {
	Doing string // "het bestand /pad/x.docx schrijven"
	Err   error
}

func (e *IOError) Error() string { return capital(e.Doing) + " is mislukt: " + Reason(e.Err) + "." }

// Unwrap gives the cause.
func (e *IOError) Unwrap() error { return e.Err }

// ioError wraps a file error with what was being done.
func ioError(doing string, err error) error {
	if err == nil {
		return nil
	}
	return &IOError{Doing: doing, Err: err}
}

// Reason says in Dutch why a file operation failed.
func Reason(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "de map of het bestand bestaat niet"
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming (alleen-lezen of van een andere gebruiker)"
	case errors.As(err, &errno) && errno == syscall.ENOSPC:
		return "de schijf is vol; maak ruimte en probeer het opnieuw"
	case errors.As(err, &errno) && errno == syscall.EROFS:
		return "de schijf is alleen-lezen"
	case errors.As(err, &errno) && errno == syscall.EDQUOT:
		return "de schijfruimte van uw account is op"
	case errors.As(err, &errno) && errno == syscall.EISDIR:
		return "dat is een map, geen bestand"
	case errors.As(err, &errno) && errno == syscall.ENAMETOOLONG:
		return "de naam is te lang"
	case errors.Is(err, fs.ErrExist):
		return "het bestaat al"
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return ie.Msg
	}
	return "een fout van het besturingssysteem (" + Shorten(err.Error(), 120) + ")"
}
