package components

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/data"
)

// plural is the English unit of an initiative count.
func plural(n int) string {
	if n == 1 {
		return "initiative"
	}
	return "initiatives"
}

func TestRegionLabelFromData(t *testing.T) {
	// One city of each status, with the expected count taken from data.
	firstOf := func(st data.Status) data.City {
		t.Helper()
		for _, c := range data.Cities() {
			if c.Status == st {
				return c
			}
		}
		t.Fatalf("data has no city of status %d", st)
		return data.City{}
	}
	suzhou, ok := data.CityByID("suzhou")
	if !ok {
		t.Fatal("suzhou is not in data")
	}
	tests := []struct {
		name string
		city data.City
		zh   func(c data.City) string
		en   func(c data.City) string
	}{
		{
			name: "trillion suzhou",
			city: suzhou,
			zh: func(c data.City) string {
				return fmt.Sprintf("苏州，万亿之城，%d 项举措", len(c.Initiatives))
			},
			en: func(c data.City) string {
				return fmt.Sprintf("Suzhou, trillion-yuan city, %d %s", len(c.Initiatives), plural(len(c.Initiatives)))
			},
		},
		{
			name: "aspiring",
			city: firstOf(data.Aspiring),
			zh: func(c data.City) string {
				return fmt.Sprintf("%s，冲刺万亿，%d 项举措", c.Name.Zh, len(c.Initiatives))
			},
			en: func(c data.City) string {
				return fmt.Sprintf("%s, aiming for a trillion yuan, %d %s", c.Name.En, len(c.Initiatives), plural(len(c.Initiatives)))
			},
		},
		{
			name: "not covered",
			city: firstOf(data.NotCovered),
			zh:   func(c data.City) string { return c.Name.Zh + "，本报道未涉及" },
			en:   func(c data.City) string { return c.Name.En + ", not covered by this report" },
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := RegionLabel(tc.city, data.Zh), tc.zh(tc.city); got != want {
				t.Errorf("RegionLabel(%s, zh) = %q, want %q", tc.city.ID, got, want)
			}
			if got, want := RegionLabel(tc.city, data.En), tc.en(tc.city); got != want {
				t.Errorf("RegionLabel(%s, en) = %q, want %q", tc.city.ID, got, want)
			}
		})
	}
}

func TestRegionLabelFixtures(t *testing.T) {
	city := func(st data.Status, n int) data.City {
		return data.City{
			ID:          "jia",
			Name:        data.Text{Zh: "甲", En: "Jia"},
			Status:      st,
			Initiatives: make([]data.Initiative, n),
		}
	}
	tests := []struct {
		name   string
		city   data.City
		zh, en string
	}{
		{"trillion, one", city(data.Trillion, 1), "甲，万亿之城，1 项举措", "Jia, trillion-yuan city, 1 initiative"},
		{"trillion, two", city(data.Trillion, 2), "甲，万亿之城，2 项举措", "Jia, trillion-yuan city, 2 initiatives"},
		{"aspiring, four", city(data.Aspiring, 4), "甲，冲刺万亿，4 项举措", "Jia, aiming for a trillion yuan, 4 initiatives"},
		{"covered, none", city(data.Aspiring, 0), "甲，冲刺万亿，0 项举措", "Jia, aiming for a trillion yuan, 0 initiatives"},
		{"not covered", city(data.NotCovered, 0), "甲，本报道未涉及", "Jia, not covered by this report"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := RegionLabel(tc.city, data.Zh); got != tc.zh {
				t.Errorf("RegionLabel(zh) = %q, want %q", got, tc.zh)
			}
			if got := RegionLabel(tc.city, data.En); got != tc.en {
				t.Errorf("RegionLabel(en) = %q, want %q", got, tc.en)
			}
		})
	}
}

// stringLiterals returns every string literal in the package's non-test
// source files, by position.
func stringLiterals(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	out := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			out[fset.Position(lit.Pos()).String()] = s
			return true
		})
	}
	if len(out) == 0 {
		t.Fatal("found no string literals; the test checks nothing")
	}
	return out
}

// go-app prints attribute values with strconv.Quote, which escapes rather
// than HTML-encodes: an ASCII double quote would end the value early (and
// a backslash or a non-printing character would show as an escape).
func TestInterfaceStringsHaveNoASCIIDoubleQuote(t *testing.T) {
	lits := stringLiterals(t)
	found := false
	for pos := range lits {
		if strings.Contains(pos, "i18n.go") {
			found = true
			break
		}
	}
	if !found {
		t.Fatal("no string literal found in i18n.go")
	}
	for pos, s := range lits {
		if strings.HasPrefix(pos, "static.go:") {
			continue // markup handling, not interface text
		}
		if strings.Contains(s, `"`) {
			t.Errorf("%s: %q holds an ASCII double quote; use “ ” instead", pos, s)
		}
		if q := strconv.Quote(s); q != `"`+s+`"` {
			t.Errorf("%s: %q would print as %s in an attribute", pos, s, q)
		}
	}
}

// The strings built from data at run time go into attributes too.
func TestRuntimeLabelsSurviveAttributeQuoting(t *testing.T) {
	var labels []string
	for _, c := range data.Cities() {
		for _, l := range data.Langs {
			labels = append(labels, RegionLabel(c, l), c.Name.In(l))
		}
	}
	for _, st := range []data.Status{data.Trillion, data.Aspiring, data.NotCovered} {
		for _, l := range data.Langs {
			labels = append(labels, statusText(st).In(l))
		}
	}
	for _, s := range labels {
		if q := strconv.Quote(s); q != `"`+s+`"` {
			t.Errorf("%q would print as %s in an attribute", s, q)
		}
	}
}

func TestStatusClass(t *testing.T) {
	tests := []struct {
		status data.Status
		want   string
	}{
		{data.Trillion, "trillion"},
		{data.Aspiring, "aspiring"},
		{data.NotCovered, "uncovered"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := statusClass(tc.status); got != tc.want {
				t.Errorf("statusClass(%d) = %q, want %q", tc.status, got, tc.want)
			}
		})
	}
}

func TestLowerFirst(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Trillion-yuan city", "trillion-yuan city"},
		{"already lower", "already lower"},
		{"万亿之城", "万亿之城"},
		{"A", "a"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := lowerFirst(tc.in); got != tc.want {
				t.Errorf("lowerFirst(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestNoRawHTML: content from data/ and URLs is only ever rendered as text.
// go-app's Raw would insert markup unescaped; no component may use it but
// static.go, which hands it go-app's own markup of a tree, where text is
// escaped as in the prerendered pages (TestStaticEscapes).
func TestNoRawHTML(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "static.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"goapp.Raw(", "innerHTML", "outerHTML", "insertAdjacentHTML"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s uses %s: render content as text", f, bad)
			}
		}
	}
}
