package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// Report is everything one benchmark run found.
type Report struct {
	Meta     Meta      `json:"meta"`
	Sections []Section `json:"sections"`
	Budgets  []Verdict `json:"budgets"`
	// CPU holds the CPU profiles' summaries (-cpu-profile), which replace
	// the figures.
	CPU []CPUSummary `json:"cpu,omitempty"`
}

// Meta says what was measured, where and how.
type Meta struct {
	Date       string `json:"date"`       // UTC, RFC 3339
	Dist       string `json:"dist"`       // the built site's directory
	Build      string `json:"build"`      // its jsmap-version (content hash of the build)
	Browser    string `json:"browser"`    // Chromium's product/version
	Device     string `json:"device"`     // the emulated screen
	Runs       int    `json:"runs"`       // runs per network profile (and per Lighthouse page)
	Lighthouse string `json:"lighthouse"` // Lighthouse's version, when it ran
	LoadBefore string `json:"loadBefore"` // /proc/loadavg before and after: other work on the machine skews timings
	LoadAfter  string `json:"loadAfter"`
}

// Section is one group of figures: the built site, one network profile,
// or Lighthouse on one page.
type Section struct {
	Name     string    `json:"name"`  // "site", a Profile.Name, or "lighthouse " + path
	Title    string    `json:"title"` // the table's heading
	Measures []Measure `json:"figures"`
	Notes    []string  `json:"notes,omitempty"`
}

// Measure is one figure with its samples (one per run) and their median.
type Measure struct {
	Figure
	Median  float64   `json:"median"`
	Samples []float64 `json:"samples"`
}

// MarshalJSON spells the embedded figure's fields in JSON style.
func (m Measure) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Key     string    `json:"key"`
		Label   string    `json:"label"`
		Unit    Unit      `json:"unit"`
		Median  float64   `json:"median"`
		Samples []float64 `json:"samples"`
	}{m.Key, strings.TrimSpace(m.Label), m.Unit, m.Median, m.Samples})
}

// Measure returns the measure with key, or nil.
func (s *Section) Measure(key string) *Measure {
	for i := range s.Measures {
		if s.Measures[i].Key == key {
			return &s.Measures[i]
		}
	}
	return nil
}

// Samples collects the values of the runs, figure by figure.
type Samples map[string][]float64

// Add records v for key. NaN and infinities, which no measurement gives
// and JSON cannot hold, are left out.
func (s Samples) Add(key string, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return
	}
	s[key] = append(s[key], v)
}

// Section makes a section of the figures, in their order, that have at
// least one sample: each with its samples and their median.
func (s Samples) Section(name, title string, figures []Figure) Section {
	sec := Section{Name: name, Title: title}
	for _, f := range figures {
		xs := s[f.Key]
		if len(xs) == 0 {
			continue
		}
		sec.Measures = append(sec.Measures, Measure{Figure: f, Median: harness.Median(xs), Samples: xs})
	}
	return sec
}

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteTable writes the report for people: a heading, then each section as
// a table of figure, median, budget, result and the runs' samples, then the
// budgets that were missed.
func WriteTable(w io.Writer, r *Report) error {
	var b strings.Builder
	m := r.Meta
	fmt.Fprintf(&b, "jsmap benchmark, %s\n", m.Date)
	fmt.Fprintf(&b, "site %s (build %s) served by app/server; %s; %s\n", m.Dist, orDash(m.Build), orDash(m.Browser), m.Device)
	fmt.Fprintf(&b, "medians of %d runs, each in a fresh browser context; load average %s before, %s after\n", m.Runs, orDash(m.LoadBefore), orDash(m.LoadAfter))
	if m.Lighthouse != "" {
		fmt.Fprintf(&b, "Lighthouse %s, mobile preset (simulated throttling)\n", m.Lighthouse)
	}
	for _, s := range r.Sections {
		fmt.Fprintf(&b, "\n%s\n", s.Title)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  figure\tmedian\tbudget\tresult\truns")
		for _, ms := range s.Measures {
			budget, result := "", ""
			for _, v := range r.Budgets {
				if v.Section == s.Name && v.Key == ms.Key {
					budget = v.Budget.String(ms.Unit)
					result = "FAIL"
					if v.Pass {
						result = "pass"
					}
				}
			}
			runs := make([]string, len(ms.Samples))
			for i, x := range ms.Samples {
				runs[i] = ms.Unit.Format(x)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", ms.Label, ms.Unit.Format(ms.Median), budget, result, strings.Join(runs, " · "))
		}
		for _, v := range r.Budgets {
			if v.Section == s.Name && v.Missing {
				fmt.Fprintf(tw, "  %s\tnot measured\t%s\tFAIL\t\n", v.Label, v.Budget.String(v.Unit))
			}
		}
		tw.Flush()
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "  note: %s\n", n)
		}
	}
	passed, failed := 0, []Verdict{}
	for _, v := range r.Budgets {
		if v.Pass {
			passed++
		} else {
			failed = append(failed, v)
		}
	}
	fmt.Fprintf(&b, "\nbudgets: %d met, %d missed\n", passed, len(failed))
	for _, v := range failed {
		fmt.Fprintf(&b, "  missed: %s\n", v.Summary())
	}
	// tabwriter pads the last column too: trim what it leaves at line ends.
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
