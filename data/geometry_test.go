package data

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/data/svgpath"
)

var update = flag.Bool("update", false, "rewrite testdata/geometry.golden.json from the current shapes")

const goldenPath = "testdata/geometry.golden.json"

// cityIDs are the 13 stable city ids the map must have.
var cityIDs = []string{
	"nanjing", "wuxi", "xuzhou", "changzhou", "suzhou", "nantong", "lianyungang",
	"huaian", "yancheng", "yangzhou", "zhenjiang", "taizhou", "suqian",
}

func TestShapeOf(t *testing.T) {
	for _, id := range cityIDs {
		t.Run(id, func(t *testing.T) {
			s, ok := ShapeOf(id)
			if !ok {
				t.Fatalf("ShapeOf(%q): got ok false, want true", id)
			}
			if s.D == "" {
				t.Fatalf("ShapeOf(%q).D: got empty, want path data", id)
			}
			if s.LabelX <= 0 || s.LabelX >= MapWidth || s.LabelY <= 0 || s.LabelY >= MapHeight {
				t.Errorf("label: got (%g, %g), want inside the viewBox %s", s.LabelX, s.LabelY, ViewBox())
			}
			rings := mustParsePath(t, s.D)
			if !insideEvenOdd(rings, vec{s.LabelX, s.LabelY}) {
				t.Errorf("label: got (%g, %g), want a point inside the outline", s.LabelX, s.LabelY)
			}
		})
	}
}

func TestShapeOfUnknown(t *testing.T) {
	for _, id := range []string{"", "Suzhou", "苏州", "shanghai"} {
		t.Run(id, func(t *testing.T) {
			if s, ok := ShapeOf(id); ok {
				t.Errorf("ShapeOf(%q): got %v, true; want false", id, s)
			}
		})
	}
}

func TestGeometryViewBox(t *testing.T) {
	want := fmt.Sprintf("0 0 %g %g", float64(MapWidth), float64(MapHeight))
	if got := ViewBox(); got != want {
		t.Errorf("ViewBox(): got %q, want %q", got, want)
	}
	if MapWidth != 1000 {
		t.Errorf("MapWidth: got %g, want 1000", float64(MapWidth))
	}
	if MapHeight < 500 || MapHeight > 1500 {
		t.Errorf("MapHeight: got %g, want a height near Jiangsu's aspect ratio (500..1500)", float64(MapHeight))
	}
}

func TestGeometrySize(t *testing.T) {
	if len(shapes) != len(cityIDs) {
		t.Errorf("shapes: got %d cities, want %d", len(shapes), len(cityIDs))
	}
	total := 0
	for _, s := range shapes {
		total += len(s.D)
	}
	if total > 40960 {
		t.Errorf("path data: got %d bytes, want at most 40960", total)
	}
}

func TestGeometryPaths(t *testing.T) {
	for _, id := range cityIDs {
		t.Run(id, func(t *testing.T) {
			s, _ := ShapeOf(id)
			rings := mustParsePath(t, s.D)
			if want := strings.Count(strings.ToLower(s.D), "m"); len(rings) != want {
				t.Errorf("got %d subpaths, want one per moveto (%d)", len(rings), want)
			}
			b := bounds(rings)
			if b.minX < 0 || b.minY < 0 || b.maxX > MapWidth || b.maxY > MapHeight {
				t.Errorf("bounding box: got %v, want within the viewBox %s", b, ViewBox())
			}
			if a := area(rings); a <= 0 {
				t.Errorf("area: got %g, want > 0 (outer rings clockwise on screen)", a)
			}
			for i, r := range rings {
				if len(r) < 3 {
					t.Errorf("subpath %d: got %d points, want at least 3", i, len(r))
				}
			}
		})
	}
}

