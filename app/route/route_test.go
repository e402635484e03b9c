package route

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/data"
)

// def returns the state with every option at its default.
func def(lang data.Lang, city string, notFound bool) State {
	return State{Lang: lang, City: city, NotFound: notFound, Dark: DarkAuto}
}

func TestParse(t *testing.T) {
	long := strings.Repeat("suzhou", 10000)
	tests := []struct {
		path string
		want State
	}{
		{"/", def(data.Zh, "", false)},
		{"", def(data.Zh, "", false)},
		{"/en/", def(data.En, "", false)},
		{"/en", def(data.En, "", false)},
		{"/city/suzhou", def(data.Zh, "suzhou", false)},
		{"/city/suzhou/", def(data.Zh, "suzhou", false)},
		{"/en/city/yancheng", def(data.En, "yancheng", false)},
		{"/en/city/yancheng/", def(data.En, "yancheng", false)},
		{"/city/atlantis", def(data.Zh, "", true)},
		{"/en/city/atlantis", def(data.En, "", true)},
		{"/city/Suzhou", def(data.Zh, "", true)},
		{"/CITY/suzhou", def(data.Zh, "", true)},
		{"/EN/", def(data.Zh, "", true)},
		{"/city/", def(data.Zh, "", true)},
		{"/city", def(data.Zh, "", true)},
		{"/city/../../etc", def(data.Zh, "", true)},
		{"/city/../city/suzhou", def(data.Zh, "", true)},
		{"/city/%00", def(data.Zh, "", true)},
		{"/city/\x00", def(data.Zh, "", true)},
		{"/city/suzhou\x00", def(data.Zh, "", true)},
		{"/city/suzhou//", def(data.Zh, "", true)},
		{"//city/suzhou", def(data.Zh, "", true)},
		{"/city/" + long, def(data.Zh, "", true)},
		{"/city/苏州", def(data.Zh, "", true)},
		{"/city/suzhou?theme=green", def(data.Zh, "", true)}, // a path, not a URL
		{`\city\suzhou`, def(data.Zh, "", true)},
		{"/english", def(data.Zh, "", true)},
		{"/404", def(data.Zh, "", true)},
		{"/en/404", def(data.En, "", true)},
		{"/city/suzhou/extra", def(data.Zh, "", true)},
		{"/en/en/", def(data.En, "", true)},
	}
	for _, tc := range tests {
		name := tc.path
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		t.Run(name, func(t *testing.T) {
			if got := Parse(tc.path); got != tc.want {
				t.Errorf("Parse(%.60q) = %+v, want %+v", tc.path, got, tc.want)
			}
		})
	}
}

