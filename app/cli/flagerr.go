package cli

import (
	"errors"
	"flag"
	"regexp"
)

// The standard flag package words its mistakes in English; these patterns
// turn them into Dutch before they reach the user.
var flagMistakes = []struct {
	pattern *regexp.Regexp
	dutch   string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-+\S+)$`), "onbekende optie $1"},
	{regexp.MustCompile(`^flag needs an argument: -*(\S+)$`), "de optie --$1 heeft een waarde nodig"},
	{regexp.MustCompile(`^invalid boolean value ("[^"]*") for -*(\S+):.*$`), "ongeldige waarde $1 voor --$2 (gebruik true of false)"},
	{regexp.MustCompile(`^invalid value ("[^"]*") for flag -*(\S+):.*$`), "ongeldige waarde $1 voor --$2"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "onjuiste optie: $1"},
}

// FlagError says in Dutch what was wrong with the options on the command
// line (flag.ErrHelp: help was asked for, which is no mistake).
func FlagError(err error) string {
	if errors.Is(err, flag.ErrHelp) {
		return "hulp gevraagd"
	}
	msg := err.Error()
	for _, m := range flagMistakes {
		if m.pattern.MatchString(msg) {
			return m.pattern.ReplaceAllString(msg, m.dutch)
		}
	}
	return "onjuiste opties op de opdrachtregel"
}
