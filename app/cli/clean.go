package cli

import (
	"strings"
	"unicode"
)

// clean makes user text safe for a terminal: control characters (escape
// codes in a title, say) are shown as a placeholder instead of being
// obeyed; line breaks and tabs stay.
func clean(s string) string {
	if strings.IndexFunc(s, isUnsafe) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isUnsafe(r) {
			return '�'
		}
		return r
	}, s)
}

func isUnsafe(r rune) bool {
	return r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029')
}