func TestParseURL(t *testing.T) {
	with := func(s State, f func(*State)) State { f(&s); return s }
	zh := def(data.Zh, "", false)
	suzhou := def(data.Zh, "suzhou", false)
	tests := []struct {
		url  string
		want State
	}{
		{"/", zh},
		{"/?", zh},
		{"/city/suzhou", suzhou},
		{"/city/suzhou?", suzhou},
		{"/city/suzhou#?secret=abc", suzhou},
		{"/city/atlantis?theme=green", with(def(data.Zh, "", true), func(s *State) { s.Theme = "green" })},

		// theme
		{"/?theme=green", with(zh, func(s *State) { s.Theme = "green" })},
		{"/city/suzhou?theme=low-altitude", with(suzhou, func(s *State) { s.Theme = "low-altitude" })},
		{"/?theme=Green", zh},
		{"/?theme=tourism", zh},
		{"/?theme=", zh},
		{"/?theme=green%00", zh},
		{"/?theme=%3Cscript%3E", zh},
		{"/?theme=green&theme=computing", with(zh, func(s *State) { s.Theme = "green" })},
		{"/?theme=nope&theme=green", zh},

		// dark
		{"/?dark=true", with(zh, func(s *State) { s.Dark = DarkOn })},
		{"/?dark=false", with(zh, func(s *State) { s.Dark = DarkOff })},
		{"/?dark=auto", zh},
		{"/?dark=TRUE", with(zh, func(s *State) { s.Dark = DarkOn })},
		{"/?dark=1", zh},
		{"/?dark=yes", zh},
		{"/?dark", zh},
		{"/?dark=true%20", zh},

		// static
		{"/?static=1", with(zh, func(s *State) { s.Static = true })},
		{"/?static=true", with(zh, func(s *State) { s.Static = true })},
		{"/?static=True", with(zh, func(s *State) { s.Static = true })},
		{"/?static=0", zh},
		{"/?static=false", zh},
		{"/?static=", zh},
		{"/?static", zh},
		{"/?static=11", zh},

		// childId
		{"/?childId=map-1", with(zh, func(s *State) { s.ChildID = "map-1" })},
		{"/?childId=A_b-9", with(zh, func(s *State) { s.ChildID = "A_b-9" })},
		{"/?childId=" + strings.Repeat("x", 64), with(zh, func(s *State) { s.ChildID = strings.Repeat("x", 64) })},
		{"/?childId=" + strings.Repeat("x", 65), zh},
		{"/?childId=", zh},
		{"/?childId=a%20b", zh},
		{"/?childId=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", zh},
		{"/?childId=map.1", zh},
		{"/?childid=map1", zh}, // names are case-sensitive
		{"/?childId=%E5%9C%B0%E5%9B%BE", zh},

		// lang
		{"/?lang=en", def(data.En, "", false)},
		{"/city/suzhou?lang=EN", def(data.En, "suzhou", false)},
		{"/en/city/suzhou?lang=zh", def(data.En, "suzhou", false)}, // the path wins
		{"/?lang=<script>", zh},
		{"/?lang=%3Cscript%3E", zh},
		{"/?lang=fr", zh},
		{"/?lang=en-US", zh},
		{"/city/atlantis?lang=en", def(data.En, "", true)},

		// malformed queries keep what they can
		{"/?theme=green&dark=%zz", with(zh, func(s *State) { s.Theme = "green" })},
		{"/?%zz&static=1", with(zh, func(s *State) { s.Static = true })},
		{"/?;static=1", zh},          // ';' is not a separator: the pair is dropped
		{"/?static=1;dark=true", zh}, // same
		{"/?static=1&x=1;y=2", with(zh, func(s *State) { s.Static = true })},
		{"/?&&&=&=", zh},

		// everything together
		{
			"/en/city/yancheng/?theme=green&dark=false&static=1&childId=jsmap",
			State{Lang: data.En, City: "yancheng", Theme: "green", Dark: DarkOff, Static: true, ChildID: "jsmap"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			u, err := url.Parse(tc.url)
			if err != nil {
				t.Fatalf("url.Parse(%q): %v", tc.url, err)
			}
			if got := ParseURL(u); got != tc.want {
				t.Errorf("ParseURL(%q) = %+v, want %+v", tc.url, got, tc.want)
			}
		})
	}

	t.Run("nil", func(t *testing.T) {
		if got, want := ParseURL(nil), zh; got != want {
			t.Errorf("ParseURL(nil) = %+v, want %+v", got, want)
		}
	})
	t.Run("same as Parse for a path", func(t *testing.T) {
		for _, p := range append(Pages(), "/city/atlantis", "/en/404", "") {
			if got, want := ParseURL(&url.URL{Path: p}), Parse(p); got != want {
				t.Errorf("ParseURL(%q) = %+v, want Parse's %+v", p, got, want)
			}
		}
	})
}

