package app

import (
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

// TestMain runs the tests at the site root. go-app's Handler publishes the
// base path by calling os.Setenv("GOAPP_ROOT_PREFIX", …) the first time it
// serves, and links read it back, so the variable is process-wide state:
// every test that serves through a Handler restores it (see serve).
func TestMain(m *testing.M) {
	os.Unsetenv("GOAPP_ROOT_PREFIX")
	os.Exit(m.Run())
}

// printHTML prints a mounted component the way go-app prerenders it.
func printHTML(t *testing.T, ui goapp.UI) string {
	t.Helper()
	var b strings.Builder
	goapp.PrintHTML(&b, ui)
	return b.String()
}

// regionCurrentRe matches the map region marked as the current page.
var regionCurrentRe = regexp.MustCompile(`<a [^>]*aria-current="page"[^>]*data-class="region[^>]*>|<a [^>]*data-class="region[^>]*aria-current="page"[^>]*>`)

// dataIDRe reads data-id from a start tag.
var dataIDRe = regexp.MustCompile(`data-id="([^"]*)"`)

// currentRegion returns the id of the region marked aria-current, or "".
func currentRegion(t *testing.T, markup string) string {
	t.Helper()
	tags := regionCurrentRe.FindAllString(markup, -1)
	switch len(tags) {
	case 0:
		return ""
	case 1:
		m := dataIDRe.FindStringSubmatch(tags[0])
		if m == nil {
			t.Fatalf("current region has no data-id: %s", tags[0])
		}
		return m[1]
	default:
		t.Fatalf("%d regions are marked current, want at most 1", len(tags))
		return ""
	}
}

// The server tester gives the page go-app's test URL, whose path is empty:
// the page must read it as the Chinese overview and set the metadata.
func TestPageServerTesterDefaultURL(t *testing.T) {
	p := &Page{}
	d := goapp.NewServerTester(p)
	defer d.Close()

	if got := d.Context().Page().URL().Path; got != "" {
		t.Fatalf("server tester URL path = %q; the test assumes go-app's empty test path", got)
	}
	overview := route.State{Lang: data.Zh}
	if got, want := d.Context().Page().Title(), Title(overview); got != want {
		t.Errorf("page title = %q, want %q", got, want)
	}
	if got, want := d.Context().Page().Description(), Description(overview); got != want {
		t.Errorf("page description = %q, want %q", got, want)
	}
	if got, want := d.Context().Page().Lang(), "zh-Hans"; got != want {
		t.Errorf("page lang = %q, want %q", got, want)
	}
	html := printHTML(t, p)
	for _, want := range []string{`id="page"`, `panel--overview`, `id="` + components.PanelHeadingID + `"`} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered page lacks %s", want)
		}
	}
	if strings.Contains(html, "data-city=") || strings.Contains(html, "data-notfound") {
		t.Error("overview renders a city or not-found panel")
	}
}

// In the browser the page follows every navigation: the panel, the map's
// current region and the document metadata all come from the URL.
func TestPageFollowsNavigation(t *testing.T) {
	p := &Page{}
	d := goapp.NewClientTester(p)
	defer d.Close()

	tests := []struct {
		path     string
		lang     string
		panel    string // marker of the panel that must show
		selected string // region marked aria-current
		title    string
	}{
		{"/en/city/suzhou", "en", `data-city="suzhou"`, "suzhou", "Suzhou · Map of Jiangsu's new quality productive forces"},
		{"/city/yancheng", "zh-Hans", `data-city="yancheng"`, "yancheng", "盐城 · 江苏新质生产力地图"},
		{"/en/", "en", "panel--overview", "", "Map of Jiangsu's new quality productive forces"},
		{"/en/city/atlantis", "en", "data-notfound", "", "City not found · Map of Jiangsu's new quality productive forces"},
		{"/", "zh-Hans", "panel--overview", "", "江苏新质生产力地图"},
		{"/city/taizhou/", "zh-Hans", `data-city="taizhou"`, "taizhou", "泰州 · 江苏新质生产力地图"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			d.Nav(&url.URL{Scheme: "https", Host: "example.test", Path: tc.path})
			d.Consume()

			page := d.Context().Page()
			if got := page.Title(); got != tc.title {
				t.Errorf("title = %q, want %q", got, tc.title)
			}
			if got := page.Lang(); got != tc.lang {
				t.Errorf("lang = %q, want %q", got, tc.lang)
			}
			html := printHTML(t, p)
			if !strings.Contains(html, tc.panel) {
				t.Errorf("page lacks %s", tc.panel)
			}
			if got := strings.Count(html, `id="panel"`); got != 1 {
				t.Errorf("page has %d panels, want 1", got)
			}
			if got := currentRegion(t, html); got != tc.selected {
				t.Errorf("current map region = %q, want %q", got, tc.selected)
			}
		})
	}
}

// Every page, the embeds included, has one h1: the outline a screen
// reader's heading list and the Nu HTML checker read starts from it.
func TestPageOneH1(t *testing.T) {
	p := &Page{}
	d := goapp.NewClientTester(p)
	defer d.Close()
	paths := route.Pages()
	for _, l := range data.Langs {
		paths = append(paths, route.State{Lang: l}.NotFoundPage(), route.State{Lang: l, Embed: true}.NotFoundPage())
	}
	for _, path := range paths {
		d.Nav(&url.URL{Scheme: "https", Host: "example.test", Path: path})
		d.Consume()
		if got := strings.Count(printHTML(t, p), "<h1"); got != 1 {
			t.Errorf("%s: %d h1 elements, want 1", path, got)
		}
	}
}

func TestStripPrefix(t *testing.T) {
	tests := []struct {
		prefix, path, want string
	}{
		{"", "/en/city/suzhou", "/en/city/suzhou"},
		{"", "", "/"},
		{"/news/map", "/news/map/city/suzhou", "/city/suzhou"},
		{"/news/map", "/news/map", "/"},
		{"/news/map", "/news/map/", "/"},
		{"/news/map", "/city/suzhou", "/city/suzhou"},
	}
	for _, tc := range tests {
		t.Run(tc.prefix+"|"+tc.path, func(t *testing.T) {
			t.Setenv("GOAPP_ROOT_PREFIX", tc.prefix)
			if got := stripPrefix(tc.path); got != tc.want {
				t.Errorf("stripPrefix(%q) with prefix %q = %q, want %q", tc.path, tc.prefix, got, tc.want)
			}
		})
	}
}
