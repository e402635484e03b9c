package main

import (
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// cityShape is one city's generated outline.
type cityShape struct {
	ID     string
	D      string    // SVG path data
	Label  orb.Point // inside the largest polygon, in map units
	Points int       // vertices in D
}

// ringInfo says where a ring of the topology belongs.
type ringInfo struct {
	city int // index into the map's ids
	poly int // polygon number within the city
	hole bool
}

// projectedMap is the projected, topology-aware input of all cities.
type projectedMap struct {
	ids           []string
	width, height float64
	// proj maps Web Mercator metres to map units (see generate).
	proj         projection
	decimals     int
	minArea      float64
	info         []ringInfo
	topo         *topology
	sourcePoints int
}

// newMap projects the cities with Web Mercator onto a map cfg.width units
// wide, north up, with cfg.margin on every side (the height is rounded up to
// a whole unit and the slack shared between top and bottom), and builds the
// topology of all rings.
func newMap(geoms []cityGeom, cfg config) *projectedMap {
	bound := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, g := range geoms {
		bound = bound.Union(project.MultiPolygon(g.shape.Clone(), project.WGS84.ToMercator).Bound())
	}
	scale := (cfg.width - 2*cfg.margin) / (bound.Max[0] - bound.Min[0])
	height := math.Ceil((bound.Max[1]-bound.Min[1])*scale + 2*cfg.margin)
	top := (height - (bound.Max[1]-bound.Min[1])*scale) / 2
	toMap := func(p orb.Point) orb.Point {
		m := project.WGS84.ToMercator(p)
		return orb.Point{cfg.margin + (m[0]-bound.Min[0])*scale, top + (bound.Max[1]-m[1])*scale}
	}

	pm := &projectedMap{width: cfg.width, height: height, decimals: cfg.decimals, minArea: cfg.minArea,
		proj: projection{minX: bound.Min[0], maxY: bound.Max[1], scale: scale, left: cfg.margin, top: top}}
	var rings [][]orb.Point
	for ci, g := range geoms {
		pm.ids = append(pm.ids, g.id)
		for pi, poly := range g.shape {
			for ri, ring := range poly {
				pm.sourcePoints += len(ring)
				r := openRing(ring, toMap)
				if len(r) < 3 {
					continue
				}
				rings = append(rings, r)
				pm.info = append(pm.info, ringInfo{city: ci, poly: pi, hole: ri > 0})
			}
		}
	}
	pm.topo = newTopology(rings)
	return pm
}

// projection is the affine step from Web Mercator metres to map units:
// x = left + (mx-minX)*scale, y = top + (maxY-my)*scale. It is written into
// the generated file so that the map's outlines can be turned back into
// longitude and latitude (data.LonLat, for the GeoJSON download).
type projection struct {
	minX, maxY, scale, left, top float64
}

// openRing projects a ring, dropping the closing point and repeated points.
func openRing(r orb.Ring, proj orb.Projection) []orb.Point {
	var out []orb.Point
	for _, p := range r {
		q := proj(p)
		if len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	for len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// fitTolerance returns the smallest tolerance (to 0.1%) whose path data
// fits in target bytes.
func (m *projectedMap) fitTolerance(target int) (float64, error) {
	lo, hi := 0.01, 20.0
	if m.size(hi) > target {
		return 0, fmt.Errorf("path data does not fit in %d bytes even at tolerance %g", target, hi)
	}
	if m.size(lo) <= target {
		return lo, nil
	}
	for hi-lo > hi*0.001 {
		mid := (lo + hi) / 2
		if m.size(mid) > target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi, nil
}

// size returns the total path bytes at tolerance tol.
func (m *projectedMap) size(tol float64) int {
	n := 0
	for _, s := range m.render(tol) {
		n += len(s.D)
	}
	return n
}

// render simplifies the map with tolerance tol and returns each city's shape.
func (m *projectedMap) render(tol float64) []cityShape {
	unit := math.Pow(10, float64(m.decimals))
	minArea2 := 2 * m.minArea * unit * unit // rings' doubled areas are in grid units
	rings := m.topo.simplify(tol)

	// polys[city][poly] holds the outer ring first, then the holes.
	polys := make([][][][]gridPoint, len(m.ids))
	polyIndex := make([]map[int]int, len(m.ids))
	for i, r := range rings {
		info := m.info[i]
		g := cleanRing(quantize(r, unit))
		if len(g) < 3 || float64(abs(area2(g))) < minArea2 {
			continue // collapsed, or too small to see
		}
		// Outer rings run clockwise on screen (positive area, y down); holes the other way.
		if (area2(g) > 0) == info.hole {
			reverse(g)
		}
		if polyIndex[info.city] == nil {
			polyIndex[info.city] = make(map[int]int)
		}
		k, ok := polyIndex[info.city][info.poly]
		if !ok {
			if info.hole {
				continue // its outer ring was dropped
			}
			k = len(polys[info.city])
			polyIndex[info.city][info.poly] = k
			polys[info.city] = append(polys[info.city], nil)
		}
		polys[info.city][k] = append(polys[info.city][k], g)
	}

	shapes := make([]cityShape, len(m.ids))
	for ci, id := range m.ids {
		s := cityShape{ID: id}
		var rs [][]gridPoint
		var largest orb.Polygon
		largestArea := math.Inf(-1)
		for _, p := range polys[ci] {
			rs = append(rs, p...)
			var a int64
			poly := make(orb.Polygon, len(p))
			for j, r := range p {
				a += area2(r)
				poly[j] = toRing(r, unit)
				s.Points += len(r)
			}
			if float64(a) > largestArea {
				largest, largestArea = poly, float64(a)
			}
		}
		s.D = pathData(rs, m.decimals)
		if largest != nil {
			l := polylabel(largest, 0.5)
			s.Label = orb.Point{math.Round(l[0]*10) / 10, math.Round(l[1]*10) / 10}
		}
		shapes[ci] = s
	}
	return shapes
}

// gridPoint is a point in map units times 10^decimals.
type gridPoint struct{ x, y int64 }

// quantize rounds a ring onto the grid of 1/unit map units.
func quantize(r []orb.Point, unit float64) []gridPoint {
	g := make([]gridPoint, len(r))
	for i, p := range r {
		g[i] = gridPoint{int64(math.Round(p[0] * unit)), int64(math.Round(p[1] * unit))}
	}
	return g
}

// cleanRing removes repeated points and spikes (a, b, a) from a ring,
// treating it as cyclic. Rings sharing an arc are cleaned alike.
func cleanRing(r []gridPoint) []gridPoint {
	for changed := true; changed && len(r) >= 3; {
		changed = false
		out := make([]gridPoint, 0, len(r))
		for _, p := range r {
			switch n := len(out); {
			case n > 0 && out[n-1] == p:
				changed = true
			case n > 1 && out[n-2] == p:
				out = out[:n-1]
				changed = true
			default:
				out = append(out, p)
			}
		}
		n := len(out)
		switch {
		case n > 1 && out[0] == out[n-1]:
			out = out[:n-1]
			changed = true
		case n >= 4 && (out[n-2] == out[0] || out[n-1] == out[1]):
			// A spike across the start: rotate it into the middle.
			out = slices.Concat(out[2:], out[:2])
			changed = true
		}
		r = out
	}
	return r
}

// area2 returns twice the signed area of ring r (positive when clockwise on screen).
func area2(r []gridPoint) int64 {
	var a int64
	for i, p := range r {
		q := r[(i+1)%len(r)]
		a += p.x*q.y - q.x*p.y
	}
	return a
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func reverse(r []gridPoint) {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
}

// toRing converts a grid ring to a closed orb.Ring in map units.
func toRing(r []gridPoint, unit float64) orb.Ring {
	out := make(orb.Ring, 0, len(r)+1)
	for _, p := range r {
		out = append(out, orb.Point{float64(p.x) / unit, float64(p.y) / unit})
	}
	return append(out, out[0])
}
