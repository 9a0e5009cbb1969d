// Package app is the core of the BCP Editor: the domain model of a
// beroepscompetentieprofiel (bcp), its validation, the exchange format and the
// Store interface the storage layer implements. It knows nothing of Fyne or SQL.
package app

// Status is where a profile stands in its life: concept, geaccordeerd or
// vastgesteld.
type Status string

// The statuses a profile can have.
const (
	StatusConcept      Status = "concept"
	StatusGeaccordeerd Status = "geaccordeerd"
	StatusVastgesteld  Status = "vastgesteld"
)

// Structure says how the task tree of a profile is built.
type Structure string

// The two structures users meet.
const (
	// StructureKerntaken is the 2010 style: kerntaken → werkprocessen.
	StructureKerntaken Structure = "kerntaken"
	// StructureRollen is the 2020 style: rollen → werkzaamheden.
	StructureRollen Structure = "rollen"
)

// Profile is one beroepscompetentieprofiel: metadata, algemene informatie and
// the task tree in one of the two structures. Every element in it carries a
// stable UUID.
type Profile struct {
	ID           string    `json:"id"`
	Origin       string    `json:"origin,omitempty"` // profile this one was copied from
	Title        string    `json:"titel"`            // "BCP Junior accountmanager"
	Beroep       string    `json:"beroep"`           // "Junior accountmanager"
	Owner        string    `json:"eigenaar"`         // "ECABO", "KC Handel", "SBB"
	VersionLabel string    `json:"versie"`           // "2010", "november 2020", "workshop 3"
	Status       Status    `json:"status"`
	Structure    Structure `json:"structuur"`
	CatalogueID  string    `json:"competentiemodel"` // ID of the Catalogue the competenties refer to
	Created      string    `json:"aangemaakt,omitempty"`
	Modified     string    `json:"gewijzigd,omitempty"`

	// StatusHistory records when and where the profile got each status.
	StatusHistory []StatusEvent `json:"statushistorie,omitempty"`
	// Colofon lists who took part and in which role.
	Colofon []ColofonEntry `json:"colofon,omitempty"`
	// Sections are the algemene informatie: ordered, titled, nested.
	Sections []*Section `json:"algemeneInformatie,omitempty"`
	// Lists are named lists such as functienamen and verwante beroepen.
	Lists []*NamedList `json:"lijsten,omitempty"`
	// Trends are trends en ontwikkelingen, each with its title and text.
	Trends []*Trend `json:"trends,omitempty"`

	Kerntaken []*Kerntaak `json:"kerntaken,omitempty"`
	Rollen    []*Rol      `json:"rollen,omitempty"`

	// Reviews are annotations (aansluiting, toelichting, source) on any
	// element of this profile, referenced by element ID.
	Reviews []*Review `json:"beoordelingen,omitempty"`

	// Versions are the stored versions of the profile's elements, by
	// element ID, as the library handed them out; MetaVersion is that of
	// the profile's own fields. An editor sends them back with every change,
	// so that a change someone else made meanwhile is never overwritten
	// silently (see ConflictError). They are not part of the exchange
	// format.
	Versions    map[string]int64 `json:"-"`
	MetaVersion int64            `json:"-"`
}

// StatusEvent is one step in a profile's life: "vastgesteld op 30 september
// 2010 te Utrecht door de Sectorraad Commercieel".
type StatusEvent struct {
	Status Status `json:"status"`
	Date   string `json:"datum,omitempty"` // ISO 8601 date, e.g. 2010-09-30
	Place  string `json:"plaats,omitempty"`
	By     string `json:"door,omitempty"`
}

// ColofonEntry is a person or organisation that took part, with its role
// ("Ontwikkeld door", "In opdracht van", "Vastgesteld door" …).
type ColofonEntry struct {
	Role         string `json:"rol"`
	Name         string `json:"naam,omitempty"`
	Organisation string `json:"organisatie,omitempty"`
}

// Section is a titled part of the algemene informatie with free text and
// optional sub-sections.
type Section struct {
	ID       string     `json:"id"`
	Origin   string     `json:"origin,omitempty"`
	Title    string     `json:"titel"`
	Text     string     `json:"tekst,omitempty"`
	Sections []*Section `json:"secties,omitempty"`
	// BronID is set when the text is a research's finding rather than the
	// bcp's own: the id of that Bron.
	BronID string `json:"onderzoek,omitempty"`
}

// NamedList is a list such as "Functienamen" or "Verwante beroepen".
type NamedList struct {
	ID     string      `json:"id"`
	Origin string      `json:"origin,omitempty"`
	Title  string      `json:"titel"`
	Items  []*ListItem `json:"items,omitempty"`
}

// ListSource says where a list item comes from, where the source makes that
// split ("in bcp" versus "genoemd in interviews").
type ListSource string

// The sources a list item can have.
const (
	ListSourceNone       ListSource = ""
	ListSourceBCP        ListSource = "bcp"
	ListSourceInterviews ListSource = "interviews"
)

// ListItem is one entry of a NamedList.
type ListItem struct {
	ID     string     `json:"id"`
	Origin string     `json:"origin,omitempty"`
	Text   string     `json:"tekst"`
	Source ListSource `json:"bron,omitempty"`
	// BronID is the research the item was named in, if any.
	BronID string `json:"onderzoek,omitempty"`
}

// Trend is one trend or ontwikkeling with its description.
type Trend struct {
	ID     string `json:"id"`
	Origin string `json:"origin,omitempty"`
	Title  string `json:"titel"`
	Text   string `json:"tekst,omitempty"`
	// BronID is the research that described the trend, if it is not the
	// bcp's own.
	BronID string `json:"onderzoek,omitempty"`
}

