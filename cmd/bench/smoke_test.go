package main

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/apptest"
)

// TestSmoke runs the benchmark once, unthrottled, against the built site,
// and checks that every figure was measured. It needs Chromium and dist/,
// so it runs only with JSMAP_BENCH_SMOKE=1 (make test does not set it):
//
//	JSMAP_BENCH_SMOKE=1 go test -run Smoke -v ./cmd/bench
func TestSmoke(t *testing.T) {
	if os.Getenv("JSMAP_BENCH_SMOKE") == "" {
		t.Skip("set JSMAP_BENCH_SMOKE=1 to run the benchmark once against dist/ (needs Chromium)")
	}
	dist, err := apptest.Dist()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var log strings.Builder
	rep, err := Bench(ctx, Options{
		Dist:        dist,
		Runs:        1,
		Profiles:    Profiles[:1],
		Device:      Devices["mobile"],
		City:        "suzhou",
		ClickCities: [2]string{"xuzhou", "lianyungang"},
		Clicks:      20,
		Timeout:     2 * time.Minute,
		Log:         &log,
	})
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
}