// TestGeometryNeighbours checks that the simplification kept shared borders
// shared: neighbouring outlines have the same vertices and edges along their
// whole common border, which stays in one unbroken piece (so the number of
// shared vertices is one more than the number of shared edges), while
// distant cities have nothing in common.
func TestGeometryNeighbours(t *testing.T) {
	tests := []struct {
		a, b   string
		pieces int // separate pieces of common border; 0 for cities that do not touch
	}{
		{"suzhou", "wuxi", 1},
		{"nanjing", "zhenjiang", 1},
		{"yangzhou", "taizhou", 1},
		{"nantong", "taizhou", 1},
		{"xuzhou", "suqian", 1},
		{"huaian", "yancheng", 1},
		{"lianyungang", "suqian", 1},
		{"changzhou", "wuxi", 1},
		{"xuzhou", "suzhou", 0},
		{"nanjing", "nantong", 0},
		{"lianyungang", "wuxi", 0},
	}
	for _, tt := range tests {
		t.Run(tt.a+"-"+tt.b, func(t *testing.T) {
			a, b := vertexGraph(t, tt.a), vertexGraph(t, tt.b)
			vertices, edges := 0, 0
			for e := range a.edges {
				if b.edges[e] {
					edges++
				}
			}
			for p := range a.vertices {
				if b.vertices[p] {
					vertices++
				}
			}
			if tt.pieces == 0 {
				if vertices > 0 {
					t.Errorf("got %d shared vertices, want 0", vertices)
				}
				return
			}
			if edges < 5 {
				t.Errorf("got %d shared edges, want at least 5", edges)
			}
			if got := vertices - edges; got != tt.pieces {
				t.Errorf("got %d shared vertices and %d shared edges, so %d pieces of border; want %d",
					vertices, edges, got, tt.pieces)
			}
		})
	}
}

// goldenShape is what the golden file records about a city.
type goldenShape struct {
	MinX, MinY, MaxX, MaxY float64
	Area                   float64
	LabelX, LabelY         float64
}

// TestGeometryGolden compares each city's bounding box, area and label with
// testdata/geometry.golden.json, within 0.5% (of the map width for positions,
// of the area for areas). Run `go test ./data/ -run Golden -update` after an
// intended change. On failure it writes an SVG of the map for a look.
func TestGeometryGolden(t *testing.T) {
	got := make(map[string]goldenShape)
	for _, id := range cityIDs {
		s, _ := ShapeOf(id)
		rings := mustParsePath(t, s.D)
		b := bounds(rings)
		got[id] = goldenShape{
			MinX: round1(b.minX), MinY: round1(b.minY), MaxX: round1(b.maxX), MaxY: round1(b.maxY),
			Area:   math.Round(area(rings)),
			LabelX: s.LabelX, LabelY: s.LabelY,
		}
	}
	if *update {
		raw, err := json.MarshalIndent(got, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPath, append(raw, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	var want map[string]goldenShape
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %v", goldenPath, err)
	}
	if len(want) != len(got) {
		t.Errorf("golden cities: got %d, want %d", len(got), len(want))
	}
	const rel = 0.005
	for _, id := range cityIDs {
		t.Run(id, func(t *testing.T) {
			g, w := got[id], want[id]
			for _, f := range []struct {
				name      string
				got, want float64
				tol       float64
			}{
				{"MinX", g.MinX, w.MinX, rel * MapWidth},
				{"MinY", g.MinY, w.MinY, rel * MapWidth},
				{"MaxX", g.MaxX, w.MaxX, rel * MapWidth},
				{"MaxY", g.MaxY, w.MaxY, rel * MapWidth},
				{"LabelX", g.LabelX, w.LabelX, rel * MapWidth},
				{"LabelY", g.LabelY, w.LabelY, rel * MapWidth},
				{"Area", g.Area, w.Area, rel * w.Area},
			} {
				if math.Abs(f.got-f.want) > f.tol {
					t.Errorf("%s: got %g, want %g ± %.3g", f.name, f.got, f.want, f.tol)
				}
			}
		})
	}
	if t.Failed() {
		path := writeFailureSVG(t, want)
		t.Logf("map written to %s (dashed boxes: golden bounding boxes, circles: golden labels)", path)
	}
}

// writeFailureSVG draws the current map with the golden boxes and labels
// into a file that outlives the test, and returns its path.
func writeFailureSVG(t *testing.T, want map[string]goldenShape) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=%q width=\"%g\" height=\"%g\">\n",
		ViewBox(), float64(MapWidth), float64(MapHeight))
	for i, id := range cityIDs {
		s, _ := ShapeOf(id)
		w := want[id]
		fmt.Fprintf(&b, "<path d=%q fill=\"hsl(%d 60%% 70%%)\" stroke=\"#333\" stroke-width=\".3\"/>\n", s.D, i*360/len(cityIDs))
		fmt.Fprintf(&b, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"none\" stroke=\"red\" stroke-dasharray=\"4\"/>\n",
			w.MinX, w.MinY, w.MaxX-w.MinX, w.MaxY-w.MinY)
		fmt.Fprintf(&b, "<circle cx=\"%g\" cy=\"%g\" r=\"4\" fill=\"none\" stroke=\"red\"/>", w.LabelX, w.LabelY)
		fmt.Fprintf(&b, "<text x=\"%g\" y=\"%g\" font-size=\"14\" text-anchor=\"middle\">%s</text>\n", s.LabelX, s.LabelY, id)
	}
	b.WriteString("</svg>\n")
	dir, err := os.MkdirTemp("", "jsmap-geometry-")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "geometry.fail.svg")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// vec is a point in map coordinates.
