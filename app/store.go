package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bcpeditor/app/taal"
)

// ProfileSummary is what the library shows of a profile without loading it.
type ProfileSummary struct {
	ID           string
	Origin       string // the profile this one is a new version of
	Created      string
	Title        string
	Beroep       string
	Owner        string
	VersionLabel string
	Status       Status
	Structure    Structure
	Modified     string
	Counts       Counts
}

// Store is the profile library. Every method that changes something does
// so in one transaction: it happens completely or not at all. A SQLite
// file (package storage) implements it; the workspace uses nothing else.
type Store interface {
	// ListProfiles returns every profile in the library, ordered by beroep
	// and version.
	ListProfiles(ctx context.Context) ([]ProfileSummary, error)
	// LoadProfile returns one whole profile.
	LoadProfile(ctx context.Context, id string) (*Profile, error)
	// SaveProfile stores a whole profile, replacing what was stored under
	// its ID.
	SaveProfile(ctx context.Context, p *Profile) error
	// DeleteProfile removes a profile with all its elements and reviews.
	DeleteProfile(ctx context.Context, id string) error
	// Catalogues returns every competency model in the library.
	Catalogues(ctx context.Context) ([]*Catalogue, error)
	// Bronnen returns every research source (onderzoek) in the library.
	Bronnen(ctx context.Context) ([]*Bron, error)
	// SaveChange stores one edit (see Editor) in one transaction.
	ChangeSaver
	// Import writes what one import brings in one transaction: new
	// competency models and profiles, and merged profiles that replace
	// stored ones (each frozen first as a snapshot). Profiles in New whose
	// ID is already in the library refuse the whole import.
	Import(ctx context.Context, set ImportSet) error
	SnapshotStore
	MappingStore
	// Close releases the library.
	Close() error
}

// SnapshotStore keeps frozen, named states of profiles.
type SnapshotStore interface {
	// SaveSnapshot freezes p (the state the caller saw: what was exported,
	// say) under a label.
	SaveSnapshot(ctx context.Context, p *Profile, label string) (Snapshot, error)
	// Snapshots lists the snapshots of a profile, oldest first.
	Snapshots(ctx context.Context, profileID string) ([]Snapshot, error)
	// LoadSnapshot returns a profile as it was frozen.
	LoadSnapshot(ctx context.Context, id string) (*Profile, error)
}

// MappingStore keeps what comparisons remember: the mapping between two
// competency models and the designer's verdicts on links.
type MappingStore interface {
	// Mapping returns the mapping between two competency models: old
	// entry ID → new entry IDs.
	Mapping(ctx context.Context, fromCat, toCat string) (map[string][]string, error)
	// SetMappingLink adds or removes one link of a mapping.
	SetMappingLink(ctx context.Context, fromID, toID string, linked bool) error
	// Koppelingen returns the designer's verdicts on the links between two
	// profiles.
	Koppelingen(ctx context.Context, oldProfile, newProfile string) ([]Decision, error)
	// SetKoppeling stores a verdict on one link, replacing an earlier one
	// on the same link.
	SetKoppeling(ctx context.Context, oldProfile, newProfile string, d Decision) error
	// ForgetKoppeling removes the verdict on one link.
	ForgetKoppeling(ctx context.Context, oldProfile, newProfile, oldID, newID string) error
}

// Snapshot is a frozen, named state of a profile.
type Snapshot struct {
	ID, ProfileID, Label, Created string
}

// ImportSet is what one import writes, all in one transaction.
type ImportSet struct {
	Catalogues []*Catalogue
	Bronnen    []*Bron
	New        []*Profile
	Merged     []MergedProfile
}

// MergedProfile replaces a stored profile after a merge; the stored state
// is frozen first under SnapshotLabel, so that the merge can be undone from
// the history.
type MergedProfile struct {
	Profile       *Profile
	SnapshotLabel string
}

// Empty reports whether the set would write nothing.
func (s ImportSet) Empty() bool {
	return len(s.Catalogues) == 0 && len(s.Bronnen) == 0 && len(s.New) == 0 && len(s.Merged) == 0
}

// ErrNotFound is returned when a profile or element does not exist.
var ErrNotFound = errors.New("niet gevonden")

// ErrExists is returned when an import would overwrite a stored profile.
var ErrExists = errors.New("bestaat al")

// CatalogueByID finds a catalogue in a list; nil when absent.
func CatalogueByID(cs []*Catalogue, id string) *Catalogue {
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// ResolveProfile finds the one profile that query names: its full ID, an ID
// prefix of at least four characters, or a part of its title (case and
// diacritics ignored). An exact title match wins over partial ones.
func ResolveProfile(all []ProfileSummary, query string) (ProfileSummary, error) {
	q := strings.TrimSpace(query)
	if q == "" {
		return ProfileSummary{}, fmt.Errorf("geef een profiel op (id of een deel van de titel)")
	}
	for _, p := range all {
		if p.ID == q {
			return p, nil
		}
	}
	var byPrefix, exact, partial []ProfileSummary
	nq := Fold(q)
	for _, p := range all {
		if len(q) >= 4 && strings.HasPrefix(p.ID, strings.ToLower(q)) {
			byPrefix = append(byPrefix, p)
		}
		nt := Fold(p.Title)
		if nt == nq {
			exact = append(exact, p)
		} else if strings.Contains(nt, nq) {
			partial = append(partial, p)
		}
	}
	for _, set := range [][]ProfileSummary{byPrefix, exact, partial} {
		switch len(set) {
		case 0:
			continue
		case 1:
			return set[0], nil
		default:
			names := make([]string, len(set))
			for i, p := range set {
				names[i] = fmt.Sprintf("%s (%s, %s)", p.Title, p.VersionLabel, p.ID[:8])
			}
			return ProfileSummary{}, fmt.Errorf("%q past bij meer dan één profiel: %s; geef meer van de titel of de id op", query, strings.Join(names, "; "))
		}
	}
	return ProfileSummary{}, fmt.Errorf("geen profiel gevonden voor %q (zie 'bcpeditor list')", query)
}

// Fold lowercases s and strips diacritics: "Beïnvloeden" → "beinvloeden".
// It is taal.Fold, the one folding that search and comparison share.
func Fold(s string) string { return taal.Fold(s) }
