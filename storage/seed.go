package storage

import (
	"context"
	"errors"

	"bcpeditor/assets"
)

// OpenSeeded opens the library at path and offers it what the program
// ships: the bundled profiles and competency models, and the mappings
// between the models. Each is added once; what the user changed or
// deleted stays as it is. Errors from opening are explained in Dutch. When
// seeding fails (a full disk, say) the library opens all the same, with a
// warning: the designer's own work matters more than the bundled profiles.
func OpenSeeded(ctx context.Context, path string) (*Library, error) {
	return OpenSeededWith(ctx, path, Options{})
}

// OpenSeededWith is OpenSeeded with options; a read-only library is not
// seeded.
func OpenSeededWith(ctx context.Context, path string, opt Options) (*Library, error) {
	lib, _, err := OpenSeededReport(ctx, path, opt)
	return lib, err
}

// OpenSeededReport is OpenSeededWith that also says what seeding did, so
// that the window can tell the user when bundled profiles were brought up
// to date or a corrected one was added beside their own copy.
func OpenSeededReport(ctx context.Context, path string, opt Options) (*Library, SeedResult, error) {
	lib, err := OpenWith(ctx, path, opt)
	if err != nil {
		return nil, SeedResult{}, &OpenError{Path: path, Err: err}
	}
	if opt.ReadOnly {
		return lib, SeedResult{}, nil
	}
	res, err := lib.seedBundled(ctx)
	if err != nil {
		lib.warnings = append(lib.warnings, "De meegeleverde profielen konden niet worden toegevoegd ("+reasonOf(err)+"). Uw eigen werk is gewoon geopend; bij de volgende start wordt het opnieuw geprobeerd.")
	}
	return lib, res, nil
}

// OffersReadOnly reports whether a library that Open refused with err can
// still be opened read-only (Options.ReadOnly): it is open in another
// window, or its file, folder or disk cannot be written. The caller offers
// "Alleen lezen openen".
func OffersReadOnly(err error) bool {
	return errors.Is(err, ErrInUse) || errors.Is(err, ErrReadOnlyFile) || errors.Is(err, ErrBusy)
}

// OpenError is a library that could not be opened: its message is the
// Dutch explanation, and errors.Is still sees the cause (ErrInUse,
// ErrDamaged …).
type OpenError struct {
	Path string
	Err  error
}

func (e *OpenError) Error() string { return Explain(e.Path, e.Err) }

// Unwrap gives the cause.
func (e *OpenError) Unwrap() error { return e.Err }

func (l *Library) seedBundled(ctx context.Context) (SeedResult, error) {
	bundles, err := assets.Bundles()
	if err != nil {
		return SeedResult{}, err
	}
	res, err := l.SeedBundles(ctx, bundles)
	if err != nil {
		return SeedResult{}, err
	}
	cats, err := l.Catalogues(ctx)
	if err != nil {
		return SeedResult{}, err
	}
	ms, err := assets.Mappings(cats)
	if err != nil {
		return SeedResult{}, err
	}
	return res, l.SeedMappings(ctx, ms)
}
