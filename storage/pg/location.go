package pg

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5/pgconn"
)

// Location is a team library on a PostgreSQL server: how main hands the
// workspace a library at a postgres:// address. It has no backups of its
// own (the database's administrator makes those) and nothing beside it.
type Location struct {
	// Address is the connection string: a postgres:// URL or key=value
	// pairs. A password in it is used but never shown.
	Address string
}

var _ app.Location = Location{}

// IsAddress reports whether s names a team library rather than a file: a
// postgres:// or postgresql:// URL.
func IsAddress(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// String is the address as users read it: without a password.
func (l Location) String() string {
	if u, err := url.Parse(l.Address); err == nil && u.Scheme != "" {
		if u.User != nil {
			u.User = url.User(u.User.Username())
		}
		return u.String()
	}
	cfg, err := pgconn.ParseConfig(l.Address)
	if err != nil {
		return "teambibliotheek (adres onleesbaar)"
	}
	u := url.URL{Scheme: "postgres", User: url.User(cfg.User), Host: net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port))), Path: "/" + cfg.Database}
	return u.String()
}

// Open opens the team library; read-only opens write nothing at all.
func (l Location) Open(ctx context.Context, mode app.OpenMode) (app.Store, error) {
	lib, err := OpenWith(ctx, l.Address, Options{ReadOnly: mode == app.OpenReadOnly})
	if err != nil {
		return nil, err
	}
	return lib, nil
}

// Explain says in Dutch why the team library could not be opened and what
// to do; a team library offers neither backups nor a new library beside
// it.
func (l Location) Explain(err error) app.OpenProblem {
	return app.OpenProblem{Message: Explain(l.String(), err)}
}

// ErrNoBackups is what Backups and Restore say for a team library.
var ErrNoBackups = errors.New("een teambibliotheek heeft in de BCP Editor geen reservekopieën: die maakt de beheerder van de database (pg_dump); een eerdere stand van een profiel staat in zijn geschiedenis")

// Backups: a team library has none in the program.
func (l Location) Backups() ([]app.Backup, error) { return nil, ErrNoBackups }

// Restore: a team library has no backups in the program.
func (l Location) Restore(context.Context, app.Backup) error { return ErrNoBackups }

// Beside: there is no place next to a team library.
func (l Location) Beside() app.Location { return nil }
