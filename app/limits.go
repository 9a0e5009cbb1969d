package app

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what an import accepts. Each is far above anything a real
// profile needs (the bundled profiles: texts up to 2,516 characters,
// sections 3 deep, about 330 elements) and far below what stops the
// program (a 10 MB title kept the window from painting; 4,900 nested
// sections exported as 337 MB).
const (
	// MaxTextLength is the longest text of any field, in characters.
	MaxTextLength = 20_000
	// MaxSectionDepth is how deep sections of the algemene informatie
	// may nest.
	MaxSectionDepth = 10
	// MaxProfileElements is how many elements and beoordelingen one
	// profile may have.
	MaxProfileElements = 10_000
	// MaxCompetenties is how many competenties one competency model may
	// have.
	MaxCompetenties = 5_000
)

// byteOrderMark is what Notepad puts before UTF-8 text.
var byteOrderMark = []byte("\xEF\xBB\xBF")

// TrimBOM drops a UTF-8 byte-order mark from the start of data: JSON has
// none, but Notepad writes one.
func TrimBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, byteOrderMark)
}

// checkLimits refuses a profile beyond the limits, with a Dutch sentence
// that names it.
func (p *Profile) checkLimits() error {
	if d := sectionDepth(p.Sections); d > MaxSectionDepth {
		return inputErrorf("Profiel %s heeft secties die %d lagen diep genest zijn; ten hoogste %d mag. Er is niets gewijzigd.", quote(p.Title), d, MaxSectionDepth)
	}
	if n := len(p.Elements()) + len(p.Reviews); n > MaxProfileElements {
		return inputErrorf("Profiel %s heeft %s onderdelen en beoordelingen; ten hoogste %s mag. Er is niets gewijzigd.", quote(p.Title), count(n), count(MaxProfileElements))
	}
	return checkTexts(p, "profiel "+quote(p.Title))
}

// checkLimits refuses a competency model beyond the limits.
func (c *Catalogue) checkLimits() error {
	if n := len(c.Competenties); n > MaxCompetenties {
		return inputErrorf("Competentiemodel %s heeft %s competenties; ten hoogste %s mag. Er is niets gewijzigd.", quote(c.Name), count(n), count(MaxCompetenties))
	}
	return checkTexts(c, "competentiemodel "+quote(c.Name))
}

func sectionDepth(ss []*Section) int {
	deepest := 0
	for _, s := range ss {
		if s != nil {
			deepest = max(deepest, sectionDepth(s.Sections))
		}
	}
	if len(ss) == 0 {
		return 0
	}
	return deepest + 1
}

// checkTexts walks every string field of v (structs, pointers, slices) and
// refuses one longer than MaxTextLength, naming its field by its name in
// the exchange format. New fields are covered without being listed.
func checkTexts(v any, where string) error {
	field, n := longText(reflect.ValueOf(v), "")
	if n == 0 {
		return nil
	}
	return inputErrorf("Een tekst in %s (veld %q) is %s tekens lang; ten hoogste %s mag. Er is niets gewijzigd.", where, field, count(n), count(MaxTextLength))
}

// longText finds a string in v longer than MaxTextLength and returns the
// name of its field and its length in characters, or 0.
func longText(v reflect.Value, field string) (string, int) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); len(s) > MaxTextLength {
			if n := utf8.RuneCountInString(s); n > MaxTextLength {
				return field, n
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return longText(v.Elem(), field)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if f, n := longText(v.Index(i), field); n > 0 {
				return f, n
			}
		}
	case reflect.Struct:
		return longTextInStruct(v)
	}
	return "", 0
}

// longTextInStruct is longText for each exported field of a struct, named
// as in the exchange format.
func longTextInStruct(v reflect.Value) (string, int) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if !t.Field(i).IsExported() {
			continue
		}
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			name = t.Field(i).Name
		}
		if f, n := longText(v.Field(i), name); n > 0 {
			return f, n
		}
	}
	return "", 0
}

// count writes n the Dutch way: 20.000.
func count(n int) string {
	s := strconv.Itoa(n)
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// shown makes user text fit in a message: control characters (terminal
// escape codes, line breaks) become spaces and a long text is cut to
// about 60 characters.
func shown(s string) string {
	const most = 60
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == most {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