type vec struct{ x, y float64 }

// mustParsePath parses path data as cmd/mapgen writes it (closed rings
// only) or fails the test.
func mustParsePath(t *testing.T, d string) [][]vec {
	t.Helper()
	subs, err := svgpath.Parse(d)
	if err != nil {
		t.Fatalf("parsing path data: %v", err)
	}
	if len(subs) == 0 {
		t.Fatalf("parsing path data: got no subpaths, want at least one")
	}
	rings := make([][]vec, len(subs))
	for i, sp := range subs {
		if !sp.Closed {
			t.Errorf("subpath %d is not closed, want closed rings only", i)
		}
		for _, p := range sp.Pts {
			rings[i] = append(rings[i], vec{p.X, p.Y})
		}
	}
	return rings
}

// box is a bounding box.
type box struct{ minX, minY, maxX, maxY float64 }

func bounds(rings [][]vec) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, r := range rings {
		for _, p := range r {
			b.minX, b.maxX = math.Min(b.minX, p.x), math.Max(b.maxX, p.x)
			b.minY, b.maxY = math.Min(b.minY, p.y), math.Max(b.maxY, p.y)
		}
	}
	return b
}

// area returns the signed area of all rings together (positive for
// clockwise rings on screen, where y grows downwards).
func area(rings [][]vec) float64 {
	a := 0.0
	for _, r := range rings {
		for i, p := range r {
			q := r[(i+1)%len(r)]
			a += p.x*q.y - q.x*p.y
		}
	}
	return a / 2
}

// insideEvenOdd reports whether p is inside the rings under the even-odd rule.
func insideEvenOdd(rings [][]vec, p vec) bool {
	in := false
	for _, r := range rings {
		for i, a := range r {
			b := r[(i+1)%len(r)]
			if (a.y > p.y) != (b.y > p.y) && p.x < a.x+(p.y-a.y)*(b.x-a.x)/(b.y-a.y) {
				in = !in
			}
		}
	}
	return in
}

// grid is a vertex on the 0.1-unit grid cmd/mapgen writes.
type grid struct{ x, y int64 }

// graph is the set of vertices and undirected edges of an outline.
type graph struct {
	vertices map[grid]bool
	edges    map[[2]grid]bool
}

func vertexGraph(t *testing.T, id string) graph {
	t.Helper()
	s, ok := ShapeOf(id)
	if !ok {
		t.Fatalf("ShapeOf(%q): got ok false, want true", id)
	}
	g := graph{vertices: make(map[grid]bool), edges: make(map[[2]grid]bool)}
	for _, r := range mustParsePath(t, s.D) {
		for i, p := range r {
			a := snap(p)
			b := snap(r[(i+1)%len(r)])
			g.vertices[a] = true
			if b.x < a.x || b.x == a.x && b.y < a.y {
				a, b = b, a
			}
			g.edges[[2]grid{a, b}] = true
		}
	}
	return g
}

