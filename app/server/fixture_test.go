package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/oembed"
)

// Fixture contents, shared by the tests.
var (
	fixtureModTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

	indexHTML    = "<!doctype html><title>Jiangsu map</title><p>home</p>\n"
	suzhouHTML   = "<!doctype html><title>Suzhou</title>\n"
	nanjingHTML  = "<!doctype html><title>Nanjing</title>\n"
	notFoundHTML = "<!doctype html><title>Not found</title><h1>404 — 页面不存在</h1>\n"
	styleCSS     = "body { margin: 0; }\n"
	hashedCSS    = ".map { height: 100vh; }\n"
	appJS        = "console.log('app');\n"
	workerJS     = "self.addEventListener('fetch', () => {});\n"
	manifest     = `{"name":"Jiangsu map"}` + "\n"
	dataJSON     = `{"cities":13}` + "\n"
	iconSVG      = `<svg xmlns="http://www.w3.org/2000/svg"/>` + "\n"
	iconPNG      = "\x89PNG\r\n\x1a\nnot really a png"
	secret       = "TOP-SECRET-OUTSIDE-THE-SITE"
	dotEnv       = "API_KEY=do-not-serve\n"
	gitConfig    = "[core]\n\tbare = false\n"

	// appWasm is long enough for gzip to shrink it.
	appWasm = "\x00asm\x01\x00\x00\x00" + strings.Repeat("jiangsu wasm payload ", 200)
	// The brotli siblings are arbitrary bytes: the server must pass them
	// through untouched, so the tests need no brotli decoder.
	appWasmBR  = "BROTLI(app.wasm)"
	styleCSSBR = "BROTLI(style.css)"
	notFoundBR = "BROTLI(404.html)"
	// notFoundEnHTML is the English section's own not-found page.
	notFoundEnHTML = "<!DOCTYPE html><title>Not found</title>"
	// The embed pages' own not-found pages, without the site's chrome.
	notFoundEmbedHTML   = "<!DOCTYPE html><title>未找到</title><main>embed</main>"
	notFoundEnEmbedHTML = "<!DOCTYPE html><title>Not found</title><main>embed</main>"
	indexHTMLBR         = "BROTLI(index.html)"

	// The static oEmbed responses cmd/static writes (app/oembed), of a
	// site built for https://news.example.com.
	oembedIndex  = oembedJSON("江苏地图", "https://news.example.com/", "https://news.example.com/embed/", "")
	oembedSuzhou = oembedJSON("苏州 · 江苏地图", "https://news.example.com/", "https://news.example.com/embed/city/suzhou", "https://news.example.com/web/share/suzhou.png")
)

// oembedJSON is a static oEmbed response as cmd/static writes it.
func oembedJSON(title, providerURL, embedURL, thumbnail string) string {
	b, err := json.MarshalIndent(oembed.Response{
		Type: "rich", Version: "1.0", Title: title, ProviderName: "江苏地图", ProviderURL: providerURL,
		HTML:  oembed.HTML(strings.Replace(embedURL, "/embed/", "/", 1), embedURL, title, oembed.DefaultWidth, oembed.DefaultHeight),
		Width: oembed.DefaultWidth, Height: oembed.DefaultHeight, CacheAge: 86400,
		ThumbnailURL: thumbnail, ThumbnailWidth: 1200, ThumbnailHeight: 630,
	}, "", "  ")
	if err != nil {
		panic(err)
	}
	return string(b) + "\n"
}

// newFixture builds a small site like dist/ in a temporary directory and
// returns its path. Next to it lies a secret file that must never be
// served, reachable through symbolic links from inside the site.
func newFixture(t testing.TB) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "dist")
	outside := filepath.Join(base, "outside")

	files := map[string]string{
		"index.html":                  indexHTML,
		"index.html.br":               indexHTMLBR,
		"index.html.gz":               gzipString(t, indexHTML),
		"city/suzhou/index.html":      suzhouHTML,
		"city/nanjing.html":           nanjingHTML,
		"city/wuxi/data.json":         dataJSON, // a directory without index.html
		"404.html":                    notFoundHTML,
		"en/404.html":                 notFoundEnHTML,
		"embed/404.html":              notFoundEmbedHTML,
		"en/embed/404.html":           notFoundEnEmbedHTML,
		"404.html.br":                 notFoundBR,
		"404.html.gz":                 gzipString(t, notFoundHTML),
		"app.wasm":                    appWasm,
		"app.wasm.br":                 appWasmBR,
		"app.wasm.gz":                 gzipString(t, appWasm),
		"style.css":                   styleCSS,
		"style.css.br":                styleCSSBR,
		"web/app.0123abcd.css":        hashedCSS,
		"app.js":                      appJS,
		"app.js.gz":                   gzipString(t, appJS),
		"app-worker.js":               workerJS,
		"manifest.webmanifest":        manifest,
		"data.json":                   dataJSON,
		"data/rows.csv":               "\ufeffid,name\r\n1,苏州\r\n",
		"data/map.geojson":            `{"type":"FeatureCollection","features":[]}`,
		"data.20240101.json":          dataJSON, // a date, not a hash
		"web/icons/icon.svg":          iconSVG,
		"web/icons/icon.png":          iconPNG,
		"blob.bin":                    "\x00\x01\x02<html>",
		"oembed/index.json":           oembedIndex,
		"oembed/city/suzhou.json":     oembedSuzhou,
		".env":                        dotEnv,
		".git/config":                 gitConfig,
		"web/.hidden/x.css":           styleCSS,
		"../outside/secret.txt":       secret,
		"../outside/index.html":       secret,
		"../outside/sub/secret2.html": secret,
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(dir, "escape.txt"))
	symlink(t, outside, filepath.Join(dir, "outdir"))
	symlink(t, "../../outside/sub/secret2.html", filepath.Join(dir, "city/changzhou.html"))
	symlink(t, "index.html", filepath.Join(dir, "home.html")) // stays inside: allowed
	return dir
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fixtureModTime, fixtureModTime); err != nil {
		t.Fatal(err)
	}
}

func symlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
}

func gzipString(t testing.TB, s string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func gunzipString(t testing.TB, s string) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(s))
	if err != nil {
		t.Fatalf("body is not gzip: %v", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("reading gzip body: %v", err)
	}
	return string(b)
}

// newTestHandler returns a handler for a fresh fixture.
func newTestHandler(t testing.TB) *handler {
	t.Helper()
	return mustHandler(t, newFixture(t))
}

func mustHandler(t testing.TB, dir string) *handler {
	t.Helper()
	h, err := newHandler(dir)
	if err != nil {
		t.Fatalf("newHandler(%q): %v", dir, err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// response is a recorded answer with its body read.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends one request to h. header holds name/value pairs.
func do(t *testing.T, h http.Handler, method, target string, header ...string) response {
	t.Helper()
	if len(header)%2 != 0 {
		t.Fatalf("do: odd header list %q", header)
	}
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, target, err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(body)}
}

// decoded returns the body with its Content-Encoding undone (brotli bodies
// are returned as sent).
func (r response) decoded(t *testing.T) string {
	t.Helper()
	if r.header.Get("Content-Encoding") == "gzip" {
		return gunzipString(t, r.body)
	}
	return r.body
}