func TestQueryRoundTrip(t *testing.T) {
	tests := []struct {
		state State
		want  string // the canonical URL
	}{
		{def(data.Zh, "", false), "/"},
		{def(data.En, "suzhou", false), "/en/city/suzhou"},
		{State{Lang: data.Zh, City: "wuxi", Theme: "computing", Dark: DarkOn}, "/city/wuxi?theme=computing&dark=true"},
		{State{Lang: data.En, Dark: DarkOff, Static: true, ChildID: "pym_1"}, "/en/?dark=false&static=1&childId=pym_1"},
		{State{Lang: data.Zh, Theme: "specialised-smes", Dark: DarkAuto, Static: true, ChildID: "a"}, "/?theme=specialised-smes&static=1&childId=a"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.state.URL(); got != tc.want {
				t.Fatalf("URL() = %q, want %q", got, tc.want)
			}
			u, err := url.Parse(tc.want)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.state
			if want.Dark == "" {
				want.Dark = DarkAuto
			}
			if got := ParseURL(u); got != want {
				t.Errorf("ParseURL(%q) = %+v, want %+v", tc.want, got, want)
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
	// Per language: the overview and each city, as full pages and embeds,
	// the comparison and the story.
	if got, want := len(Pages()), 2*(2*(1+len(data.IDs()))+2); got != want {
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

// TestNotFoundPage is the 404 table: every path the app calls not
// found gets the not-found page of its section and language, and that page
// itself parses as not found in the same section and language.
func TestNotFoundPage(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"/city/x", "/404"},
		{"/en/city/x", "/en/404"},
		{"/embed/city/x", "/embed/404"},
		{"/en/embed/city/x", "/en/embed/404"},
		{"/compare/x", "/404"},
		{"/en/compare/x", "/en/404"},
		{"/embed/compare", "/embed/404"},
		{"/no/such/file.js", "/404"},
		{"/en/web/missing.css", "/en/404"},
		{"/english/city/x", "/404"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			s := Parse(tc.path)
			if !s.NotFound {
				t.Fatalf("Parse(%q) = %+v, want not found", tc.path, s)
			}
			if got := s.NotFoundPage(); got != tc.want {
				t.Errorf("Parse(%q).NotFoundPage() = %q, want %q", tc.path, got, tc.want)
			}
			page := Parse(tc.want)
			if !page.NotFound || page.Lang != s.Lang || page.Embed != s.Embed {
				t.Errorf("Parse(%q) = %+v, want not found in %q, embed %v", tc.want, page, s.Lang, s.Embed)
			}
		})
	}
}

var childIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// checkState fails t unless s is a state ParseURL may return: every field
// holds a known value, and a state that names a page survives its own
// canonical URL.
func checkState(t *testing.T, input string, s State) {
	t.Helper()
	if !slices.Contains(data.Langs, s.Lang) {
		t.Errorf("%q: got Lang %q, want one of %q", input, s.Lang, data.Langs)
	}
	if s.City != "" {
		if _, ok := data.CityByID(s.City); !ok {
			t.Errorf("%q: got City %q, want a known city or none", input, s.City)
		}
		if s.NotFound {
			t.Errorf("%q: got City %q and NotFound, want not both", input, s.City)
		}
	}
	if s.Theme != "" {
		if _, ok := data.ThemeByID(data.ThemeID(s.Theme)); !ok {
			t.Errorf("%q: got Theme %q, want a known theme or none", input, s.Theme)
		}
	}
	if s.Dark != DarkAuto && s.Dark != DarkOn && s.Dark != DarkOff {
		t.Errorf("%q: got Dark %q, want auto, true or false", input, s.Dark)
	}
	if s.ChildID != "" && !childIDPattern.MatchString(s.ChildID) {
		t.Errorf("%q: got ChildID %q, want one matching %s", input, s.ChildID, childIDPattern)
	}
	if s.NotFound {
		return
	}
	canonical := s.URL()
	u, err := url.Parse(canonical)
	if err != nil {
		t.Fatalf("%q: canonical URL %q does not parse: %v", input, canonical, err)
	}
	if got := ParseURL(u); got != s {
		t.Errorf("%q: ParseURL(canonical %q) = %+v, want %+v", input, canonical, got, s)
	}
}

// FuzzParse feeds arbitrary request targets to Parse and ParseURL: they
// must never panic and must only ever return valid states. The seeds in
// testdata/fuzz/FuzzParse hold real and hostile URLs.
func FuzzParse(f *testing.F) {
	for _, p := range Pages() {
		f.Add(p)
	}
	for _, seed := range []string{
		"/?theme=green&dark=true&static=1&childId=pym-1",
		"/city/../../etc",
		"/city/%00",
		"/en/city/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/City/SuZhou/",
		"/?lang=<script>alert(1)</script>",
		"/?childId=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
		"/?dark=%zz&theme=%",
		"http://example.com/en/city/suzhou?static=true",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		// The path as a WebAssembly app or server sees it.
		checkState(t, raw, Parse(raw))

		// The same text split into path and raw query by hand, so that
		// inputs url.Parse rejects still reach the query parser.
		path, query, _ := strings.Cut(raw, "?")
		checkState(t, raw, ParseURL(&url.URL{Path: path, RawQuery: query}))

		// And as a browser URL, when it is one.
		if u, err := url.Parse(raw); err == nil {
			s := ParseURL(u)
			checkState(t, raw, s)
			if s != ParseURL(&url.URL{Path: u.Path, RawQuery: u.RawQuery}) {
				t.Errorf("%q: ParseURL depends on more than the path and query", raw)
			}
		}
	})
}

func TestEmbedPaths(t *testing.T) {
	tests := []struct {
		path string
		want State
	}{
		{"/embed/", State{Lang: data.Zh, Dark: DarkAuto, Embed: true}},
		{"/embed", State{Lang: data.Zh, Dark: DarkAuto, Embed: true}},
		{"/embed/city/suzhou", State{Lang: data.Zh, Dark: DarkAuto, Embed: true, City: "suzhou"}},
		{"/en/embed/", State{Lang: data.En, Dark: DarkAuto, Embed: true}},
		{"/en/embed/city/yancheng/", State{Lang: data.En, Dark: DarkAuto, Embed: true, City: "yancheng"}},
		{"/embed/city/atlantis", State{Lang: data.Zh, Dark: DarkAuto, Embed: true, NotFound: true}},
		{"/embed/embed/", State{Lang: data.Zh, Dark: DarkAuto, Embed: true, NotFound: true}},
		{"/en/embedded", State{Lang: data.En, Dark: DarkAuto, NotFound: true}},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			if got := Parse(tc.path); got != tc.want {
				t.Errorf("Parse(%q) = %+v, want %+v", tc.path, got, tc.want)
			}
		})
	}
}

