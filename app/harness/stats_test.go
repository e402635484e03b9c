package harness

import (
	"math"
	"testing"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"none", nil, math.NaN()},
		{"one", []float64{7}, 7},
		{"odd, unsorted", []float64{9, 1, 5}, 5},
		{"even: mean of the middle two", []float64{4, 1, 3, 2}, 2.5},
		{"repeated", []float64{2, 2, 2, 9}, 2},
		{"negative", []float64{-3, -1, -2}, -2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]float64(nil), tc.xs...)
			got := Median(tc.xs)
			if !same(got, tc.want) {
				t.Errorf("Median(%v) = %v, want %v", tc.xs, got, tc.want)
			}
			for i := range in {
				if in[i] != tc.xs[i] {
					t.Fatalf("Median changed its input: %v, was %v", tc.xs, in)
				}
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	twenty := make([]float64, 20) // 20, 19, …, 1
	for i := range twenty {
		twenty[i] = float64(20 - i)
	}
	tests := []struct {
		name string
		xs   []float64
		p    float64
		want float64
	}{
		{"none", nil, 50, math.NaN()},
		{"p zero", []float64{1, 2}, 0, math.NaN()},
		{"p over 100", []float64{1, 2}, 101, math.NaN()},
		{"one value", []float64{3}, 95, 3},
		{"p50 of 20 is the 10th", twenty, 50, 10},
		{"p95 of 20 is the 19th", twenty, 95, 19},
		{"p100 is the maximum", twenty, 100, 20},
		{"p1 is the minimum", twenty, 1, 1},
		{"p50 of 4 is the 2nd", []float64{40, 10, 30, 20}, 50, 20},
		{"p95 of 3 is the maximum", []float64{1, 9, 5}, 95, 9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Percentile(tc.xs, tc.p); !same(got, tc.want) {
				t.Errorf("Percentile(%v, %v) = %v, want %v", tc.xs, tc.p, got, tc.want)
			}
		})
	}
}

// same reports whether a and b are equal, NaN equal to NaN.
func same(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b))
}
