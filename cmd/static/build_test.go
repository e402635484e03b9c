package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

func TestFileFor(t *testing.T) {
	tests := []struct {
		path, file, generated string
	}{
		{"/", "index.html", "index.html"},
		{"/en/", "en/index.html", "en.html"},
		{"/city/suzhou", "city/suzhou.html", "city/suzhou.html"},
		{"/en/city/suzhou", "en/city/suzhou.html", "en/city/suzhou.html"},
		{"/404", "404.html", "404.html"},
		{"/en/404", "en/404.html", "en/404.html"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			if got := fileFor(tc.path); got != tc.file {
				t.Errorf("fileFor(%q) = %q, want %q", tc.path, got, tc.file)
			}
			if got := generatedFile(tc.path); got != tc.generated {
				t.Errorf("generatedFile(%q) = %q, want %q", tc.path, got, tc.generated)
			}
		})
	}
}

func TestSitePages(t *testing.T) {
	pages := sitePages()
	if got, want := len(pages), len(route.Pages())+2*len(data.Langs); got != want {
		t.Fatalf("got %d pages, want %d (every route, and per language a 404 for the site and one for embeds)", got, want)
	}
	files := map[string]string{}
	for _, p := range pages {
		if prev, dup := files[p.File]; dup {
			t.Errorf("%s and %s both write %s", prev, p.Path, p.File)
		}
		files[p.File] = p.Path
	}
	for _, want := range []string{"index.html", "en/index.html", "404.html", "en/404.html", "city/suzhou.html", "en/city/suqian.html", "embed/index.html", "en/embed/city/wuxi.html", "embed/404.html", "en/embed/404.html"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no page writes %s", want)
		}
	}
	for _, l := range data.Langs {
		p := route.NotFoundPath(l)
		if s := route.Parse(p); !s.NotFound {
			t.Errorf("404 page %s does not parse as not found", p)
		}
	}
}

func TestOgURL(t *testing.T) {
	tests := []struct {
		origin, base, path, want string
	}{
		{"", "", "/city/suzhou", ""},
		{"", "/news/map", "/city/suzhou", ""},
		{"https://example.com", "", "/", `<meta property="og:url" content="https://example.com/"><link rel="canonical" href="https://example.com/">`},
		{"https://example.com/", "/news/map", "/en/city/suzhou", `<meta property="og:url" content="https://example.com/news/map/en/city/suzhou"><link rel="canonical" href="https://example.com/news/map/en/city/suzhou">`},
	}
	for _, tc := range tests {
		t.Run(tc.origin+"|"+tc.base+"|"+tc.path, func(t *testing.T) {
			if got := ogURL(tc.origin, tc.base, tc.path); got != tc.want {
				t.Errorf("ogURL(%q, %q, %q) = %q, want %q", tc.origin, tc.base, tc.path, got, tc.want)
			}
		})
	}
}

