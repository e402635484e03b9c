package main

import "fmt"

// Budget is a limit on one figure of one section: the figure must be at
// most (Op "<=") or at least (Op ">=") Limit, in the figure's unit.
type Budget struct {
	Section string  `json:"section"` // a Section.Name: "site", "none", "slow-4g", "lighthouse /"…
	Key     string  `json:"figure"`  // a Figure.Key
	Op      string  `json:"op"`      // "<=" or ">="
	Limit   float64 `json:"limit"`
}

// String prints the limit in unit u: "≤ 700 ms".
func (b Budget) String(u Unit) string {
	op := map[string]string{"<=": "≤", ">=": "≥"}[b.Op]
	if op == "" {
		op = b.Op
	}
	return op + " " + u.Format(b.Limit)
}

// Met reports whether v keeps within the budget. The comparison is exact:
// the "0.00" for layout shift means no shift at all.
func (b Budget) Met(v float64) bool {
	switch b.Op {
	case "<=":
		return v <= b.Limit
	case ">=":
		return v >= b.Limit
	}
	return false
}

// Verdict is a budget checked against the report.
type Verdict struct {
	Budget
	Label    string  `json:"label"`
	Unit     Unit    `json:"unit"`
	Measured float64 `json:"measured"`
	// Missing is true when the section was measured but this figure not:
	// the budget then fails.
	Missing bool `json:"missing,omitempty"`
	Pass    bool `json:"pass"`
}

// Summary is the verdict in one line: "slow-4g usable 1.5 s ≤ 1.4 s FAIL".
func (v Verdict) Summary() string {
	res := "FAIL"
	if v.Pass {
		res = "pass"
	}
	measured := v.Unit.Format(v.Measured)
	if v.Missing {
		measured = "not measured"
	}
	return fmt.Sprintf("%s: %s: %s (budget %s) %s", v.Section, v.Label, measured, v.Budget.String(v.Unit), res)
}

// DefaultBudgets are the budgets of issue 5 ("Budget (this machine,
// medians)") as issue 13 ("Instant on a phone") tightened them: a click
// paints in the next frame, the WebAssembly never blocks the reader, and
// the reader's first city needs no more than 150 KB. KB and MB are
// decimal: 40 KB is 40,000 bytes.
var DefaultBudgets = []Budget{
	{"site", KeyWasmBrotli, "<=", 1.486e6},
	{"site", KeyCityHTMLBrotli, "<=", 40e3},
	{"none", KeyColdBytes, "<=", 1.7e6},
	{"slow-4g", KeyColdBytes, "<=", 1.7e6},
	{"none", KeyFirstCityBytes, "<=", 150e3},
	{"slow-4g", KeyFirstCityBytes, "<=", 150e3},
	{"slow-4g", KeyClickable, "<=", 650},
	{"slow-4g", KeyUsable, "<=", 1100},
	{"none", KeyUsable, "<=", 300},
	{"none", KeyClickP50, "<=", 16},
	{"none", KeyClickP95, "<=", 24},
	{"slow-4g", KeyClickP50, "<=", 30},
	{"none", KeyCLS, "<=", 0},
	{"slow-4g", KeyCLS, "<=", 0},
	{"none", KeyRepeatBytes, "<=", 30e3},
	{"none", KeyRepeatReady, "<=", 600},
	{"lighthouse /", KeyLHPerformance, ">=", 95},
	{"lighthouse /", KeyLHTBT, "<=", 150},
	{"lighthouse /city/suzhou", KeyLHPerformance, ">=", 95},
	{"lighthouse /city/suzhou", KeyLHTBT, "<=", 150},
	{"lighthouse /en/city/yancheng", KeyLHPerformance, ">=", 95},
	{"lighthouse /en/city/yancheng", KeyLHTBT, "<=", 150},
}

// Evaluate checks each budget against the sections. A budget whose section
// was not measured at all (a profile not asked for, Lighthouse not run) is
// left out; one whose section is there but lacks the figure fails as
// missing.
func Evaluate(budgets []Budget, sections []Section) []Verdict {
	var out []Verdict
	for _, b := range budgets {
		s := findSection(sections, b.Section)
		if s == nil {
			continue
		}
		v := Verdict{Budget: b, Label: b.Key}
		if f, ok := figureByKey(b.Key); ok {
			v.Label, v.Unit = f.Label, f.Unit
		}
		m := s.Measure(b.Key)
		if m == nil {
			v.Missing = true
		} else {
			v.Label, v.Unit, v.Measured = m.Label, m.Unit, m.Median
			v.Pass = b.Met(m.Median)
		}
		out = append(out, v)
	}
	return out
}

func findSection(sections []Section, name string) *Section {
	for i := range sections {
		if sections[i].Name == name {
			return &sections[i]
		}
	}
	return nil
}
