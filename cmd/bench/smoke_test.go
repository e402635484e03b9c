package main

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// TestSmoke runs the benchmark once, unthrottled, against the built site,
// and checks that every figure was measured; then it records the CPU
// profiles and checks their summaries. It is a browser test: it runs, in
// Chromium, when $JSMAP_BROWSERS names chromium, as `make test` sets it:
//
//	make build && JSMAP_BROWSERS=chromium go test -run Smoke -v ./cmd/bench
func TestSmoke(t *testing.T) {
	harness.RequireEngine(t, "chromium")
	dist := harness.RequireSite(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var log strings.Builder
	opts := Options{
		Dist:        dist,
		Runs:        1,
		Profiles:    Profiles[:1],
		Device:      Devices["mobile"],
		City:        "suzhou",
		ClickCities: [2]string{"xuzhou", "lianyungang"},
		Clicks:      20,
		Timeout:     2 * time.Minute,
		Log:         &log,
	}
	rep, err := Bench(ctx, opts)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	var table strings.Builder
	WriteTable(&table, rep)
	t.Log("\n" + table.String())

	want := map[string][]Figure{"site": siteFigures, "none": profileFigures}
	for name, figures := range want {
		sec := findSection(rep.Sections, name)
		if sec == nil {
			t.Errorf("no section %q", name)
			continue
		}
		for _, f := range figures {
			m := sec.Measure(f.Key)
			switch {
			case m == nil:
				t.Errorf("%s: %s (%s) was not measured", name, f.Label, f.Key)
			case len(m.Samples) != 1:
				t.Errorf("%s: %s has %d samples, want 1", name, f.Key, len(m.Samples))
			case math.IsNaN(m.Median) || m.Median < 0:
				t.Errorf("%s: %s = %v", name, f.Key, m.Median)
			case m.Median == 0 && f.Key != KeyCLS && f.Key != KeyColdSWRequests && f.Key != KeyColdSWBytes && f.Key != KeyRepeatBytes && f.Key != KeyRepeatRequests:
				t.Errorf("%s: %s is 0", name, f.Key)
			}
		}
	}
	if len(rep.Budgets) == 0 {
		t.Error("no budget was checked")
	}

	// The CPU profiles of the same scenario.
	opts.CPUProfileDir = t.TempDir()
	rep, err = Bench(ctx, opts)
	if err != nil {
		t.Fatalf("cpu profiles: %v\n%s", err, log.String())
	}
	var sums strings.Builder
	WriteCPUSummaries(&sums, rep.CPU)
	t.Log("\n" + sums.String())
	if len(rep.CPU) != 2 {
		t.Fatalf("%d profiles, want 2 (load, clicks)", len(rep.CPU))
	}
	for _, s := range rep.CPU {
		if _, err := os.Stat(s.File); err != nil {
			t.Errorf("%s: %v", s.Title, err)
		}
		kinds := map[string]float64{}
		for _, k := range s.Kinds {
			kinds[k.Name] = k.MS
		}
		// Both phases run Go code (go-app renders; without -wasm-names it
		// is unnamed) and its calls into the DOM.
		if kinds[kindGo]+kinds[kindGoApp] <= 0 || kinds[kindBridge] <= 0 {
			t.Errorf("%s: no time in Go code or in its calls into JavaScript; kinds %v", s.Title, s.Kinds)
		}
		if len(s.Top) == 0 {
			t.Errorf("%s: no functions", s.Title)
		}
	}
}
