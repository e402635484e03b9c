package main

import "testing"

func TestBudgetMet(t *testing.T) {
	tests := []struct {
		name string
		b    Budget
		v    float64
		want bool
	}{
		{"at most: below", Budget{Op: "<=", Limit: 700}, 699.9, true},
		{"at most: equal", Budget{Op: "<=", Limit: 700}, 700, true},
		{"at most: above", Budget{Op: "<=", Limit: 700}, 700.1, false},
		{"at least: above", Budget{Op: ">=", Limit: 95}, 99, true},
		{"at least: equal", Budget{Op: ">=", Limit: 95}, 95, true},
		{"at least: below", Budget{Op: ">=", Limit: 95}, 94, false},
		{"no shift: none", Budget{Op: "<=", Limit: 0}, 0, true},
		{"no shift: a tiny one", Budget{Op: "<=", Limit: 0}, 0.0001, false},
		{"unknown operator", Budget{Op: "<", Limit: 1}, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.b.Met(tc.v); got != tc.want {
				t.Errorf("%+v.Met(%v) = %v, want %v", tc.b, tc.v, got, tc.want)
			}
		})
	}
}

func TestBudgetString(t *testing.T) {
	tests := []struct {
		b    Budget
		unit Unit
		want string
	}{
		{Budget{Op: "<=", Limit: 700}, Millis, "≤ 700 ms"},
		{Budget{Op: "<=", Limit: 8}, Millis, "≤ 8.0 ms"},
		{Budget{Op: ">=", Limit: 95}, Score, "≥ 95"},
		{Budget{Op: "<=", Limit: 1.5e6}, Bytes, "≤ 1.500 MB"},
		{Budget{Op: "<=", Limit: 40e3}, Bytes, "≤ 40.0 KB"},
		{Budget{Op: "<=", Limit: 0}, Shift, "≤ 0.000"},
	}
	for _, tc := range tests {
		if got := tc.b.String(tc.unit); got != tc.want {
			t.Errorf("%+v.String(%s) = %q, want %q", tc.b, tc.unit, got, tc.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	sections := []Section{
		{Name: "site", Measures: []Measure{{Figure: Figure{KeyWasmBrotli, "wasm", Bytes}, Median: 1.525e6}}},
		{Name: "none", Measures: []Measure{
			{Figure: Figure{KeyUsable, "usable", Millis}, Median: 250},
			{Figure: Figure{KeyCLS, "cls", Shift}, Median: 0},
		}},
	}
	budgets := []Budget{
		{"site", KeyWasmBrotli, "<=", 1.5e6},         // measured, missed
		{"none", KeyUsable, "<=", 300},               // measured, met
		{"none", KeyCLS, "<=", 0},                    // measured, met
		{"none", KeyClickP50, "<=", 8},               // section there, figure not: missing
		{"slow-4g", KeyUsable, "<=", 1400},           // section not measured: left out
		{"lighthouse /", KeyLHPerformance, ">=", 95}, // Lighthouse not run: left out
		{"none", "noSuchFigure", "<=", 1},            // unknown figure: missing, labelled by key
	}
	type verdict struct {
		section, key, label string
		unit                Unit
		measured            float64
		missing, pass       bool
	}
	want := []verdict{
		{"site", KeyWasmBrotli, "wasm", Bytes, 1.525e6, false, false},
		{"none", KeyUsable, "usable", Millis, 250, false, true},
		{"none", KeyCLS, "cls", Shift, 0, false, true},
		{"none", KeyClickP50, "click latency after ready, p50", Millis, 0, true, false},
		{"none", "noSuchFigure", "noSuchFigure", "", 0, true, false},
	}
	got := Evaluate(budgets, sections)
	if len(got) != len(want) {
		t.Fatalf("got %d verdicts, want %d: %+v", len(got), len(want), got)
	}
	for i, v := range got {
		g := verdict{v.Section, v.Key, v.Label, v.Unit, v.Measured, v.Missing, v.Pass}
		if g != want[i] {
			t.Errorf("verdict %d = %+v, want %+v", i, g, want[i])
		}
	}
}

// TestDefaultBudgets checks that every default budget names a known
// figure and a section the benchmark makes.
func TestDefaultBudgets(t *testing.T) {
	sections := map[string]bool{"site": true}
	for _, p := range lighthousePages {
		sections["lighthouse "+p] = true
	}
	for _, p := range Profiles {
		sections[p.Name] = true
	}
	for _, b := range DefaultBudgets {
		if _, ok := figureByKey(b.Key); !ok {
			t.Errorf("budget on unknown figure %q", b.Key)
		}
		if !sections[b.Section] {
			t.Errorf("budget on unknown section %q", b.Section)
		}
		if b.Op != "<=" && b.Op != ">=" {
			t.Errorf("budget %+v: operator %q", b, b.Op)
		}
	}
}
