package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The exchange file: a versioned JSON document with one or more profiles and
// the competency models they refer to. See docs/exchange-format.md.
const (
	// ExchangeFormat is the value of "formaat" in every exchange file.
	ExchangeFormat = "bcp-editor"
	// ExchangeVersion is the version of the format this program writes and
	// the newest it reads. Version 2 added research sources (bronnen) and
	// what review notes and texts take from them; version 1 files read as
	// before, and an older program asks to be updated instead of calling a
	// version 2 file damaged.
	ExchangeVersion = 2
	// MaxExchangeSize caps what an importer reads, so a huge or endless
	// file cannot exhaust memory.
	MaxExchangeSize = 32 << 20
	// ExchangeExtension is the file name ending users see.
	ExchangeExtension = ".bcp.json"
)

// Bundle is the content of one exchange file.
type Bundle struct {
	Format     string       `json:"formaat"`
	Version    int          `json:"versie"`
	Catalogues []*Catalogue `json:"competentiemodellen,omitempty"`
	Bronnen    []*Bron      `json:"bronnen,omitempty"`
	Profiles   []*Profile   `json:"profielen,omitempty"`
}

// NewBundle returns an empty bundle of the current format version.
func NewBundle() *Bundle {
	return &Bundle{Format: ExchangeFormat, Version: ExchangeVersion}
}

// ErrInvalidFile is wrapped by every error DecodeBundle returns, so callers
// can tell bad input from failing I/O.
var ErrInvalidFile = errors.New("ongeldig BCP-bestand")

// InputError is an error in a file a user gave us. Its message is a Dutch
// sentence that says what is wrong; it wraps ErrInvalidFile.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// Unwrap lets errors.Is(err, ErrInvalidFile) hold.
func (e *InputError) Unwrap() error { return ErrInvalidFile }

func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// EncodeBundle writes b in the canonical form: two-space indentation, no
// HTML escaping, a final newline. Encoding what DecodeBundle read gives the
// same bytes.
func EncodeBundle(w io.Writer, b *Bundle) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("exchange-bestand schrijven: %w", err)
	}
	return nil
}

// DecodeBundle reads an exchange file, checks its format, version and
// internal consistency (see Bundle.Check) and returns it. Anything wrong
// with the input yields an *InputError with a Dutch message.
func DecodeBundle(r io.Reader) (*Bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxExchangeSize+1))
	if err != nil {
		return nil, fmt.Errorf("exchange-bestand lezen: %w", err)
	}
	if len(data) > MaxExchangeSize {
		return nil, inputErrorf("Het bestand is groter dan %d MB; zo groot is geen BCP-bestand. Er is niets gewijzigd.", MaxExchangeSize>>20)
	}
	return ParseBundle(data)
}

// ParseBundle is DecodeBundle on bytes already in memory. A UTF-8
// byte-order mark (Notepad writes one) is skipped.
func ParseBundle(data []byte) (*Bundle, error) {
	data = TrimBOM(data)
	var head struct {
		Format  *string `json:"formaat"`
		Version *int    `json:"versie"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		if looksLikeExchange(data) {
			return nil, inputErrorf("Het BCP-bestand is beschadigd of onvolledig (%s). Er is niets gewijzigd.", jsonProblem(err))
		}
		return nil, inputErrorf("Het bestand is geen BCP-bestand (verwacht: %s). Er is niets gewijzigd.", ExchangeExtension)
	}
	if head.Format == nil || *head.Format != ExchangeFormat {
		return nil, inputErrorf("Het bestand is geen BCP-bestand (verwacht: %s met \"formaat\": %q). Er is niets gewijzigd.", ExchangeExtension, ExchangeFormat)
	}
	if head.Version == nil {
		return nil, inputErrorf("Het BCP-bestand zegt niet welke versie van het formaat het heeft. Er is niets gewijzigd.")
	}
	if *head.Version > ExchangeVersion || *head.Version < 1 {
		return nil, inputErrorf("Het BCP-bestand heeft formaatversie %d; dit programma kent versie 1 tot en met %d. Werk de BCP Editor bij. Er is niets gewijzigd.", *head.Version, ExchangeVersion)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b Bundle
	if err := dec.Decode(&b); err != nil {
		return nil, inputErrorf("Het BCP-bestand is beschadigd of onvolledig (%s). Er is niets gewijzigd.", jsonProblem(err))
	}
	if err := b.Check(); err != nil {
		return nil, err
	}
	return &b, nil
}

// looksLikeExchange tells a damaged exchange file from something else: its
// start names our format.
func looksLikeExchange(data []byte) bool {
	head := data[:min(len(data), 512)]
	return bytes.Contains(head, []byte(`"formaat"`)) && bytes.Contains(head, []byte(`"`+ExchangeFormat+`"`))
}

// jsonProblem turns an encoding/json error into a short Dutch phrase.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("fout in de opbouw bij teken %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("veld %q heeft de verkeerde soort waarde", typ.Field)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "het bestand houdt te vroeg op"
	}
	// encoding/json has no type for an unknown field; its message is the
	// only place the field's name is.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "onbekend veld " + shown(strings.Trim(name, `"`))
	}
	return "de inhoud past niet in het formaat"
}

