package main

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v        int64
		decimals int
		want     string
	}{
		{0, 0, "0"},
		{-7, 0, "-7"},
		{123, 0, "123"},
		{0, 1, "0"},
		{5, 1, ".5"},
		{-5, 1, "-.5"},
		{10, 1, "1"},
		{-125, 1, "-12.5"},
		{1230, 1, "123"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := formatNumber(tt.v, tt.decimals); got != tt.want {
				t.Errorf("formatNumber(%d, %d): got %q, want %q", tt.v, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestPathData(t *testing.T) {
	tests := []struct {
		name     string
		rings    [][]gridPoint
		decimals int
		want     string
	}{
		{
			name:     "one ring, integers",
			rings:    [][]gridPoint{{{10, 20}, {30, 20}, {30, 5}}},
			decimals: 0,
			want:     "m10 20 20 0 0-15z",
		},
		{
			name:     "separators only where needed",
			rings:    [][]gridPoint{{{100, 200}, {105, 195}, {110, 200}, {100, 210}}},
			decimals: 1,
			want:     "m10 20 .5-.5.5.5-1 1z",
		},
		{
			name:     "second ring moves relative to the first ring's start",
			rings:    [][]gridPoint{{{10, 10}, {20, 10}, {20, 20}}, {{50, 10}, {60, 10}, {60, 20}}},
			decimals: 0,
			want:     "m10 10 10 0 0 10zm40 0 10 0 0 10z",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pathData(tt.rings, tt.decimals); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPolylabel(t *testing.T) {
	// A U shape, whose centroid lies in the gap between its arms.
	u := orb.Polygon{{{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}, {0, 0}}}
	square := orb.Polygon{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}
	tests := []struct {
		name    string
		poly    orb.Polygon
		minDist float64 // the label's least distance from the boundary
	}{
		{"square", square, 4.5},
		{"U shape", u, 4.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := polylabel(tt.poly, 0.1)
			if !planar.PolygonContains(tt.poly, p) {
				t.Fatalf("got %v, want a point inside", p)
			}
			if d := planar.DistanceFrom(tt.poly, p); d < tt.minDist || math.IsNaN(d) {
				t.Errorf("got %v at distance %.2f from the boundary, want at least %g", p, d, tt.minDist)
			}
		})
	}
}
