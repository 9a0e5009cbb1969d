package compare_test

import (
	"testing"

	"bcpeditor/app/compare"
)

// Werkzaamheden are numbered within their rol; in a crosswalk, which lists
// them all in one column, they carry the rol's code so that "werkzaamheid
// 1" of rol 1 and of rol 3 stay apart. Werkproces codes already do.
func TestUnitLabelsStayApartAcrossParents(t *testing.T) {
	ps, _, _ := bundled(t)
	seen := map[string]string{}
	for _, title := range []string{"bcp (Junior) accountmanager", "BCP Junior accountmanager"} {
		for _, u := range compare.Units(ps[title]) {
			if other, dup := seen[title+u.Label()]; dup {
				t.Errorf("%s: %q names both %s and %s", title, u.Label(), other, u.ID)
			}
			seen[title+u.Label()] = u.ID
		}
	}
	if _, ok := seen["bcp (Junior) accountmanager"+"werkzaamheid 3.1"]; !ok {
		t.Errorf("no werkzaamheid 3.1 in the 2020 profile: %v", seen)
	}
}