// Check verifies what an importer must be able to rely on: valid and unique
// UUIDs, known competency models and competenties, reviews on existing
// elements, and one structure per profile. Designer-level problems (an empty
// resultaat, say) are not errors here; see Validate.
func (b *Bundle) Check() error {
	seen := map[string]string{}
	claim := func(id, what string) error {
		if !IsUUID(id) {
			return inputErrorf("%s heeft geen geldige id (%q). Er is niets gewijzigd.", what, shown(id))
		}
		if prev, ok := seen[id]; ok {
			return inputErrorf("De id %s komt twee keer voor (%s en %s). Er is niets gewijzigd.", id, prev, what)
		}
		seen[id] = what
		return nil
	}
	entries := map[string]map[string]bool{}
	for _, c := range b.Catalogues {
		if c == nil {
			return inputErrorf("Het BCP-bestand bevat een leeg competentiemodel. Er is niets gewijzigd.")
		}
		if err := claim(c.ID, "competentiemodel "+quote(c.Name)); err != nil {
			return err
		}
		if err := c.checkLimits(); err != nil {
			return err
		}
		entries[c.ID] = map[string]bool{}
		for _, k := range c.Competenties {
			if k == nil {
				return inputErrorf("Competentiemodel %s bevat een lege competentie. Er is niets gewijzigd.", quote(c.Name))
			}
			if err := claim(k.ID, "competentie "+quote(k.Name)); err != nil {
				return err
			}
			entries[c.ID][k.ID] = true
		}
		if err := c.checkTree(); err != nil {
			return err
		}
	}
	if err := checkBronnen(b.Bronnen, claim); err != nil {
		return err
	}
	for _, p := range b.Profiles {
		if p == nil {
			return inputErrorf("Het BCP-bestand bevat een leeg profiel. Er is niets gewijzigd.")
		}
		if err := p.checkShape(claim); err != nil {
			return err
		}
		if known, ok := entries[p.CatalogueID]; ok {
			for _, e := range p.Elements() {
				if e.Kind == KindCompetentie && !known[e.Ref] {
					return inputErrorf("Profiel %s verwijst naar een competentie (%s) die niet in zijn competentiemodel staat. Er is niets gewijzigd.", quote(p.Title), shown(e.Ref))
				}
			}
		}
	}
	return nil
}

