package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/jiangsu-map/jsmap/data"
	"github.com/jiangsu-map/jsmap/data/svgpath"
)

// The checks below read a download back, as a reader's tool would, and
// compare it with package data directly (not with Rows): the same number
// of initiatives and cities, the same ids, the same values. The unit tests
// run them on what this package writes; the site tests on the files the
// server sends.

// want is one initiative of package data, with its city and its id.
type want struct {
	id string
	c  data.City
	in data.Initiative
}

func wanted() []want {
	var ws []want
	for _, c := range data.Cities() {
		for i, in := range c.Initiatives {
			ws = append(ws, want{id: fmt.Sprintf("%s-%d", c.ID, i+1), c: c, in: in})
		}
	}
	return ws
}

// fieldCheck collects differences as "where: field: got …, want …".
type fieldCheck struct {
	where string
	errs  []error
}

func (f *fieldCheck) eq(field string, got, want any) {
	if !equal(got, want) {
		f.errs = append(f.errs, fmt.Errorf("%s: %s: got %q, want %q", f.where, field, got, want))
	}
}

func equal(a, b any) bool {
	as, aok := a.([]string)
	bs, bok := b.([]string)
	if aok && bok {
		return slices.Equal(as, bs)
	}
	return a == b
}

// CheckCSV parses initiatives.csv and compares it with package data.
func CheckCSV(b []byte) error {
	if !bytes.HasPrefix(b, []byte(bom)) {
		return errors.New("csv: no UTF-8 byte-order mark")
	}
	records, err := csv.NewReader(bytes.NewReader(b[len(bom):])).ReadAll()
	if err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	if len(records) == 0 || !slices.Equal(records[0], CSVHeader) {
		return fmt.Errorf("csv: header: got %q, want %q", records[0], CSVHeader)
	}
	ws := wanted()
	if got := len(records) - 1; got != len(ws) {
		return fmt.Errorf("csv: got %d rows, want %d initiatives", got, len(ws))
	}
	var errs []error
	for i, w := range ws {
		rec := records[i+1]
		col := func(name string) string { return rec[slices.Index(CSVHeader, name)] }
		split := func(name string) []string {
			if col(name) == "" {
				return nil
			}
			return strings.Split(col(name), "\n")
		}
		f := fieldCheck{where: fmt.Sprintf("csv row %d", i+1)}
		f.eq("id", col("id"), w.id)
		f.eq("city_id", col("city_id"), w.c.ID)
		f.eq("city_zh", col("city_zh"), w.c.Name.Zh)
		f.eq("city_en", col("city_en"), w.c.Name.En)
		f.eq("status", col("status"), StatusName(w.c.Status))
		f.eq("date", col("date"), w.in.Date)
		f.eq("end_date", col("end_date"), w.in.EndDate)
		f.eq("title_zh", col("title_zh"), w.in.Title.Zh)
		f.eq("title_en", col("title_en"), w.in.Title.En)
		f.eq("summary_zh", col("summary_zh"), w.in.Summary.Zh)
		f.eq("summary_en", col("summary_en"), w.in.Summary.En)
		var themes, themesZh, themesEn []string
		for _, id := range w.in.Themes {
			t, _ := data.ThemeByID(id)
			themes, themesZh, themesEn = append(themes, string(id)), append(themesZh, t.Name.Zh), append(themesEn, t.Name.En)
		}
		f.eq("themes", split("themes"), themes)
		f.eq("themes_zh", split("themes_zh"), themesZh)
		f.eq("themes_en", split("themes_en"), themesEn)
		var values, valuesEn, labelsZh, labelsEn []string
		for _, fig := range w.in.Figures {
			values, labelsZh, labelsEn = append(values, fig.Value), append(labelsZh, fig.Label.Zh), append(labelsEn, fig.Label.En)
			valuesEn = append(valuesEn, fig.In(data.En))
		}
		f.eq("figure_values", split("figure_values"), values)
		f.eq("figure_values_en", split("figure_values_en"), valuesEn)
		f.eq("figure_labels_zh", split("figure_labels_zh"), labelsZh)
		f.eq("figure_labels_en", split("figure_labels_en"), labelsEn)
		f.eq("quotes", split("quotes"), w.in.Quotes)
		f.eq("source_headline", col("source_headline"), data.Source.Headline.Zh)
		errs = append(errs, f.errs...)
	}
	return errors.Join(errs...)
}

