package svgpath

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		d    string
		want []Subpath
	}{
		{
			name: "empty",
			d:    "",
			want: nil,
		},
		{
			name: "relative moveto with implicit linetos",
			d:    "m10 20 5 0 0 5z",
			want: []Subpath{{Pts: []Point{{10, 20}, {15, 20}, {15, 25}}, Closed: true}},
		},
		{
			name: "compact separators",
			d:    "m1.5-2-3.2.4.5.5z",
			want: []Subpath{{Pts: []Point{{1.5, -2}, {-1.7, -1.6}, {-1.2, -1.1}}, Closed: true}},
		},
		{
			name: "absolute with commas and spaces",
			d:    "M 1,2 L 3,4 5 6 Z",
			want: []Subpath{{Pts: []Point{{1, 2}, {3, 4}, {5, 6}}, Closed: true}},
		},
		{
			name: "absolute moveto with implicit absolute linetos",
			d:    "M1 1 2 2 3 1z",
			want: []Subpath{{Pts: []Point{{1, 1}, {2, 2}, {3, 1}}, Closed: true}},
		},
		{
			name: "h and v, both cases",
			d:    "M0 0h10v10H0V5z",
			want: []Subpath{{Pts: []Point{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5}}, Closed: true}},
		},
		{
			name: "implicit repeats of h and l",
			d:    "m0 0h1 2l1 1 1 1",
			want: []Subpath{{Pts: []Point{{0, 0}, {1, 0}, {3, 0}, {4, 1}, {5, 2}}}},
		},
		{
			name: "second relative moveto is relative to the closed subpath's start",
			d:    "m10 10 10 0 0 10zm5 5 1 0 0 1z",
			want: []Subpath{
				{Pts: []Point{{10, 10}, {20, 10}, {20, 20}}, Closed: true},
				{Pts: []Point{{15, 15}, {16, 15}, {16, 16}}, Closed: true},
			},
		},
		{
			name: "lineto after closepath starts at the subpath start",
			d:    "M1 1 5 1 5 5zl2 0",
			want: []Subpath{
				{Pts: []Point{{1, 1}, {5, 1}, {5, 5}}, Closed: true},
				{Pts: []Point{{1, 1}, {3, 1}}},
			},
		},
		{
			name: "unclosed subpath",
			d:    "M0 0 1 0 1 1",
			want: []Subpath{{Pts: []Point{{0, 0}, {1, 0}, {1, 1}}}},
		},
		{
			name: "exponents and plus signs",
			d:    "M1e1+2E-1L.5e+1 0",
			want: []Subpath{{Pts: []Point{{10, 0.2}, {5, 0}}}},
		},
		{
			name: "leading and trailing whitespace",
			d:    "\n\tM0 0 1 1 \r\n",
			want: []Subpath{{Pts: []Point{{0, 0}, {1, 1}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.d)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.d, err)
			}
			if !samePaths(got, tt.want) {
				t.Errorf("Parse(%q) =\n  %v\nwant\n  %v", tt.d, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, d, want string
	}{
		{"number before any command", "10 20", "before any command"},
		{"odd coordinate count", "m1 2 3", "missing number"},
		{"lone sign", "m1 -", "bad number"},
		{"lone point", "M1 . ", "bad number"},
		{"number after closepath", "m0 0 1 1z 2 2", "after closepath"},
		{"curve", "M0 0C1 1 2 2 3 3", "unsupported command"},
		{"arc", "m0 0a1 1 0 0 1 2 2", "unsupported command"},
		{"garbage", "m0 0 #", "unexpected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.d)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want an error", tt.d, got)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q) error %q, want it to mention %q", tt.d, err, tt.want)
			}
		})
	}
}

func samePaths(a, b []Subpath) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Closed != b[i].Closed || len(a[i].Pts) != len(b[i].Pts) {
			return false
		}
		for j, p := range a[i].Pts {
			q := b[i].Pts[j]
			if math.Abs(p.X-q.X) > 1e-9 || math.Abs(p.Y-q.Y) > 1e-9 {
				return false
			}
		}
	}
	return true
}