func TestWith(t *testing.T) {
	u, _ := url.Parse("/en/embed/city/suzhou?dark=true&childId=map1&theme=computing")
	s := ParseURL(u)
	tests := []struct {
		city, want string
	}{
		{"wuxi", "/en/embed/city/wuxi?theme=computing&dark=true&childId=map1"},
		{"", "/en/embed/?theme=computing&dark=true&childId=map1"},
	}
	for _, tc := range tests {
		if got := s.With(tc.city).URL(); got != tc.want {
			t.Errorf("With(%q).URL() = %q, want %q", tc.city, got, tc.want)
		}
	}
	if got, want := s.InLang(data.Zh).URL(), "/embed/city/suzhou?theme=computing&dark=true&childId=map1"; got != want {
		t.Errorf("InLang(zh).URL() = %q, want %q", got, want)
	}
}

func TestStoryPaths(t *testing.T) {
	tests := []struct {
		path string
		want State
	}{
		{"/story", State{Lang: data.Zh, Dark: DarkAuto, Story: true}},
		{"/story/", State{Lang: data.Zh, Dark: DarkAuto, Story: true}},
		{"/en/story", State{Lang: data.En, Dark: DarkAuto, Story: true}},
		{"/embed/story", State{Lang: data.Zh, Dark: DarkAuto, Embed: true, NotFound: true}},
		{"/story/suzhou", State{Lang: data.Zh, Dark: DarkAuto, NotFound: true}},
	}
	for _, tc := range tests {
		if got := Parse(tc.path); got != tc.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.path, got, tc.want)
		}
	}
	s := Parse("/en/story")
	if got, want := s.With("yangzhou").URL(), "/en/city/yangzhou"; got != want {
		t.Errorf("a link from the story to Yangzhou: %q, want %q", got, want)
	}
	if got, want := s.InLang(data.Zh).URL(), "/story"; got != want {
		t.Errorf("the story in Chinese: %q, want %q", got, want)
	}
}

func TestComparePaths(t *testing.T) {
	tests := []struct {
		path string
		want State
	}{
		{"/compare", State{Lang: data.Zh, Dark: DarkAuto, Compare: true}},
		{"/compare/", State{Lang: data.Zh, Dark: DarkAuto, Compare: true}},
		{"/en/compare", State{Lang: data.En, Dark: DarkAuto, Compare: true}},
		{"/embed/compare", State{Lang: data.Zh, Dark: DarkAuto, Embed: true, NotFound: true}},
		{"/compare/suzhou", State{Lang: data.Zh, Dark: DarkAuto, NotFound: true}},
	}
	for _, tc := range tests {
		if got := Parse(tc.path); got != tc.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.path, got, tc.want)
		}
	}
	s := Parse("/en/compare")
	if got, want := s.With("wuxi").URL(), "/en/city/wuxi"; got != want {
		t.Errorf("a link from the comparison to Wuxi: %q, want %q", got, want)
	}
}
