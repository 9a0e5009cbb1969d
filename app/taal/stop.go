package taal

import "strings"

// stopWords are the Dutch function words (after Snowball's Dutch list,
// with the pronouns and auxiliaries that profiles use), folded.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit
		doch doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
		iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu
		of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was
		wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou welke waar wel hen we wij
		onze eigen tussen zoals daarbij daarnaast waarbij vervolgens hierbij c q o a etc bijvoorbeeld af toe mee`) {
		stopWords[w] = true
	}
}

// IsStop reports whether a folded word is a Dutch function word that
// carries no meaning of its own ("de", "en", "van", "op").
func IsStop(word string) bool { return stopWords[word] }
