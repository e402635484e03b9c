package data

import (
	"strings"
	"testing"
)

func TestTimeline(t *testing.T) {
	events := Timeline()
	if len(events) == 0 {
		t.Fatal("empty timeline")
	}
	var dated int
	for _, c := range Cities() {
		for _, in := range c.Initiatives {
			if in.Date != "" {
				dated++
			}
		}
	}
	if len(events) != dated {
		t.Errorf("got %d events, want every dated initiative (%d)", len(events), dated)
	}
	for i := 1; i < len(events); i++ {
		if events[i].Initiative.Date < events[i-1].Initiative.Date {
			t.Errorf("event %d (%s) before event %d (%s)", i, events[i].Initiative.Date, i-1, events[i-1].Initiative.Date)
		}
	}
	if first, last := events[0].Initiative.Date, events[len(events)-1].Initiative.Date; first != "2024-02-18" || last != "2024-03-14" {
		t.Errorf("timeline runs %s to %s, want 2024-02-18 to 2024-03-14 (the tour ends on the 16th)", first, last)
	}
}

func TestHasTheme(t *testing.T) {
	tests := []struct {
		city  string
		theme ThemeID
		want  bool
	}{
		{"nanjing", ThemeLowAltitude, true},
		{"wuxi", ThemeAerospace, true},
		{"suzhou", ThemeComputing, true},
		{"suzhou", ThemeLowAltitude, false},
		{"lianyungang", ThemeGreen, false},
		{"yangzhou", ThemeLearning, true},
	}
	for _, tc := range tests {
		c, _ := CityByID(tc.city)
		if got := c.HasTheme(tc.theme); got != tc.want {
			t.Errorf("%s.HasTheme(%s) = %v, want %v", tc.city, tc.theme, got, tc.want)
		}
	}
}

// TestStudyTourMatchesArticle: the tour's stops are the article's five
// cities in the article's order, and its city is the one whose initiative
// lists them.
func TestStudyTourMatchesArticle(t *testing.T) {
	tour, ok := TourFrom("yangzhou")
	if !ok {
		t.Fatal("no tour from Yangzhou")
	}
	var names []string
	for _, s := range tour.Stops {
		if s.Outside != nil {
			names = append(names, s.Outside.Name.Zh)
			continue
		}
		c, ok := CityByID(s.City)
		if !ok {
			t.Fatalf("unknown stop %q", s.City)
		}
		names = append(names, c.Name.Zh)
	}
	got := strings.Join(names, "、")
	c, _ := CityByID("yangzhou")
	found := false
	for _, in := range c.Initiatives {
		for _, f := range in.Figures {
			if f.Value == got {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("tour stops %q are not a figure of Yangzhou's", got)
	}
}
