package export

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"bcpeditor/app"
)

// What a package holds that the library has no place for is listed in the
// report, never dropped without a word.

// quietFields carry no content of their own: addresses and times.
var quietFields = map[string]bool{"identifier": true, "uri": true, "lastChangeDateTime": true, "CFDocumentURI": true, "CFPackageURI": true}

// reportUnused lists the item fields, associations, definitions and rubrics
// the import did not take over.
func reportUnused(pkg *casePackage, rep *ImportReport, kept map[string]bool, used func(caseAssoc) bool) {
	reportUnusedFields(pkg, rep, kept)
	reportUnusedAssociations(pkg, rep, used)
	defs := counter{}
	for name, raw := range pkg.raw.CFDefinitions {
		var list []json.RawMessage
		if name != "CFItemTypes" && json.Unmarshal(raw, &list) == nil && len(list) > 0 {
			defs[name] = len(list)
		}
	}
	if len(defs) > 0 {
		rep.skipped("definities in CFDefinitions: %s.", defs)
	}
	if n := len(pkg.raw.CFRubrics); n > 0 {
		rep.skipped("%d CFRubric(s).", n)
	}
}

// reportUnusedFields counts the item fields with content that were not kept.
func reportUnusedFields(pkg *casePackage, rep *ImportReport, kept map[string]bool) {
	fields := counter{}
	for _, it := range pkg.items {
		for f := range it.fields {
			if !kept[f] && !quietFields[f] {
				fields[f]++
			}
		}
	}
	if len(fields) > 0 {
		rep.skipped("velden van items waar de bibliotheek geen plaats voor heeft: %s.", fields)
	}
}

// reportUnusedAssociations counts the associations not read, by type.
func reportUnusedAssociations(pkg *casePackage, rep *ImportReport, used func(caseAssoc) bool) {
	assocs, outside := counter{}, 0
	for _, a := range pkg.assocs {
		if used(a) {
			continue
		}
		assocs[firstNonEmpty(a.typ, "(zonder soort)")]++
		if pkg.byID[a.dest.Identifier] == nil && a.dest.Identifier != pkg.doc.id {
			outside++
		}
	}
	if len(assocs) == 0 {
		return
	}
	where := ""
	if outside > 0 {
		where = fmt.Sprintf(" (%d ervan naar iets buiten het pakket)", outside)
	}
	rep.skipped("associaties: %s%s.", assocs, where)
}

// reportDocumentFields lists the CFDocument's values that were not kept.
func reportDocumentFields(pkg *casePackage, rep *ImportReport, kept map[string]bool) {
	var m map[string]json.RawMessage
	json.Unmarshal(pkg.raw.CFDocument, &m)
	var names []string
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	var parts []string
	for _, k := range names {
		if kept[k] || quietFields[k] {
			continue
		}
		var s flexString
		if json.Unmarshal(m[k], &s) != nil {
			s = flexString(strings.Join(flexStrings(m[k]), ", "))
		}
		if v := strings.TrimSpace(string(s)); v != "" {
			parts = append(parts, fmt.Sprintf("%s %s", k, quoted(app.Shorten(v, 60))))
		}
	}
	if len(parts) > 0 {
		rep.skipped("gegevens van het CFDocument: %s.", strings.Join(parts, ", "))
	}
}
