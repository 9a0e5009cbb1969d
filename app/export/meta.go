package export

import (
	"fmt"
	"strings"
	"time"

	"bcpeditor/app"
)

// programName is the application named in the files this program writes.
const programName = "BCP Editor"

// stampOrEmpty returns s when it is an RFC 3339 time, "" otherwise.
func stampOrEmpty(s string) string {
	if _, err := time.Parse(time.RFC3339, s); err != nil {
		return ""
	}
	return s
}

// unknownTime stands for "when is not known": exports stay deterministic
// instead of stamping the moment of export.
const unknownTime = "2000-01-01T00:00:00Z"

// profileStamp is the profile's own last change time: when it was last
// saved, else created, else the date of its latest status step, else
// unknownTime. Never the time of export, so that exporting an unchanged
// profile twice gives the same bytes.
func profileStamp(p *app.Profile) string {
	for _, s := range []string{p.Modified, p.Created} {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	latest := ""
	for _, e := range p.StatusHistory {
		if _, err := time.Parse(time.DateOnly, e.Date); err == nil && e.Date > latest {
			latest = e.Date
		}
	}
	if latest != "" {
		return latest + "T00:00:00Z"
	}
	return unknownTime
}

var dutchMonths = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// dutchDate writes an ISO date (2010-09-30, 2021-03 or 2010) as Dutch
// readers write it: "30 september 2010", "maart 2021", "2010". Anything
// else is returned as it is.
func dutchDate(iso string) string {
	if t, err := time.Parse(time.DateOnly, iso); err == nil {
		return fmt.Sprintf("%d %s %d", t.Day(), dutchMonths[t.Month()-1], t.Year())
	}
	if t, err := time.Parse("2006-01", iso); err == nil {
		return fmt.Sprintf("%s %d", dutchMonths[t.Month()-1], t.Year())
	}
	return iso
}

// statusLine is one step of a profile's life as a sentence: "Vastgesteld
// op 30 september 2010 te Amersfoort door Sectorraad Commercieel ECABO".
func statusLine(e app.StatusEvent) string {
	parts := []string{capitalFirst(string(e.Status))}
	if e.Date != "" {
		parts = append(parts, "op "+dutchDate(e.Date))
	}
	if e.Place != "" {
		parts = append(parts, "te "+e.Place)
	}
	if e.By != "" {
		parts = append(parts, "door "+e.By)
	}
	return strings.Join(parts, " ")
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
