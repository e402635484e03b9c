package main

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// A topology holds rings cut into arcs at junctions. An arc shared by two
// rings is stored once, so simplifying it once changes both rings alike.
//
// Rings are open: the closing point is not repeated, and no two consecutive
// points are equal. Points that are meant to coincide must be bit-identical.
type topology struct {
	junctions map[orb.Point]bool
	arcs      [][]orb.Point // in canonical direction, both ends junctions
	rings     [][]arcRef    // per input ring, the arcs in ring order
}

// arcRef names an arc of a topology as one ring walks it.
type arcRef struct {
	arc      int
	reversed bool
}

// newTopology cuts rings into arcs.
func newTopology(rings [][]orb.Point) *topology {
	t := &topology{junctions: findJunctions(rings)}
	index := make(map[string]int)
	for _, r := range rings {
		t.rings = append(t.rings, t.cut(r, index))
	}
	return t
}

// findJunctions returns the points where arcs must end: a point is a
// junction if the rings through it do not all pass it between the same two
// neighbours (so the set of rings sharing the boundary changes there, or a
// ring touches itself). Each ring gets at least two distinct junctions, so
// that every arc has two different ends; for rings without any, the
// choice depends only on the ring's points, so identical rings agree.
func findJunctions(rings [][]orb.Point) map[orb.Point]bool {
	type pair [2]orb.Point
	seen := make(map[orb.Point]pair)
	junc := make(map[orb.Point]bool)
	for _, r := range rings {
		n := len(r)
		for i, p := range r {
			a, b := r[(i+n-1)%n], r[(i+1)%n]
			if less(b, a) {
				a, b = b, a
			}
			nb := pair{a, b}
			if old, ok := seen[p]; !ok {
				seen[p] = nb
			} else if old != nb {
				junc[p] = true
			}
		}
	}
	for _, r := range rings {
		var first orb.Point
		distinct := make(map[orb.Point]bool)
		for _, p := range r {
			if junc[p] {
				if len(distinct) == 0 {
					first = p
				}
				distinct[p] = true
			}
		}
		if len(distinct) == 0 {
			first = slices.MinFunc(r, cmpPoint)
			junc[first] = true
		}
		if len(distinct) < 2 {
			junc[farthest(r, first)] = true
		}
	}
	return junc
}

// farthest returns the point of r farthest from p (the least such point on ties).
func farthest(r []orb.Point, p orb.Point) orb.Point {
	best, bestD := p, -1.0
	for _, q := range r {
		d := planar.DistanceSquared(p, q)
		if d > bestD || d == bestD && less(q, best) {
			best, bestD = q, d
		}
	}
	return best
}

// cut splits ring r into arcs between consecutive junctions, adding new
// arcs to t and index (canonical arc key to arc number).
func (t *topology) cut(r []orb.Point, index map[string]int) []arcRef {
	start := slices.IndexFunc(r, func(p orb.Point) bool { return t.junctions[p] })
	if start < 0 {
		return nil // fewer than 3 points; findJunctions marks every other ring
	}
	var refs []arcRef
	arc := []orb.Point{r[start]}
	for k := 1; k <= len(r); k++ {
		p := r[(start+k)%len(r)]
		arc = append(arc, p)
		if t.junctions[p] {
			refs = append(refs, t.add(arc, index))
			arc = []orb.Point{p}
		}
	}
	return refs
}

// add returns the reference to arc, storing it first if it is new. The
// stored direction is the lexicographically smaller of the two.
func (t *topology) add(arc []orb.Point, index map[string]int) arcRef {
	rev := slices.Clone(arc)
	slices.Reverse(rev)
	reversed := slices.CompareFunc(rev, arc, cmpPoint) < 0
	if reversed {
		arc = rev
	}
	key := arcKey(arc)
	i, ok := index[key]
	if !ok {
		i = len(t.arcs)
		index[key] = i
		t.arcs = append(t.arcs, slices.Clone(arc))
	}
	return arcRef{arc: i, reversed: reversed}
}

// simplify returns the rings with every arc simplified by Douglas-Peucker
// with tolerance tol. Arc ends (the junctions) always stay.
func (t *topology) simplify(tol float64) [][]orb.Point {
	dp := simplify.DouglasPeucker(tol)
	arcs := make([][]orb.Point, len(t.arcs))
	for i, a := range t.arcs {
		arcs[i] = dp.LineString(orb.LineString(a).Clone())
	}
	out := make([][]orb.Point, len(t.rings))
	for i, refs := range t.rings {
		var r []orb.Point
		for _, ref := range refs {
			a := arcs[ref.arc]
			if ref.reversed {
				for j := len(a) - 2; j >= 0; j-- {
					r = append(r, a[j])
				}
			} else {
				r = append(r, a[1:]...)
			}
		}
		out[i] = r
	}
	return out
}

// pointCount returns the number of distinct arc points (each shared
// boundary counted once).
func (t *topology) pointCount() int {
	n := 0
	for _, a := range t.arcs {
		n += len(a) - 1
	}
	return n
}

// arcKey encodes the exact coordinates of an arc.
func arcKey(arc []orb.Point) string {
	b := make([]byte, 0, 16*len(arc))
	for _, p := range arc {
		for _, v := range p {
			u := math.Float64bits(v)
			for s := 0; s < 64; s += 8 {
				b = append(b, byte(u>>s))
			}
		}
	}
	return string(b)
}

// cmpPoint orders points by x, then y.
func cmpPoint(a, b orb.Point) int {
	switch {
	case a[0] < b[0]:
		return -1
	case a[0] > b[0]:
		return 1
	case a[1] < b[1]:
		return -1
	case a[1] > b[1]:
		return 1
	}
	return 0
}

// less reports whether a orders before b.
func less(a, b orb.Point) bool { return cmpPoint(a, b) < 0 }