// fixture is markup shaped like go-app's prerendered page for a site under
// base: attributes in arbitrary order, the generator's temporary og:url,
// the zoom-blocking viewport, go-app's (Chinese) manifest link, the loader,
// and ARIA states printed bare.
func fixture(base string) string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover" name="viewport">
<meta property="og:url" content="http://127.0.0.1:41234/en/city/suzhou">
<title>Suzhou</title>
<link rel="manifest" href="` + base + `/manifest.webmanifest">
</head>
<body>
<div id="page" class="page">
<span class="badge-icon" aria-hidden></span>
<a aria-current aria-hidden href="/x">x</a>
<a aria-label="Close the city details" href="/en/">×</a>
<svg aria-hidden><text aria-hidden>Suzhou</text></svg>
</div>
<aside class="goapp-app-info" id="app-wasm-loader">
<img id="app-wasm-loader-icon" class="goapp-logo goapp-spin" src="/web/icons/icon-192.png">
</aside>
</body>
</html>`
}

var fixturePage = fixture("")

// writeGenerated writes markup where go-app's generator writes route p.
func writeGenerated(t *testing.T, out, p, markup string) {
	t.Helper()
	f := filepath.Join(out, filepath.FromSlash(generatedFile(p)))
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, []byte(markup), 0o644); err != nil {
		t.Fatal(err)
	}
}

// finish runs finishPage on markup for route p and returns the result.
func finish(t *testing.T, p page, markup, base, origin string) (string, error) {
	t.Helper()
	out := t.TempDir()
	writeGenerated(t, out, p.Path, markup)
	if err := finishPage(out, p, base, origin); err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p.File)))
	if err != nil {
		t.Fatalf("finished page: %v", err)
	}
	if src := generatedFile(p.Path); src != p.File {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(src))); !os.IsNotExist(err) {
			t.Errorf("generated file %s still exists after the move (err %v)", src, err)
		}
	}
	return string(b), nil
}

func TestFinishPageRepairs(t *testing.T) {
	p := page{Path: "/en/city/suzhou", File: "en/city/suzhou.html"}
	tests := []struct {
		name         string
		base, origin string
		want, absent []string
	}{
		{
			name: "no origin",
			want: []string{
				`<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`,
				`<aside id="app-wasm-loader" class="goapp-app-info" aria-hidden="true">`,
				`<img id="app-wasm-loader-icon" class="goapp-logo goapp-spin" src="/web/icons/icon.svg" alt="" width="16" height="16">`,
				`<span class="badge-icon" aria-hidden="true"></span>`,
				`<a aria-current="true" aria-hidden="true" href="/x">`,
				`<svg aria-hidden="true"><text aria-hidden="true">Suzhou</text></svg>`,
				`<a aria-label="Close the city details" href="/en/">`,
				// English pages install the English app.
				`<link rel="manifest" href="/en/manifest.webmanifest">`,
			},
			absent: []string{"og:url", "canonical", "user-scalable", "maximum-scale", "127.0.0.1", "aria-hidden>", "aria-hidden ", "icon-192.png"},
		},
		{
			name:   "origin and base",
			base:   "/news/map",
			origin: "https://example.com",
			want: []string{
				`<meta property="og:url" content="https://example.com/news/map/en/city/suzhou"><link rel="canonical" href="https://example.com/news/map/en/city/suzhou">`,
				`<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`,
				`<link rel="manifest" href="/news/map/en/manifest.webmanifest">`,
				`src="/news/map/web/icons/icon.svg"`,
			},
			absent: []string{"127.0.0.1", "user-scalable", `href="/news/map/manifest.webmanifest"`},
		},
		{
			// A site served on loopback (a staging box, the WordPress
			// test) names its own origin, which is no leak.
			name:   "origin on loopback",
			origin: "http://127.0.0.1:8181",
			want: []string{
				`<meta property="og:url" content="http://127.0.0.1:8181/en/city/suzhou"><link rel="canonical" href="http://127.0.0.1:8181/en/city/suzhou">`,
			},
			absent: []string{"41234"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := finish(t, p, fixture(tc.base), tc.base, tc.origin)
			if err != nil {
				t.Fatalf("finishPage: %v", err)
			}
			for _, s := range tc.want {
				if !strings.Contains(got, s) {
					t.Errorf("page lacks %s\n%s", s, got)
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(got, s) {
					t.Errorf("page holds %q\n%s", s, got)
				}
			}
		})
	}
}

func TestFinishPageMovesFiles(t *testing.T) {
	tests := []struct {
		p        page
		manifest string // the manifest the finished page links
	}{
		{page{Path: "/", File: "index.html"}, "/manifest.webmanifest"},
		{page{Path: "/city/suzhou", File: "city/suzhou.html"}, "/manifest.webmanifest"},
		{page{Path: "/en/", File: "en/index.html"}, "/en/manifest.webmanifest"},
		{page{Path: "/en/404", File: "en/404.html"}, "/en/manifest.webmanifest"},
	}
	for _, tc := range tests {
		t.Run(tc.p.Path, func(t *testing.T) {
			got, err := finish(t, tc.p, fixturePage, "", "")
			if err != nil {
				t.Fatalf("finishPage: %v", err)
			}
			if want := `<link rel="manifest" href="` + tc.manifest + `">`; !strings.Contains(got, want) {
				t.Errorf("page lacks %s", want)
			}
		})
	}
}

func TestFinishPageRejects(t *testing.T) {
	p := page{Path: "/en/city/suzhou", File: "en/city/suzhou.html"}
	tests := []struct {
		name   string
		origin string
		markup string
		want   []string // substrings of the error
	}{
		{
			name:   "go-app 404",
			markup: "404 page not found\n",
			want:   []string{"/en/city/suzhou", "did not render"},
		},
		{
			name:   "404 text inside a page",
			markup: strings.Replace(fixturePage, "Suzhou</text>", "404 page not found</text>", 1),
			want:   []string{"/en/city/suzhou"},
		},
		{
			name:   "no page component",
			markup: strings.Replace(fixturePage, `id="page"`, `id="other"`, 1),
			want:   []string{"/en/city/suzhou", "did not render"},
		},
		{
			name:   "escaped quote in an attribute",
			markup: strings.Replace(fixturePage, `aria-label="Close the city details"`, `aria-label="Close the \"city\" details"`, 1),
			want:   []string{"/en/city/suzhou", "double quote"},
		},
		{
			name:   "viewport markup changed",
			markup: strings.Replace(fixturePage, `name="viewport"`, `name="view-port"`, 1),
			want:   []string{"/en/city/suzhou", "viewport"},
		},
		{
			name:   "og:url markup changed",
			markup: strings.Replace(fixturePage, `property="og:url"`, `property="og:link"`, 1),
			want:   []string{"/en/city/suzhou", "og:url"},
		},
		{
			name:   "loader markup changed",
			markup: strings.Replace(fixturePage, `id="app-wasm-loader"`, `id="loader"`, 1),
			want:   []string{"/en/city/suzhou", "loader"},
		},
		{
			name:   "English page without go-app's manifest link",
			markup: strings.Replace(fixturePage, `<link rel="manifest" href="/manifest.webmanifest">`, "", 1),
			want:   []string{"/en/city/suzhou", "manifest"},
		},
		{
			name:   "generator address elsewhere",
			markup: strings.Replace(fixturePage, `href="/x"`, `href="http://127.0.0.1:41234/x"`, 1),
			want:   []string{"/en/city/suzhou", "address"},
		},
		{
			// The origin's address is a prefix of the generator's: the
			// port is compared whole.
			name:   "generator address beside a loopback origin",
			origin: "http://127.0.0.1:4123",
			markup: strings.Replace(fixturePage, `href="/x"`, `href="http://127.0.0.1:41234/x"`, 1),
			want:   []string{"/en/city/suzhou", "address"},
		},
		{
			name:   "generator address beside a loopback origin on port 80",
			origin: "http://127.0.0.1",
			markup: strings.Replace(fixturePage, `href="/x"`, `href="http://127.0.0.1:41234/x"`, 1),
			want:   []string{"/en/city/suzhou", "address"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			writeGenerated(t, out, p.Path, tc.markup)
			err := finishPage(out, p, "", tc.origin)
			if err == nil {
				t.Fatal("finishPage succeeded, want an error")
			}
			for _, s := range tc.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p.File))); err == nil && generatedFile(p.Path) != p.File {
				t.Errorf("a rejected page was written to %s", p.File)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		err := finishPage(t.TempDir(), p, "", "")
		if err == nil || !strings.Contains(err.Error(), p.Path) {
			t.Errorf("finishPage on a missing file = %v, want an error naming %s", err, p.Path)
		}
	})
}

func TestResetDir(t *testing.T) {
	t.Run("refuses", func(t *testing.T) {
		for _, dir := range []string{"", ".", "./", "/", "..", "../dist"} {
			if err := resetDir(dir); err == nil {
				t.Errorf("resetDir(%q) succeeded, want a refusal", dir)
			}
		}
	})
	// The guard must not depend on what the directory holds: the current
	// directory is refused even when it looks like a previous build.
	t.Run("current directory holding a build", func(t *testing.T) {
		dir := t.TempDir()
		index := filepath.Join(dir, "index.html")
		if err := os.WriteFile(index, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Chdir(dir)
		for _, d := range []string{"", ".", "./"} {
			if err := resetDir(d); err == nil {
				t.Errorf("resetDir(%q) succeeded, want a refusal", d)
			}
		}
		if _, err := os.Stat(index); err != nil {
			t.Errorf("resetDir removed the current directory's files: %v", err)
		}
	})
	t.Run("non-empty without index.html", func(t *testing.T) {
		dir := t.TempDir()
		keep := filepath.Join(dir, "notes.txt")
		if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := resetDir(dir); err == nil {
			t.Error("resetDir succeeded on a directory that is not a build, want an error")
		}
		if _, err := os.Stat(keep); err != nil {
			t.Errorf("resetDir touched a file it must keep: %v", err)
		}
	})
	t.Run("previous build", func(t *testing.T) {
		dir := t.TempDir()
		for _, f := range []string{"index.html", "city/suzhou.html"} {
			p := filepath.Join(dir, filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := resetDir(dir); err != nil {
			t.Fatalf("resetDir on a previous build: %v", err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatalf("the directory is gone: %v", err)
		}
		if len(entries) != 0 {
			t.Errorf("got %d entries after reset, want 0", len(entries))
		}
	})
	t.Run("empty and new", func(t *testing.T) {
		for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "a", "b")} {
			if err := resetDir(dir); err != nil {
				t.Errorf("resetDir(%q): %v", dir, err)
			}
			if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
				t.Errorf("%s is not a directory after reset (%v)", dir, err)
			}
		}
	})
}

// writeTree writes files (slash paths to contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHashTree(t *testing.T) {
	base := map[string]string{"app.css": "body{}", "icons/icon.svg": "<svg/>", "app.wasm": "\x00asm"}
	hashID := func(files map[string]string, buildID string) string {
		t.Helper()
		dir := t.TempDir()
		writeTree(t, dir, files)
		h, err := hashTree(dir, buildID)
		if err != nil {
			t.Fatalf("hashTree: %v", err)
		}
		return h
	}
	hash := func(files map[string]string) string {
		t.Helper()
		return hashID(files, "")
	}
	with := func(name, content string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		m[name] = content
		return m
	}
	want := hash(base)
	if len(want) != 12 {
		t.Errorf("version %q has %d characters, want 12", want, len(want))
	}
	tests := []struct {
		name  string
		files map[string]string
		same  bool
	}{
		{"identical content in another directory", base, true},
		{"one byte changed", with("app.css", "body{]"), false},
		{"one byte added", with("app.css", "body{} "), false},
		{"file added", with("extra.txt", ""), false},
		// Same order of files and same bytes: only the name differs.
		{"file renamed", map[string]string{"app.css": "body{}", "icons/icon.svh": "<svg/>", "app.wasm": "\x00asm"}, false},
		{"bytes moved between files", map[string]string{"app.css": "body{}<", "icons/icon.svg": "svg/>", "app.wasm": "\x00asm"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := hash(tc.files)
			if (got == want) != tc.same {
				t.Errorf("hash = %s, base hash = %s; want equal: %v", got, want, tc.same)
			}
		})
	}
	t.Run("build id", func(t *testing.T) {
		a1, a2, b := hashID(base, "a"), hashID(base, "a"), hashID(base, "b")
		if a1 != a2 {
			t.Errorf("same files and build id give %s and %s, want equal", a1, a2)
		}
		if a1 == b || a1 == want {
			t.Errorf("build ids \"a\", \"b\", \"\" give %s, %s, %s; want all different", a1, b, want)
		}
	})
	t.Run("empty directory", func(t *testing.T) {
		if _, err := hashTree(t.TempDir(), ""); err == nil {
			t.Error("hashTree on an empty directory succeeded, want an error")
		}
	})
}

func TestCopyDirSkipsDotFiles(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "web")
	writeTree(t, src, map[string]string{
		"app.css":            "body{}",
		"icons/icon.svg":     "<svg/>",
		".DS_Store":          "junk",
		".git/config":        "junk",
		"icons/.hidden.png":  "junk",
		"licenses/notes.txt": "MIT",
	})
	if err := copyDir(src, dst); err != nil {
		t.Fatalf("copyDir: %v", err)
	}
	tests := []struct {
		name   string
		exists bool
	}{
		{"app.css", true},
		{"icons/icon.svg", true},
		{"licenses/notes.txt", true},
		{".DS_Store", false},
		{".git", false},
		{"icons/.hidden.png", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := os.Stat(filepath.Join(dst, filepath.FromSlash(tc.name)))
			if got := err == nil; got != tc.exists {
				t.Errorf("%s copied = %v, want %v", tc.name, got, tc.exists)
			}
		})
	}
}
