package main

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// polylabel returns the pole of inaccessibility of polygon p: the inner
// point farthest from its boundary, to within precision (the polylabel
// algorithm: a best-first search over square cells). Rings must be closed.
func polylabel(p orb.Polygon, precision float64) orb.Point {
	b := p.Bound()
	size := math.Min(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])
	if size == 0 {
		return b.Min
	}
	var q cellQueue
	for x := b.Min[0]; x < b.Max[0]; x += size {
		for y := b.Min[1]; y < b.Max[1]; y += size {
			heap.Push(&q, newCell(orb.Point{x + size/2, y + size/2}, size/2, p))
		}
	}
	centroid, _ := planar.CentroidArea(p)
	best := newCell(centroid, 0, p)
	if c := newCell(b.Center(), 0, p); c.dist > best.dist {
		best = c
	}
	for q.Len() > 0 {
		c := heap.Pop(&q).(cell)
		if c.dist > best.dist {
			best = c
		}
		if c.max-best.dist <= precision {
			continue
		}
		h := c.half / 2
		for _, d := range [4][2]float64{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
			heap.Push(&q, newCell(orb.Point{c.center[0] + d[0]*h, c.center[1] + d[1]*h}, h, p))
		}
	}
	return best.center
}

// cell is a square search cell of polylabel.
type cell struct {
	center orb.Point
	half   float64 // half the side
	dist   float64 // signed distance from center to the boundary, positive inside
	max    float64 // the largest distance any point in the cell can have
}

func newCell(center orb.Point, half float64, p orb.Polygon) cell {
	d := planar.DistanceFrom(p, center)
	if !planar.PolygonContains(p, center) {
		d = -d
	}
	return cell{center: center, half: half, dist: d, max: d + half*math.Sqrt2}
}

// cellQueue is a max-heap of cells by their potential distance.
type cellQueue []cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}
