package main

import (
	"strings"
	"testing"
)

func TestParseLighthouse(t *testing.T) {
	const good = `{
		"lighthouseVersion": "12.2.3",
		"runWarnings": ["The page loaded too slowly"],
		"categories": {"performance": {"score": 0.97}},
		"audits": {
			"total-blocking-time": {"numericValue": 120.5},
			"first-contentful-paint": {"numericValue": 900},
			"largest-contentful-paint": {"numericValue": 1500},
			"speed-index": {"numericValue": 1100},
			"cumulative-layout-shift": {"numericValue": 0},
			"unrelated": {"numericValue": 1}
		}
	}`
	tests := []struct {
		name        string
		in          string
		wantVersion string
		want        map[string]float64
		warnings    int
		wantErr     string
	}{
		{
			name: "a full report", in: good, wantVersion: "12.2.3", warnings: 1,
			want: map[string]float64{
				KeyLHPerformance: 97, KeyLHTBT: 120.5, KeyLHFCP: 900, KeyLHLCP: 1500, KeyLHSpeedIndex: 1100, KeyLHCLS: 0,
			},
		},
		{
			name: "audits without values are left out", wantVersion: "12.2.3",
			in:   `{"lighthouseVersion": "12.2.3", "categories": {"performance": {"score": 1}}, "audits": {"total-blocking-time": {"errorMessage": "x"}}}`,
			want: map[string]float64{KeyLHPerformance: 100},
		},
		{
			name:    "runtime error",
			in:      `{"lighthouseVersion": "12.2.3", "runtimeError": {"code": "NO_FCP", "message": "The page did not paint any content."}, "categories": {"performance": {"score": null}}}`,
			wantErr: "NO_FCP",
		},
		{
			name:    "no score",
			in:      `{"lighthouseVersion": "12.2.3", "categories": {"performance": {"score": null}}}`,
			wantErr: "no performance score",
		},
		{
			name:    "no performance category",
			in:      `{"lighthouseVersion": "12.2.3", "categories": {}}`,
			wantErr: "no performance score",
		},
		{
			name:    "not JSON",
			in:      `Runtime error encountered`,
			wantErr: "reading Lighthouse's report",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			version, figs, warnings, err := parseLighthouse(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if version != tc.wantVersion {
				t.Errorf("version %q, want %q", version, tc.wantVersion)
			}
			if len(warnings) != tc.warnings {
				t.Errorf("%d warnings, want %d", len(warnings), tc.warnings)
			}
			if len(figs) != len(tc.want) {
				t.Errorf("figures %v, want %v", figs, tc.want)
			}
			for k, v := range tc.want {
				if got, ok := figs[k]; !ok || got != v {
					t.Errorf("%s = %v (present %v), want %v", k, got, ok, v)
				}
			}
		})
	}
}
