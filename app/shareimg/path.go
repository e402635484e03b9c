//go:build !wasm

package shareimg

import "github.com/jiangsu-map/jsmap/data/svgpath"

// point is a position in map units (or, after transform, in pixels).
type point struct{ X, Y float64 }

// subpath is one polyline of a city's outline: a ring when Closed.
type subpath struct {
	Pts    []point
	Closed bool
}

// parsePath reads a city's outline as cmd/mapgen writes it.
func parsePath(d string) ([]subpath, error) {
	subs, err := svgpath.Parse(d)
	if err != nil {
		return nil, err
	}
	out := make([]subpath, len(subs))
	for i, s := range subs {
		out[i].Closed = s.Closed
		for _, p := range s.Pts {
			out[i].Pts = append(out[i].Pts, point(p))
		}
	}
	return out, nil
}
