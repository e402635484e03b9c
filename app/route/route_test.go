package route

import (
	"testing"

	"github.com/jiangsu-map/jsmap/data"
)

func TestParse(t *testing.T) {
	tests := []struct {
		path string
		want State
	}{
		{"/", State{Lang: data.Zh}},
		{"", State{Lang: data.Zh}},
		{"/en/", State{Lang: data.En}},
		{"/en", State{Lang: data.En}},
		{"/city/suzhou", State{Lang: data.Zh, City: "suzhou"}},
		{"/city/suzhou/", State{Lang: data.Zh, City: "suzhou"}},
		{"/en/city/yancheng", State{Lang: data.En, City: "yancheng"}},
		{"/city/atlantis", State{Lang: data.Zh, NotFound: true}},
		{"/en/city/atlantis", State{Lang: data.En, NotFound: true}},
		{"/city/Suzhou", State{Lang: data.Zh, NotFound: true}},
		{"/city/", State{Lang: data.Zh, NotFound: true}},
		{"/city/../../etc", State{Lang: data.Zh, NotFound: true}},
		{"/english", State{Lang: data.Zh, NotFound: true}},
		{"/404", State{Lang: data.Zh, NotFound: true}},
		{"/en/404", State{Lang: data.En, NotFound: true}},
		{"/city/suzhou/extra", State{Lang: data.Zh, NotFound: true}},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			if got := Parse(tc.path); got != tc.want {
				t.Errorf("Parse(%q) = %+v, want %+v", tc.path, got, tc.want)
			}
		})
	}
}

func TestPathRoundTrip(t *testing.T) {
	for _, p := range Pages() {
		s := Parse(p)
		if s.NotFound {
			t.Errorf("Parse(%q) is not found", p)
		}
		if got := s.Path(); got != p {
			t.Errorf("Parse(%q).Path() = %q, want %q", p, got, p)
		}
	}
	if got, want := len(Pages()), 2*(1+len(data.IDs())); got != want {
		t.Errorf("len(Pages()) = %d, want %d", got, want)
	}
}

func TestNotFoundPath(t *testing.T) {
	for _, l := range data.Langs {
		s := Parse(NotFoundPath(l))
		if !s.NotFound || s.Lang != l {
			t.Errorf("Parse(NotFoundPath(%q)) = %+v, want not found in %q", l, s, l)
		}
	}
}
