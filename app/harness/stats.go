package harness

import (
	"math"
	"sort"
)

// Median returns the middle value of xs, or the mean of the two middle
// values when there is an even number of them; NaN for no values. It does
// not change xs.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := sorted(xs)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of xs by the
// nearest-rank method: the smallest value such that at least p percent of
// the values are less than or equal to it. So the 95th percentile of 20
// samples is the 19th smallest, and every result is a measured value. It is
// NaN for no values or p out of range, and does not change xs.
func Percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 || !(p > 0 && p <= 100) {
		return math.NaN()
	}
	s := sorted(xs)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[rank-1]
}

func sorted(xs []float64) []float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s
}
