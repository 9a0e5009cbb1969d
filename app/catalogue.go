package app

// Level is how deep a competentie sits in its model's hierarchy: 0 at the
// top. An unknown ID is at the top.
func (c *Catalogue) Level(id string) int {
	parent := map[string]string{}
	for _, k := range c.Competenties {
		parent[k.ID] = k.Parent
	}
	level := 0
	for p := parent[id]; p != "" && level <= len(c.Competenties); p = parent[p] {
		level++
	}
	return level
}

// checkTree makes sure every parent in a competency model is an entry of
// that model and no entry is its own ancestor.
func (c *Catalogue) checkTree() error {
	byID := map[string]*Competentie{}
	for _, k := range c.Competenties {
		byID[k.ID] = k
	}
	for _, k := range c.Competenties {
		if k.Parent == "" {
			continue
		}
		if byID[k.Parent] == nil {
			return inputErrorf("Competentie %s in competentiemodel %s hangt onder een onderdeel (%s) dat niet in dat model staat. Er is niets gewijzigd.", quote(k.Name), quote(c.Name), k.Parent)
		}
		seen := map[string]bool{k.ID: true}
		for p := k.Parent; p != ""; p = byID[p].Parent {
			if seen[p] {
				return inputErrorf("Competentie %s in competentiemodel %s hangt (via andere onderdelen) onder zichzelf. Er is niets gewijzigd.", quote(k.Name), quote(c.Name))
			}
			seen[p] = true
			if byID[p] == nil {
				break
			}
		}
	}
	return nil
}