// checkShape checks one profile's ids, structure and reviews.
func (p *Profile) checkShape(claim func(id, what string) error) error {
	if err := claim(p.ID, "profiel "+quote(p.Title)); err != nil {
		return err
	}
	if p.CatalogueID != "" && !IsUUID(p.CatalogueID) {
		return inputErrorf("Profiel %s verwijst naar een competentiemodel zonder geldige id. Er is niets gewijzigd.", quote(p.Title))
	}
	switch p.Structure {
	case StructureKerntaken:
		if len(p.Rollen) > 0 {
			return inputErrorf("Profiel %s is opgebouwd uit kerntaken maar bevat ook rollen. Er is niets gewijzigd.", quote(p.Title))
		}
	case StructureRollen:
		if len(p.Kerntaken) > 0 {
			return inputErrorf("Profiel %s is opgebouwd uit rollen maar bevat ook kerntaken. Er is niets gewijzigd.", quote(p.Title))
		}
	default:
		return inputErrorf("Profiel %s heeft een onbekende structuur %q (verwacht: kerntaken of rollen). Er is niets gewijzigd.", quote(p.Title), shown(string(p.Structure)))
	}
	if !p.Status.Valid() {
		return inputErrorf("Profiel %s heeft een onbekende status %q (verwacht: concept, geaccordeerd of vastgesteld). Er is niets gewijzigd.", quote(p.Title), shown(string(p.Status)))
	}
	if err := p.checkNil(); err != nil {
		return err
	}
	if err := p.checkLimits(); err != nil {
		return err
	}
	elements := map[string]bool{p.ID: true}
	for _, e := range p.Elements() {
		if err := claim(e.ID, e.Kind.Label()+" "+quote(e.Label())); err != nil {
			return err
		}
		if e.BronID != "" && !IsUUID(e.BronID) {
			return inputErrorf("In profiel %s verwijst %s %s naar een onderzoek zonder geldige id. Er is niets gewijzigd.", quote(p.Title), e.Kind.Label(), quote(e.Label()))
		}
		elements[e.ID] = true
	}
	for _, r := range p.Reviews {
		if r == nil {
			return inputErrorf("Profiel %s bevat een lege beoordeling. Er is niets gewijzigd.", quote(p.Title))
		}
		if err := claim(r.ID, "beoordeling"); err != nil {
			return err
		}
		if !elements[r.ElementID] {
			return inputErrorf("Een beoordeling in profiel %s hoort bij een onderdeel (%s) dat niet in het profiel staat. Er is niets gewijzigd.", quote(p.Title), shown(r.ElementID))
		}
		if !r.Aansluiting.Valid() {
			return inputErrorf("Een beoordeling in profiel %s heeft een onbekende aansluiting %q. Er is niets gewijzigd.", quote(p.Title), shown(string(r.Aansluiting)))
		}
		if r.Kind != ReviewBeoordeling && r.Kind != ReviewAanvullend {
			return inputErrorf("Een beoordeling in profiel %s heeft een onbekende soort %q. Er is niets gewijzigd.", quote(p.Title), shown(string(r.Kind)))
		}
		if err := checkReviewBron(p, r); err != nil {
			return err
		}
	}
	return nil
}

// checkNil rejects JSON nulls inside lists, which would otherwise crash
// every walker of the tree.
func (p *Profile) checkNil() error {
	bad := inputErrorf("Profiel %s bevat een leeg onderdeel (null). Er is niets gewijzigd.", quote(p.Title))
	var sections func([]*Section) bool
	sections = func(ss []*Section) bool {
		for _, s := range ss {
			if s == nil || !sections(s.Sections) {
				return false
			}
		}
		return true
	}
	if !sections(p.Sections) {
		return bad
	}
	for _, l := range p.Lists {
		if l == nil || hasNil(l.Items) {
			return bad
		}
	}
	if hasNil(p.Trends) || hasNil(p.Kerntaken) || hasNil(p.Rollen) {
		return bad
	}
	for _, k := range p.Kerntaken {
		if hasNil(k.Werkprocessen) {
			return bad
		}
		for _, w := range k.Werkprocessen {
			if hasNil(w.Competenties) || hasNil(w.Resultaat) || hasNil(w.Kennis) || hasNil(w.Vaardigheden) {
				return bad
			}
		}
	}
	for _, r := range p.Rollen {
		if hasNil(r.Werkzaamheden) || hasNil(r.Competenties) || hasNil(r.KennisEnVaardigheden) {
			return bad
		}
	}
	return nil
}

func hasNil[T any](xs []*T) bool {
	for _, x := range xs {
		if x == nil {
			return true
		}
	}
	return false
}

// quote puts user text in a message: between quotes, cut short, without
// control characters.
func quote(s string) string {
	if s == "" {
		return "(zonder titel)"
	}
	return "“" + shown(s) + "”"
}