// CheckJSON parses initiatives.json and compares it with package data.
func CheckJSON(b []byte) error {
	var doc Document
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	var errs []error
	src := fieldCheck{where: "json source"}
	src.eq("headline.zh", doc.Source.Headline.Zh, data.Source.Headline.Zh)
	src.eq("headline.en", doc.Source.Headline.En, data.Source.Headline.En)
	src.eq("subheadline.zh", doc.Source.Subheadline.Zh, data.Source.Subheadline.Zh)
	src.eq("year", doc.Source.Year, data.Source.Year)
	errs = append(errs, src.errs...)
	themes := data.Themes()
	if len(doc.Themes) != len(themes) {
		errs = append(errs, fmt.Errorf("json: got %d themes, want %d", len(doc.Themes), len(themes)))
	} else {
		for i, t := range themes {
			f := fieldCheck{where: fmt.Sprintf("json theme %d", i+1)}
			f.eq("id", doc.Themes[i].ID, string(t.ID))
			f.eq("name.zh", doc.Themes[i].Name.Zh, t.Name.Zh)
			f.eq("name.en", doc.Themes[i].Name.En, t.Name.En)
			errs = append(errs, f.errs...)
		}
	}
	ws := wanted()
	if len(doc.Initiatives) != len(ws) {
		return errors.Join(append(errs, fmt.Errorf("json: got %d initiatives, want %d", len(doc.Initiatives), len(ws)))...)
	}
	for i, w := range ws {
		r := doc.Initiatives[i]
		f := fieldCheck{where: fmt.Sprintf("json initiative %d", i+1)}
		f.eq("id", r.ID, w.id)
		f.eq("city_id", r.CityID, w.c.ID)
		f.eq("city_name.zh", r.CityName.Zh, w.c.Name.Zh)
		f.eq("city_name.en", r.CityName.En, w.c.Name.En)
		f.eq("status", r.Status, StatusName(w.c.Status))
		f.eq("date", r.Date, w.in.Date)
		f.eq("end_date", r.EndDate, w.in.EndDate)
		f.eq("title.zh", r.Title.Zh, w.in.Title.Zh)
		f.eq("title.en", r.Title.En, w.in.Title.En)
		f.eq("summary.zh", r.Summary.Zh, w.in.Summary.Zh)
		f.eq("summary.en", r.Summary.En, w.in.Summary.En)
		var themes []string
		for _, id := range w.in.Themes {
			themes = append(themes, string(id))
		}
		f.eq("themes", r.Themes, themes)
		if len(r.Figures) != len(w.in.Figures) {
			f.eq("figures", fmt.Sprint(len(r.Figures)), fmt.Sprint(len(w.in.Figures)))
		} else {
			for j, fig := range w.in.Figures {
				f.eq(fmt.Sprintf("figures[%d].value", j), r.Figures[j].Value, fig.Value)
				f.eq(fmt.Sprintf("figures[%d].value_en", j), r.Figures[j].ValueEn, fig.In(data.En))
				f.eq(fmt.Sprintf("figures[%d].label.zh", j), r.Figures[j].Label.Zh, fig.Label.Zh)
				f.eq(fmt.Sprintf("figures[%d].label.en", j), r.Figures[j].Label.En, fig.Label.En)
			}
		}
		f.eq("quotes", r.Quotes, w.in.Quotes)
		f.eq("source_headline", r.SourceHeadline, data.Source.Headline.Zh)
		errs = append(errs, f.errs...)
	}
	return errors.Join(errs...)
}

