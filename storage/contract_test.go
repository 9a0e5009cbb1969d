package storage_test

import (
	"context"
	"path/filepath"
	"testing"

	"bcpeditor/app"
	"bcpeditor/storage"
	"bcpeditor/storage/storetest"
)

// The SQLite library keeps the contract every library keeps.
func TestStoreContract(t *testing.T) {
	storetest.Run(t, storetest.Backend{New: func(t *testing.T) func() app.Store {
		path := filepath.Join(t.TempDir(), "bibliotheek.sqlite")
		return func() app.Store {
			lib, err := storage.OpenWith(context.Background(), path, storage.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return lib
		}
	}})
}
