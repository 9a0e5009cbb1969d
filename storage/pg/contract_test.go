package pg_test

import (
	"context"
	"testing"

	"bcpeditor/app"
	"bcpeditor/storage/pg"
	"bcpeditor/storage/pg/pgtest"
	"bcpeditor/storage/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// openEmpty opens a team library in a fresh schema without the bundled
// profiles, as the contract wants it.
func openEmpty(t *testing.T, addr string) *pg.Library {
	t.Helper()
	lib, err := pg.OpenWith(context.Background(), addr, pg.Options{NoSeed: true})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// The team library keeps the contract every library keeps.
func TestStoreContract(t *testing.T) {
	pgtest.Server(t)
	storetest.Run(t, storetest.Backend{New: func(t *testing.T) func() app.Store {
		addr := pgtest.Fresh(t)
		return func() app.Store { return openEmpty(t, addr) }
	}})
}