// CheckGeoJSON parses jiangsu.geojson and compares it with package data:
// the 13 cities in display order with their ids, names and status, the
// licence named, and every ring the map draws, point for point (within
// the file's precision), closed and oriented as RFC 7946 asks.
func CheckGeoJSON(b []byte, licence string) error {
	var fc FeatureCollection
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fc); err != nil {
		return fmt.Errorf("geojson: %w", err)
	}
	var errs []error
	top := fieldCheck{where: "geojson"}
	top.eq("type", fc.Type, "FeatureCollection")
	top.eq("license", fc.License, licence)
	errs = append(errs, top.errs...)
	cities := data.Cities()
	if len(fc.Features) != len(cities) {
		return errors.Join(append(errs, fmt.Errorf("geojson: got %d features, want %d cities", len(fc.Features), len(cities)))...)
	}
	const tol = 0.6e-5 // half the last decimal, and a little
	for i, c := range cities {
		ft := fc.Features[i]
		f := fieldCheck{where: fmt.Sprintf("geojson feature %d", i+1)}
		f.eq("type", ft.Type, "Feature")
		f.eq("id", ft.ID, c.ID)
		f.eq("properties.id", ft.Properties.ID, c.ID)
		f.eq("properties.name_zh", ft.Properties.NameZh, c.Name.Zh)
		f.eq("properties.name_en", ft.Properties.NameEn, c.Name.En)
		f.eq("properties.status", ft.Properties.Status, StatusName(c.Status))
		f.eq("properties.boundary_license", ft.Properties.BoundaryLicence, BoundaryLicence)
		f.eq("geometry.type", ft.Geometry.Type, "MultiPolygon")
		errs = append(errs, f.errs...)
		s, _ := data.ShapeOf(c.ID)
		subs, err := svgpath.Parse(s.D)
		if err != nil {
			return err
		}
		// Every ring of the path, as degrees, appears once in the file.
		var rings [][][]float64
		for _, p := range ft.Geometry.Coordinates {
			for j, r := range p {
				if len(r) < 4 || !slices.Equal(r[0], r[len(r)-1]) {
					errs = append(errs, fmt.Errorf("%s: a ring is not closed", f.where))
					continue
				}
				if ccw := lonLatArea(r) > 0; ccw != (j == 0) {
					errs = append(errs, fmt.Errorf("%s: ring %d of a polygon: got counter-clockwise %v, want %v (RFC 7946: outer rings counter-clockwise)", f.where, j, ccw, j == 0))
				}
				rings = append(rings, r[:len(r)-1])
			}
		}
		if len(rings) != len(subs) {
			errs = append(errs, fmt.Errorf("%s: got %d rings, want %d (the map's subpaths)", f.where, len(rings), len(subs)))
			continue
		}
		for _, sub := range subs {
			found := false
			for _, r := range rings {
				if len(r) != len(sub.Pts) {
					continue
				}
				match := true
				// The file runs the other way round (outer rings
				// counter-clockwise): its k-th position is the path's
				// (n-1-k)-th point.
				for k, p := range sub.Pts {
					lon, lat := data.LonLat(p.X, p.Y)
					q := r[len(r)-1-k]
					if math.Abs(q[0]-lon) > tol || math.Abs(q[1]-lat) > tol {
						match = false
						break
					}
				}
				if match {
					found = true
					break
				}
			}
			if !found {
				errs = append(errs, fmt.Errorf("%s: a ring of the map's outline (%d points) is missing or moved", f.where, len(sub.Pts)))
			}
		}
	}
	return errors.Join(errs...)
}

// lonLatArea is the shoelace area of an open ring in degrees, positive
// when counter-clockwise (longitude east, latitude north).
func lonLatArea(r [][]float64) float64 {
	a := 0.0
	for i, p := range r {
		q := r[(i+1)%len(r)]
		a += p[0]*q[1] - q[0]*p[1]
	}
	return a / 2
}
