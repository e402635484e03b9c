package components

import (
	"fmt"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/data"
)

func TestFormatDate(t *testing.T) {
	tests := []struct {
		name       string
		start, end string
		zh, en     string
	}{
		{"single day", "2024-03-14", "", "2024年3月14日", "14 March 2024"},
		{"single day, no padding", "2024-02-03", "", "2024年2月3日", "3 February 2024"},
		{"span within a month", "2024-03-14", "2024-03-16", "2024年3月14日至16日", "14–16 March 2024"},
		{"span across months", "2024-03-30", "2024-04-02", "2024年3月30日至4月2日", "30 March – 2 April 2024"},
		{"end equal to start is one day", "2024-03-14", "2024-03-14", "2024年3月14日", "14 March 2024"},
		{"end before start is ignored", "2024-03-14", "2024-03-10", "2024年3月14日", "14 March 2024"},
		{"invalid end is ignored", "2024-03-14", "soon", "2024年3月14日", "14 March 2024"},
		{"empty", "", "", "", ""},
		{"empty start with an end", "", "2024-03-16", "", ""},
		{"not a date", "14 March", "", "", ""},
		{"impossible day", "2024-02-30", "", "", ""},
		{"wrong layout", "2024/03/14", "", "", ""},
		{"signed month", "2024-+3-14", "", "", ""},
		{"month 13", "2024-13-01", "", "", ""},
		{"day 0", "2024-03-00", "", "", ""},
		{"leap day", "2024-02-29", "", "2024年2月29日", "29 February 2024"},
		{"no leap day", "2023-02-29", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatDate(data.Zh, tc.start, tc.end); got != tc.zh {
				t.Errorf("formatDate(zh, %q, %q) = %q, want %q", tc.start, tc.end, got, tc.zh)
			}
			if got := formatDate(data.En, tc.start, tc.end); got != tc.en {
				t.Errorf("formatDate(en, %q, %q) = %q, want %q", tc.start, tc.end, got, tc.en)
			}
		})
	}
}

// A span that ends in a later year names both years (a regression test:
// it once printed the start year only, so "2024-03-14".."2025-03-16" read
// as a three-day span).
func TestFormatDateAcrossYears(t *testing.T) {
	tests := []struct {
		start, end string
		zh, en     string
	}{
		{"2024-12-30", "2025-01-02", "2024年12月30日至2025年1月2日", "30 December 2024 – 2 January 2025"},
		{"2024-03-14", "2025-03-16", "2024年3月14日至2025年3月16日", "14 March 2024 – 16 March 2025"},
	}
	for _, tc := range tests {
		t.Run(tc.start+"/"+tc.end, func(t *testing.T) {
			if got := formatDate(data.Zh, tc.start, tc.end); got != tc.zh {
				t.Errorf("formatDate(zh, %q, %q) = %q, want %q", tc.start, tc.end, got, tc.zh)
			}
			if got := formatDate(data.En, tc.start, tc.end); got != tc.en {
				t.Errorf("formatDate(en, %q, %q) = %q, want %q", tc.start, tc.end, got, tc.en)
			}
		})
	}
}

// TestParseDayAgreesWithTimeParse: parseDay accepts and reads exactly what
// time.Parse(time.DateOnly, …) does, for every day of two years (one a leap
// year) and for malformed strings.
func TestParseDayAgreesWithTimeParse(t *testing.T) {
	inputs := []string{"", "2024-1-01", "2024-01-1", "20240101", "2024-01-01 ", "2024-00-10", "2024-02-30", "abcd-ef-gh", "2024-1a-01", "0000-01-01"}
	for d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2025; d = d.AddDate(0, 0, 1) {
		inputs = append(inputs, d.Format(time.DateOnly))
	}
	for m := 0; m <= 13; m++ {
		for day := 0; day <= 32; day++ {
			inputs = append(inputs, fmt.Sprintf("2024-%02d-%02d", m, day))
		}
	}
	for _, in := range inputs {
		want, err := time.Parse(time.DateOnly, in)
		got, ok := parseDay(in)
		if ok != (err == nil) || ok && !got.Equal(want) {
			t.Errorf("parseDay(%q) = %v, %v; time.Parse gives %v, %v", in, got, ok, want, err)
		}
	}
}