// Kerntaak is a core task (2010 style) with its werkprocessen.
type Kerntaak struct {
	ID            string        `json:"id"`
	Origin        string        `json:"origin,omitempty"`
	Code          string        `json:"code"` // "1" or "B1-K1"
	Title         string        `json:"titel"`
	Werkprocessen []*Werkproces `json:"werkprocessen,omitempty"`
	Toelichting   string        `json:"toelichting,omitempty"`
}

// Werkproces is a part of a kerntaak with its beschrijving, competenties,
// resultaat, kennis and vaardigheden.
type Werkproces struct {
	ID           string            `json:"id"`
	Origin       string            `json:"origin,omitempty"`
	Code         string            `json:"code"` // "1.1" or "B1-K1-W1"
	Title        string            `json:"titel"`
	Beschrijving string            `json:"beschrijving,omitempty"`
	Competenties []*CompetentieRef `json:"competenties,omitempty"`
	Resultaat    []*Line           `json:"resultaat,omitempty"`
	Kennis       []*Line           `json:"kennis,omitempty"`
	Vaardigheden []*Line           `json:"vaardigheden,omitempty"`
}

// Rol is a role (2020 style) with its description, numbered werkzaamheden,
// competenties and numbered kennis-en-vaardigheden lines.
type Rol struct {
	ID                   string            `json:"id"`
	Origin               string            `json:"origin,omitempty"`
	Code                 string            `json:"code"` // "1"
	Title                string            `json:"titel"`
	Beschrijving         string            `json:"beschrijving,omitempty"`
	Werkzaamheden        []*Werkzaamheid   `json:"werkzaamheden,omitempty"`
	Competenties         []*CompetentieRef `json:"competenties,omitempty"`
	KennisEnVaardigheden []*Line           `json:"kennisEnVaardigheden,omitempty"`
}

// Werkzaamheid is one numbered paragraph of a rol.
type Werkzaamheid struct {
	ID     string `json:"id"`
	Origin string `json:"origin,omitempty"`
	Code   string `json:"code"` // "1", "2" …
	Text   string `json:"tekst"`
}

// Line is one line of a list in a werkproces or rol: a resultaat, a kennis
// or vaardigheid line, or a numbered kennis-en-vaardigheden line.
type Line struct {
	ID     string `json:"id"`
	Origin string `json:"origin,omitempty"`
	Text   string `json:"tekst"`
}

// CompetentieRef is the use of a catalogue competentie in a werkproces or
// rol. It has its own ID so that the use itself can be reviewed and compared.
type CompetentieRef struct {
	ID          string `json:"id"`
	Origin      string `json:"origin,omitempty"`
	Competentie string `json:"competentie"` // ID of the catalogue entry
}

// Aansluiting is how well an element fits practice.
type Aansluiting string

// The ratings of the 2021 research, and "not yet rated".
const (
	AansluitingNietBeoordeeld Aansluiting = "niet-beoordeeld"
	AansluitingGoed           Aansluiting = "goed"
	AansluitingGedeeltelijk   Aansluiting = "gedeeltelijk"
	AansluitingOnvoldoende    Aansluiting = "onvoldoende"
)

// ReviewKind separates a rating of one element from the free "aanvullende
// informatie" notes a rol or kerntaak can get.
type ReviewKind string

// The kinds of review annotation.
const (
	ReviewBeoordeling ReviewKind = "beoordeling"
	ReviewAanvullend  ReviewKind = "aanvullende-informatie"
)

// Review is one annotation on an element: how well it fits practice, why,
// and where that judgement comes from.
type Review struct {
	ID          string      `json:"id"`
	ElementID   string      `json:"element"`
	Kind        ReviewKind  `json:"soort"`
	Aansluiting Aansluiting `json:"aansluiting"`
	Toelichting string      `json:"toelichting,omitempty"`
	Source      string      `json:"bron"`            // "Beroepenonderzoek SBB 2021", "Workshop Utrecht"
	Date        string      `json:"datum,omitempty"` // ISO 8601 date

	// What a note from a research report rests on (see Bron). BronID is
	// the research; Citaat the report's own words the rating rests on;
	// Vindplaats where they stand ("§ 4.2.1, toelichting bij tabel 7,
	// punt 1"). UitTekst marks a rating read from those words, not from
	// the report's colour coding (lost in the text); Lezing says how it
	// was read, or why the note has no rating.
	BronID     string `json:"onderzoek,omitempty"`
	Citaat     string `json:"citaat,omitempty"`
	Vindplaats string `json:"vindplaats,omitempty"`
	UitTekst   bool   `json:"uitTekst,omitempty"`
	Lezing     string `json:"lezing,omitempty"`
}

// Catalogue is a competency model: a fixed set of named competenties that
// profile elements refer to.
type Catalogue struct {
	ID           string         `json:"id"`
	Name         string         `json:"naam"`
	Competenties []*Competentie `json:"competenties"`
}

// Competentie is one entry of a competency model. A model read from
// another tool's competency framework (CASE) can be a hierarchy: an entry
// then names its parent entry and keeps the framework's sort of item.
type Competentie struct {
	ID           string `json:"id"`
	Code         string `json:"code,omitempty"` // "A", "B" … or "1"
	Name         string `json:"naam"`
	Beschrijving string `json:"beschrijving,omitempty"`
	Parent       string `json:"ouder,omitempty"` // ID of the parent entry in the same model; "" at the top
	Kind         string `json:"soort,omitempty"` // the framework's item type ("Cluster", "Standard"); "" for a plain competentie
}