// snap undoes the rounding error that summing relative coordinates adds.
func snap(p vec) grid { return grid{int64(math.Round(p.x * 10)), int64(math.Round(p.y * 10))} }

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// TestGeometryOverlap scans the map line by line and checks that no two
// cities overlap: where neighbours were simplified apart, one would cover
// part of the other (and a gap would open next to it).
func TestGeometryOverlap(t *testing.T) {
	const step = 0.25 // between scan lines
	outlines := make(map[string][][]vec)
	boxes := make(map[string]box)
	for _, id := range cityIDs {
		s, _ := ShapeOf(id)
		outlines[id] = mustParsePath(t, s.D)
		boxes[id] = bounds(outlines[id])
	}
	for i, a := range cityIDs {
		for _, b := range cityIDs[i+1:] {
			y0 := math.Max(boxes[a].minY, boxes[b].minY)
			y1 := math.Min(boxes[a].maxY, boxes[b].maxY)
			overlap := 0.0
			// The odd offset keeps scan lines off the 0.1-unit grid of the vertices.
			for y := math.Floor(y0) + 0.0371; y < y1; y += step {
				overlap += overlapLength(spans(outlines[a], y), spans(outlines[b], y)) * step
			}
			if overlap > 0.01 {
				t.Errorf("%s and %s: got an overlap of about %.2f square units, want none", a, b, overlap)
			}
		}
	}
}

// spans returns where the horizontal line at y is inside the rings (even-odd
// rule), as sorted pairs of x: inside from xs[0] to xs[1], xs[2] to xs[3]...
func spans(rings [][]vec, y float64) []float64 {
	var xs []float64
	for _, r := range rings {
		for i, a := range r {
			b := r[(i+1)%len(r)]
			if (a.y > y) != (b.y > y) {
				xs = append(xs, a.x+(y-a.y)*(b.x-a.x)/(b.y-a.y))
			}
		}
	}
	slices.Sort(xs)
	return xs
}

// overlapLength returns the total length that two span lists share.
func overlapLength(a, b []float64) float64 {
	total := 0.0
	for i, j := 0, 0; i+1 < len(a) && j+1 < len(b); {
		lo, hi := math.Max(a[i], b[j]), math.Min(a[i+1], b[j+1])
		if hi > lo {
			total += hi - lo
		}
		if a[i+1] < b[j+1] {
			i += 2
		} else {
			j += 2
		}
	}
	return total
}

// TestLonLat checks the inverse projection against places whose position is
// known: each city's label point lies inside the city, so it must fall in
// the city's rough extent in degrees, and the map's corners in Jiangsu's.
func TestLonLat(t *testing.T) {
	// Rough extents (west, south, east, north) around each city seat.
	tests := []struct {
		id                       string
		west, south, east, north float64
	}{
		{"nanjing", 118.3, 31.2, 119.3, 32.7},
		{"suzhou", 119.9, 30.7, 121.4, 32.1},
		{"xuzhou", 116.3, 33.7, 118.7, 34.9},
		{"lianyungang", 118.4, 34.0, 119.9, 35.1},
		{"yancheng", 119.4, 32.8, 120.9, 34.5},
	}
	for _, tc := range tests {
		s, _ := ShapeOf(tc.id)
		lon, lat := LonLat(s.LabelX, s.LabelY)
		if lon < tc.west || lon > tc.east || lat < tc.south || lat > tc.north {
			t.Errorf("%s: LonLat(label) = (%.3f, %.3f), want within lon %g..%g, lat %g..%g", tc.id, lon, lat, tc.west, tc.east, tc.south, tc.north)
		}
	}
	// Jiangsu spans about 116.3°E to 121.9°E and 30.7°N to 35.2°N; the map
	// has a margin around it.
	w, n := LonLat(0, 0)
	e, s := LonLat(MapWidth, MapHeight)
	if w > 116.4 || w < 116 || e < 121.8 || e > 122.2 || n < 35.1 || n > 35.5 || s > 30.8 || s < 30.4 {
		t.Errorf("map corners: got (%.3f, %.3f)–(%.3f, %.3f), want about (116.3, 35.2)–(121.9, 30.7) with a margin", w, n, e, s)
	}
}
