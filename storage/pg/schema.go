package pg

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"strconv"

	"bcpeditor/app"
	"bcpeditor/storage/schema"

	"github.com/jackc/pgx/v5"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Application is what the marker table says of a BCP library.
const Application = "bcpeditor"

// lockKey serialises migrating and seeding among programs that open the
// same new library at once (pg_advisory_xact_lock).
const lockKey = 0x62637065 // "bcpe"

func migrations() ([]schema.Migration, error) {
	return schema.Read(migrationFiles, "migrations/*.sql")
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// state is what a database holds before the program writes anything.
type state struct {
	schema  string
	marked  bool // the marker table is there and names this program
	foreign bool // other tables, or a marker of another program
	version int
}

type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// inspect reads, without writing, whether the schema is a BCP library, an
// empty one, or something else.
func inspect(ctx context.Context, q querier) (state, error) {
	var s state
	var schema *string
	var hasMarker bool
	var others int
	err := q.QueryRow(ctx, `SELECT current_schema(), to_regclass('bcpeditor_meta') IS NOT NULL,
		(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND c.relname <> 'bcpeditor_meta')`).
		Scan(&schema, &hasMarker, &others)
	if err != nil {
		return s, fmt.Errorf("database bekijken: %w", err)
	}
	if schema == nil {
		return s, ErrNoSchema
	}
	s.schema = *schema
	if !hasMarker {
		s.foreign = others > 0
		return s, nil
	}
	var application, version string
	err = q.QueryRow(ctx, `SELECT COALESCE(max(value) FILTER (WHERE key = 'toepassing'), ''),
		COALESCE(max(value) FILTER (WHERE key = 'schemaversie'), '0') FROM bcpeditor_meta`).Scan(&application, &version)
	if err != nil {
		return s, fmt.Errorf("kenmerk van de bibliotheek lezen: %w", err)
	}
	s.marked = application == Application
	s.foreign = !s.marked
	s.version, _ = strconv.Atoi(version)
	return s, nil
}

// check refuses a foreign database or one from a newer program.
func (s state) check() error {
	switch {
	case s.foreign:
		return fmt.Errorf("schema %q: %w", s.schema, app.ErrNotALibrary)
	case s.version > SchemaVersion():
		return fmt.Errorf("%w: de bibliotheek heeft schemaversie %d, dit programma kent tot en met %d", app.ErrLibraryNewer, s.version, SchemaVersion())
	}
	return nil
}

// prepare checks what the database is and brings the schema up to date
// (not when read-only); then it finds out whether the role may write.
func (l *Library) prepare(ctx context.Context, readOnly bool) error {
	s, err := inspect(ctx, l.pool)
	if err != nil {
		return err
	}
	if err := s.check(); err != nil {
		return err
	}
	l.schema, l.channel = s.schema, channelFor(s.schema)
	if s.version < SchemaVersion() {
		if readOnly {
			return fmt.Errorf("schemaversie %d: %w", s.version, ErrNeedsUpgrade)
		}
		if err := l.migrate(ctx); err != nil {
			return err
		}
	}
	return l.findRights(ctx)
}

// migrate creates the marker and applies the pending migrations, all in
// one transaction, after looking again under the lock.
func (l *Library) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	err = pgx.BeginTxFunc(ctx, l.pool, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", lockKey); err != nil {
			return err
		}
		s, err := inspect(ctx, tx)
		if err != nil {
			return err
		}
		if err := s.check(); err != nil {
			return err
		}
		if !s.marked {
			if _, err := tx.Exec(ctx, `CREATE TABLE bcpeditor_meta (key text PRIMARY KEY, value text NOT NULL);
				INSERT INTO bcpeditor_meta (key, value) VALUES ('toepassing', 'bcpeditor'), ('schemaversie', '0')`); err != nil {
				return err
			}
		}
		for _, m := range ms[s.version:] {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migratie %s toepassen: %w", m.Name, err)
			}
		}
		if _, err := tx.Exec(ctx, "UPDATE bcpeditor_meta SET value = $1 WHERE key = 'schemaversie'", strconv.Itoa(len(ms))); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, grantSQL)
		return err
	})
	if code(err) == "42501" {
		return fmt.Errorf("%w: %w", ErrNeedsUpgrade, err)
	}
	if err != nil {
		return fmt.Errorf("teambibliotheek inrichten: %w", err)
	}
	return nil
}

// grantSQL gives the team's group roles, when they exist, what they may do:
// designers read and write, readers read (and say where they are).
const grantSQL = `DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bcpeditor_ontwerper') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO bcpeditor_ontwerper', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO bcpeditor_ontwerper', current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO bcpeditor_ontwerper', current_schema());
    REVOKE INSERT, UPDATE, DELETE ON bcpeditor_meta FROM bcpeditor_ontwerper;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bcpeditor_lezer') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO bcpeditor_lezer', current_schema());
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO bcpeditor_lezer', current_schema());
    GRANT INSERT, UPDATE, DELETE ON presence TO bcpeditor_lezer;
  END IF;
END $$`

// findRights finds out who the role is and whether it may change profiles.
func (l *Library) findRights(ctx context.Context) error {
	var mayWrite bool
	err := l.pool.QueryRow(ctx, `SELECT current_user,
		has_table_privilege('elements', 'INSERT') AND has_table_privilege('elements', 'UPDATE')
		AND has_table_privilege('elements', 'DELETE') AND has_table_privilege('profiles', 'UPDATE')`).
		Scan(&l.who, &mayWrite)
	if err != nil {
		return fmt.Errorf("rechten in de teambibliotheek nagaan: %w", err)
	}
	if !mayWrite {
		l.readOnly = true
	}
	return nil
}

// channelFor is the LISTEN/NOTIFY channel of the library in a schema:
// libraries in other schemas of the same database do not hear each other.
func channelFor(schema string) string {
	if c := "bcpeditor_" + schema; len(c) <= 60 {
		return c
	}
	sum := sha256.Sum256([]byte(schema))
	return "bcpeditor_" + hex.EncodeToString(sum[:12])
}
