package main

import (
	"fmt"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

// Two unit-10 squares side by side. The border x=10 wiggles by up to 0.2,
// which a tolerance of 0.5 removes; both squares walk it, in opposite
// directions.
var (
	wiggle  = []orb.Point{{10.2, 2}, {9.8, 4}, {10.1, 6}, {9.9, 8}}
	left    = slices.Concat([]orb.Point{{0, 10}, {0, 0}, {10, 0}}, wiggle, []orb.Point{{10, 10}})
	right   = slices.Concat([]orb.Point{{20, 0}, {20, 10}, {10, 10}}, reversed(wiggle), []orb.Point{{10, 0}})
	lowLeft = []orb.Point{{0, 0}, {10, 0}, {10, 5}, {10, 10}, {0, 10}}
	// highRight shares only x=10, 5 ≤ y ≤ 10 with lowLeft: (10, 5) and
	// (10, 10) are T-junctions and must survive although each is
	// collinear with its neighbours in one of the rings.
	highRight = []orb.Point{{10, 5}, {20, 5}, {20, 15}, {10, 15}, {10, 10}}
	island    = []orb.Point{{30, 0}, {35, 0.1}, {40, 0}, {40, 10}, {35, 10}, {30, 10}, {30, 5.2}}
)

func TestTopology(t *testing.T) {
	tests := []struct {
		name          string
		rings         [][]orb.Point
		tol           float64
		wantJunctions []orb.Point // nil: not checked
		wantArcs      int
		want          [][]orb.Point // per ring, up to rotation
		// wantShared lists, per pair of rings, the undirected edges both must have.
		wantShared map[[2]int][][2]orb.Point
	}{
		{
			name:          "two squares sharing a wiggly edge",
			rings:         [][]orb.Point{left, right},
			tol:           0.5,
			wantJunctions: []orb.Point{{10, 0}, {10, 10}},
			wantArcs:      3,
			want: [][]orb.Point{
				{{0, 10}, {0, 0}, {10, 0}, {10, 10}},
				{{20, 0}, {20, 10}, {10, 10}, {10, 0}},
			},
			wantShared: map[[2]int][][2]orb.Point{{0, 1}: {{{10, 0}, {10, 10}}}},
		},
		{
			name:          "two squares sharing a wiggly edge, no simplification",
			rings:         [][]orb.Point{left, right},
			tol:           0.01,
			wantJunctions: []orb.Point{{10, 0}, {10, 10}},
			wantArcs:      3,
			want:          [][]orb.Point{left, right},
			wantShared: map[[2]int][][2]orb.Point{{0, 1}: {
				{{10, 0}, {10.2, 2}}, {{10.2, 2}, {9.8, 4}}, {{9.8, 4}, {10.1, 6}}, {{10.1, 6}, {9.9, 8}}, {{9.9, 8}, {10, 10}},
			}},
		},
		{
			name:          "partly shared edge keeps its T-junctions",
			rings:         [][]orb.Point{lowLeft, highRight},
			tol:           1,
			wantJunctions: []orb.Point{{10, 5}, {10, 10}},
			wantArcs:      3,
			want:          [][]orb.Point{lowLeft, highRight},
			wantShared:    map[[2]int][][2]orb.Point{{0, 1}: {{{10, 5}, {10, 10}}}},
		},
		{
			name:     "island without junctions",
			rings:    [][]orb.Point{island},
			tol:      0.5,
			wantArcs: 2,
			want:     [][]orb.Point{{{30, 0}, {40, 0}, {40, 10}, {30, 10}}},
		},
		{
			name:     "enclave: a hole that is another city's whole outline",
			rings:    [][]orb.Point{island, reversed(island)},
			tol:      0.5,
			wantArcs: 2,
			want: [][]orb.Point{
				{{30, 0}, {40, 0}, {40, 10}, {30, 10}},
				{{30, 10}, {40, 10}, {40, 0}, {30, 0}},
			},
			wantShared: map[[2]int][][2]orb.Point{{0, 1}: {
				{{30, 0}, {40, 0}}, {{40, 0}, {40, 10}}, {{40, 10}, {30, 10}}, {{30, 10}, {30, 0}},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topo := newTopology(tt.rings)
			if tt.wantJunctions != nil {
				var got []orb.Point
				for p := range topo.junctions {
					got = append(got, p)
				}
				slices.SortFunc(got, cmpPoint)
				if !slices.Equal(got, tt.wantJunctions) {
					t.Errorf("junctions: got %v, want %v", got, tt.wantJunctions)
				}
			}
			if len(topo.arcs) != tt.wantArcs {
				t.Errorf("arcs: got %d, want %d", len(topo.arcs), tt.wantArcs)
			}
			got := topo.simplify(tt.tol)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rings, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if !sameRing(got[i], tt.want[i]) {
					t.Errorf("ring %d: got %v, want %v (up to rotation)", i, got[i], tt.want[i])
				}
			}
			for pair, edges := range tt.wantShared {
				a, b := edgeSet(got[pair[0]]), edgeSet(got[pair[1]])
				for _, e := range edges {
					k := undirected(e[0], e[1])
					if !a[k] || !b[k] {
						t.Errorf("edge %v: in ring %d: %t, in ring %d: %t; want in both", e, pair[0], a[k], pair[1], b[k])
					}
				}
			}
		})
	}
}

func TestTopologyKeepsInputIntact(t *testing.T) {
	topo := newTopology([][]orb.Point{left, right})
	before := fmt.Sprint(topo.arcs)
	topo.simplify(5)
	if after := fmt.Sprint(topo.arcs); after != before {
		t.Errorf("simplify changed the arcs: got %s, want %s", after, before)
	}
}

func TestCleanRing(t *testing.T) {
	tests := []struct {
		name string
		in   []gridPoint
		want []gridPoint
	}{
		{"clean", []gridPoint{{0, 0}, {10, 0}, {10, 10}}, []gridPoint{{0, 0}, {10, 0}, {10, 10}}},
		{"repeats", []gridPoint{{0, 0}, {0, 0}, {10, 0}, {10, 10}, {10, 10}, {0, 0}}, []gridPoint{{0, 0}, {10, 0}, {10, 10}}},
		{"spike", []gridPoint{{0, 0}, {10, 0}, {15, 0}, {10, 0}, {10, 10}}, []gridPoint{{0, 0}, {10, 0}, {10, 10}}},
		{"spike across the start", []gridPoint{{20, 0}, {10, 0}, {10, 10}, {0, 10}, {10, 0}}, []gridPoint{{10, 0}, {10, 10}, {0, 10}}},
		{"collapsed", []gridPoint{{0, 0}, {10, 0}, {0, 0}}, []gridPoint{{0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanRing(slices.Clone(tt.in))
			if !sameRing(got, tt.want) {
				t.Errorf("got %v, want %v (up to rotation)", got, tt.want)
			}
		})
	}
}

// sameRing reports whether got is want, possibly starting elsewhere.
func sameRing[P comparable](got, want []P) bool {
	if len(got) != len(want) {
		return false
	}
	for s := range got {
		if slices.Equal(slices.Concat(got[s:], got[:s]), want) {
			return true
		}
	}
	return len(got) == 0
}

func reversed(r []orb.Point) []orb.Point {
	r = slices.Clone(r)
	slices.Reverse(r)
	return r
}

func undirected(a, b orb.Point) [2]orb.Point {
	if less(b, a) {
		a, b = b, a
	}
	return [2]orb.Point{a, b}
}

// edgeSet returns the undirected edges of a ring.
func edgeSet(r []orb.Point) map[[2]orb.Point]bool {
	s := make(map[[2]orb.Point]bool)
	for i, p := range r {
		s[undirected(p, r[(i+1)%len(r)])] = true
	}
	return s
}
