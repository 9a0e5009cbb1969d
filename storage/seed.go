package storage

import (
	"context"
	"errors"

	"bcpeditor/assets"
)

// OpenSeeded opens the library at path and offers it what the program
// ships: the bundled profiles and competency models, and the mappings
// between the models. Each is added once; what the user changed or
// deleted stays as it is. Errors from opening are explained in Dutch.
func OpenSeeded(ctx context.Context, path string) (*Library, error) {
	lib, err := Open(ctx, path)
	if err != nil {
		return nil, errors.New(Explain(path, err))
	}
	if err := lib.seedBundled(ctx); err != nil {
		lib.Close()
		return nil, err
	}
	return lib, nil
}

func (l *Library) seedBundled(ctx context.Context) error {
	bundles, err := assets.Bundles()
	if err != nil {
		return err
	}
	if _, err := l.Seed(ctx, bundles); err != nil {
		return err
	}
	cats, err := l.Catalogues(ctx)
	if err != nil {
		return err
	}
	ms, err := assets.Mappings(cats)
	if err != nil {
		return err
	}
	return l.SeedMappings(ctx, ms)
}
