package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestUnitFormat(t *testing.T) {
	tests := []struct {
		unit Unit
		v    float64
		want string
	}{
		{Millis, 3.14159, "3.1 ms"},
		{Millis, 99.94, "99.9 ms"},
		{Millis, 100, "100 ms"},
		{Millis, 1474.6, "1475 ms"},
		{Bytes, 512, "512 B"},
		{Bytes, 13640, "13.6 KB"},
		{Bytes, 1540787, "1.541 MB"},
		{Count, 44, "44"},
		{Score, 97.0000001, "97"},
		{Shift, 0, "0.000"},
		{Shift, 0.0123, "0.012"},
		{Millis, math.NaN(), "—"},
		{Bytes, math.Inf(1), "—"},
	}
	for _, tc := range tests {
		if got := tc.unit.Format(tc.v); got != tc.want {
			t.Errorf("%s.Format(%v) = %q, want %q", tc.unit, tc.v, got, tc.want)
		}
	}
}

func TestSamplesSection(t *testing.T) {
	figures := []Figure{{"a", "A", Millis}, {"b", "B", Bytes}, {"c", "C", Count}}
	tests := []struct {
		name     string
		samples  Samples
		wantKeys []string
		medians  []float64
	}{
		{"none measured", Samples{}, nil, nil},
		{"in the figures' order, unknown keys left out", Samples{"c": {3, 1, 2}, "a": {10}, "zzz": {1}}, []string{"a", "c"}, []float64{10, 2}},
		{"even count", Samples{"b": {1, 2, 3, 4}}, []string{"b"}, []float64{2.5}},
		{"added NaN and infinities left out", added("a", 5, math.NaN(), math.Inf(1), 7), []string{"a"}, []float64{6}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sec := tc.samples.Section("none", "No throttling", figures)
			if sec.Name != "none" || sec.Title != "No throttling" {
				t.Errorf("section %q %q", sec.Name, sec.Title)
			}
			var keys []string
			var medians []float64
			for _, m := range sec.Measures {
				keys = append(keys, m.Key)
				medians = append(medians, m.Median)
				if len(m.Samples) != len(tc.samples[m.Key]) {
					t.Errorf("%s: %d samples, want %d", m.Key, len(m.Samples), len(tc.samples[m.Key]))
				}
			}
			if strings.Join(keys, ",") != strings.Join(tc.wantKeys, ",") {
				t.Errorf("figures %v, want %v", keys, tc.wantKeys)
			}
			for i := range medians {
				if medians[i] != tc.medians[i] {
					t.Errorf("median of %s = %v, want %v", keys[i], medians[i], tc.medians[i])
				}
			}
		})
	}
}

// added returns the samples after Add(key, v) for each of vs.
func added(key string, vs ...float64) Samples {
	s := Samples{}
	for _, v := range vs {
		s.Add(key, v)
	}
	return s
}

// testReport is a small report with a met, a missed and a missing budget.
func testReport() *Report {
	secs := []Section{
		{Name: "site", Title: "Built site", Measures: []Measure{
			{Figure: Figure{KeyWasmBrotli, "wasm, brotli", Bytes}, Median: 1.525e6, Samples: []float64{1.525e6}},
		}},
		{Name: "none", Title: "No throttling", Measures: []Measure{
			{Figure: Figure{KeyUsable, "usable", Millis}, Median: 250, Samples: []float64{260, 250, 240}},
			{Figure: Figure{KeyColdPageBytes, "  of which the page's", Bytes}, Median: 1.6e6, Samples: []float64{1.6e6, 1.6e6, 1.6e6}},
		}, Notes: []string{"a note"}},
	}
	budgets := []Budget{
		{"site", KeyWasmBrotli, "<=", 1.5e6},
		{"none", KeyUsable, "<=", 300},
		{"none", KeyClickP50, "<=", 8},
	}
	return &Report{
		Meta: Meta{
			Date: "2026-11-25T21:00:00Z", Dist: "dist", Build: "abc123", Browser: "Chrome/156",
			Device: "phone", Runs: 3, LoadBefore: "1.00 1.00 1.00", LoadAfter: "2.00 1.50 1.00",
		},
		Sections: secs,
		Budgets:  Evaluate(budgets, secs),
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	if err := WriteTable(&b, testReport()); err != nil {
		t.Fatal(err)
	}
	want := `jsmap benchmark, 2026-11-25T21:00:00Z
site dist (build abc123) served by app/server; Chrome/156; phone
medians of 3 runs, each in a fresh browser context; load average 1.00 1.00 1.00 before, 2.00 1.50 1.00 after

Built site
  figure        median    budget      result  runs
  wasm, brotli  1.525 MB  ≤ 1.500 MB  FAIL    1.525 MB

No throttling
  figure                          median        budget    result  runs
  usable                          250 ms        ≤ 300 ms  pass    260 ms · 250 ms · 240 ms
    of which the page's           1.600 MB                        1.600 MB · 1.600 MB · 1.600 MB
  click latency after ready, p50  not measured  ≤ 8.0 ms  FAIL
  note: a note

budgets: 1 met, 2 missed
  missed: site: wasm, brotli: 1.525 MB (budget ≤ 1.500 MB) FAIL
  missed: none: click latency after ready, p50: not measured (budget ≤ 8.0 ms) FAIL
`
	if got := b.String(); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b strings.Builder
	if err := WriteJSON(&b, testReport()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Meta     struct{ Build string }
		Sections []struct {
			Name    string
			Figures []struct {
				Key, Label, Unit string
				Median           float64
				Samples          []float64
			}
			Notes []string
		}
		Budgets []struct {
			Section, Figure, Op string
			Limit, Measured     float64
			Missing, Pass       bool
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatalf("%v in:\n%s", err, b.String())
	}
	if got.Meta.Build != "abc123" {
		t.Errorf("meta.build = %q", got.Meta.Build)
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"two sections", len(got.Sections) == 2},
		{"site figure", len(got.Sections) > 0 && len(got.Sections[0].Figures) == 1 && got.Sections[0].Figures[0].Key == KeyWasmBrotli && got.Sections[0].Figures[0].Unit == "bytes"},
		{"labels trimmed", len(got.Sections) > 1 && len(got.Sections[1].Figures) == 2 && got.Sections[1].Figures[1].Label == "of which the page's"},
		{"samples kept", len(got.Sections) > 1 && len(got.Sections[1].Figures) > 0 && len(got.Sections[1].Figures[0].Samples) == 3 && got.Sections[1].Figures[0].Median == 250},
		{"notes", len(got.Sections) > 1 && len(got.Sections[1].Notes) == 1},
		{"three budgets", len(got.Budgets) == 3},
		{"missed budget", len(got.Budgets) > 0 && got.Budgets[0].Figure == KeyWasmBrotli && got.Budgets[0].Op == "<=" && got.Budgets[0].Limit == 1.5e6 && got.Budgets[0].Measured == 1.525e6 && !got.Budgets[0].Pass},
		{"met budget", len(got.Budgets) > 1 && got.Budgets[1].Pass},
		{"missing budget", len(got.Budgets) > 2 && got.Budgets[2].Missing && !got.Budgets[2].Pass},
	}
	for _, tc := range tests {
		if !tc.ok {
			t.Errorf("%s: wrong in\n%s", tc.name, b.String())
		}
	}
}
