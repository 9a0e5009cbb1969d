// Package taal is the one analysis of Dutch text that search and the
// comparison of profiles share. It knows nothing of profiles: it takes
// strings and gives words.
//
// The stages, each usable on its own:
//
//   - Fold: lower case without diacritics ("Beïnvloeden" → "beinvloeden").
//   - Tokens: the words of a text, folded, each with its rune offsets into
//     the original text (so that a highlight lands on the right letters),
//     whether a clause break comes before it, and whether it is written
//     with an elision hyphen ("koop-" in "koop- en weerstandssignalen",
//     "-theorieën" in "verkoopmodellen en -theorieën").
//   - Stem: a key per word from the Snowball Dutch stemmer, made a little
//     more even so that inflected forms meet: "onderhandelen" and
//     "onderhandelt", "offerte" and "offertes", "beheren" and "beheert",
//     "opstellen" and "opgesteld" all get one key.
//   - IsStop: the Dutch function words that carry no meaning of their own.
//   - Lexicon.Split: compound words split against a lexicon of known words
//     ("klachtafhandeling" → klacht + afhandeling, with linking s or e:
//     "onderhandelingstechnieken" → onderhandeling + technieken).
//   - Analyse: all of the above for a whole text, as Terms. A term also
//     carries Alts, the stems it stands for besides its own: a separable
//     verb written apart ("Brengt de offerte uit") gives both its parts the
//     key of "uitbrengen"; a past participle ("opgesteld") the key of its
//     infinitive ("opstellen"); an elided compound ("koop- en
//     weerstandssignalen") the key of the word it abbreviates
//     ("koopsignalen"); a Latinate verb in -eren and its noun in -atie the
//     key they share ("informeren", "informatie": "inform"); with
//     Synonyms (Analyser.WithSynonyms), a word the key of its group of
//     near-synonyms ("account" that of "klant"; see CommercialSynonyms).
//
// An Analyser does the same for many texts, remembering per word what does
// not depend on the text around it (the stem, the participle's verb, the
// compound split, made again if the lexicon has grown since), and
// AnalyseTokens takes tokens the caller already has, so that a text that
// was tokenised to fill the lexicon is not tokenised again.
//
// For comparing texts, Keys gives the bag of content keys of a text
// (stems, alts and compound parts, without stop words), Similarity the
// overlap of two such bags, and SharedPhrases the runs of content words
// that two texts have in common.
//
// Every function is safe for concurrent use; a Lexicon is safe for
// concurrent reading once filled.
package taal
