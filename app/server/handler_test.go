package server

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestNewHandlerStartupErrors(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file.txt")
	writeFile(t, file, "not a directory")
	empty := filepath.Join(base, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	indexIsDir := filepath.Join(base, "indexdir")
	if err := os.MkdirAll(filepath.Join(indexIsDir, "index.html"), 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		dir     string
		wantErr string
	}{
		{"empty flag", "", "must not be empty"},
		{"missing", filepath.Join(base, "nope"), "does not exist"},
		{"not a directory", file, "is not a directory"},
		{"no index.html", empty, "has no index.html"},
		{"index.html is a directory", indexIsDir, "has no index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := newHandler(tt.dir)
			if err == nil {
				h.Close()
				t.Fatalf("newHandler(%q): got no error, want one containing %q", tt.dir, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("newHandler(%q): got error %q, want it to contain %q", tt.dir, err, tt.wantErr)
			}
		})
	}
}

func TestContentTypes(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		path string
		want string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/city/suzhou", "text/html; charset=utf-8"},
		{"/style.css", "text/css; charset=utf-8"},
		{"/web/app.0123abcd.css", "text/css; charset=utf-8"},
		{"/app.js", "text/javascript; charset=utf-8"},
		{"/app-worker.js", "text/javascript; charset=utf-8"},
		{"/app.wasm", "application/wasm"},
		{"/manifest.webmanifest", "application/manifest+json"},
		{"/data.json", "application/json"},
		{"/data/rows.csv", "text/csv; charset=utf-8"},
		{"/data/map.geojson", "application/geo+json"},
		{"/web/icons/icon.svg", "image/svg+xml"},
		{"/web/icons/icon.png", "image/png"},
		{"/blob.bin", "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			for _, ae := range []string{"", "br, gzip"} {
				res := do(t, h, http.MethodGet, tt.path, "Accept-Encoding", ae)
				if res.status != http.StatusOK {
					t.Fatalf("Accept-Encoding %q: got status %d, want 200", ae, res.status)
				}
				if got := res.header.Get("Content-Type"); got != tt.want {
					t.Errorf("Accept-Encoding %q: got Content-Type %q, want %q", ae, got, tt.want)
				}
			}
		})
	}
}

func TestEncodingNegotiation(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name           string
		path           string
		acceptEncoding []string // nil: no header at all
		wantEncoding   string
		wantBody       string // after undoing gzip
	}{
		{"no header", "/app.wasm", nil, "", appWasm},
		{"empty header", "/app.wasm", []string{""}, "", appWasm},
		{"identity", "/app.wasm", []string{"identity"}, "", appWasm},
		{"gzip", "/app.wasm", []string{"gzip"}, "gzip", appWasm},
		{"x-gzip alias", "/app.wasm", []string{"x-gzip"}, "gzip", appWasm},
		{"br", "/app.wasm", []string{"br"}, "br", appWasmBR},
		{"browser list prefers br", "/app.wasm", []string{"gzip, deflate, br, zstd"}, "br", appWasmBR},
		{"upper case", "/app.wasm", []string{"GZIP, BR"}, "br", appWasmBR},
		{"two header lines", "/app.wasm", []string{"gzip", "br"}, "br", appWasmBR},
		{"br refused with q=0", "/app.wasm", []string{"br;q=0, gzip"}, "gzip", appWasm},
		{"br refused with q=0.000", "/app.wasm", []string{"gzip, br;q=0.000"}, "gzip", appWasm},
		{"higher q for gzip wins", "/app.wasm", []string{"br;q=0.5, gzip;q=1.0"}, "gzip", appWasm},
		{"spaces around q", "/app.wasm", []string{"br ; q=0.4 , gzip ; Q=0.9"}, "gzip", appWasm},
		{"tie goes to br", "/app.wasm", []string{"gzip;q=0.8, br;q=0.8"}, "br", appWasmBR},
		{"both refused", "/app.wasm", []string{"gzip;q=0, br;q=0"}, "", appWasm},
		{"identity preferred by q", "/app.wasm", []string{"gzip;q=0.5, identity"}, "", appWasm},
		{"wildcard", "/app.wasm", []string{"*"}, "br", appWasmBR},
		{"wildcard refused but gzip named", "/app.wasm", []string{"gzip, *;q=0"}, "gzip", appWasm},
		{"nothing acceptable falls back to identity", "/app.wasm", []string{"identity;q=0, *;q=0"}, "", appWasm},
		{"invalid q ignored", "/app.wasm", []string{"br;q=2, gzip;q=abc"}, "", appWasm},
		{"unknown coding", "/app.wasm", []string{"deflate, zstd"}, "", appWasm},
		{"only br sibling exists, gzip asked", "/style.css", []string{"gzip"}, "", styleCSS},
		{"only br sibling exists, br asked", "/style.css", []string{"gzip, br"}, "br", styleCSSBR},
		{"br preferred but missing for app.js", "/app.js", []string{"br, gzip"}, "gzip", appJS},
		{"no siblings at all", "/data.json", []string{"br, gzip"}, "", dataJSON},
		{"clean URL root", "/", []string{"gzip"}, "gzip", indexHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hdr []string
			for _, v := range tt.acceptEncoding {
				hdr = append(hdr, "Accept-Encoding", v)
			}
			res := do(t, h, http.MethodGet, tt.path, hdr...)
			if res.status != http.StatusOK {
				t.Fatalf("got status %d, want 200", res.status)
			}
			if got := res.header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("got Content-Encoding %q, want %q", got, tt.wantEncoding)
			}
			if got := res.header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("got Vary %q, want %q", got, "Accept-Encoding")
			}
			if got, want := res.header.Get("Content-Length"), strconv.Itoa(len(res.body)); got != want {
				t.Errorf("got Content-Length %q, want %q (the bytes sent)", got, want)
			}
			if got := res.decoded(t); got != tt.wantBody {
				t.Errorf("got decoded body %.40q (%d bytes), want %.40q (%d bytes)", got, len(got), tt.wantBody, len(tt.wantBody))
			}
		})
	}
}

func TestWasmContentLength(t *testing.T) {
	h := newTestHandler(t)
	raw := strconv.Itoa(len(appWasm))
	tests := []struct {
		acceptEncoding string
		method         string
		want           string
	}{
		{"br", http.MethodGet, raw},
		{"gzip", http.MethodGet, raw},
		{"br", http.MethodHead, raw},
		{"identity", http.MethodGet, ""}, // Content-Length already says it
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.acceptEncoding, func(t *testing.T) {
			res := do(t, h, tt.method, "/app.wasm", "Accept-Encoding", tt.acceptEncoding)
			if got := res.header.Get("Wasm-Content-Length"); got != tt.want {
				t.Errorf("got Wasm-Content-Length %q, want %q", got, tt.want)
			}
			if tt.want != "" {
				if got := res.header.Get("Access-Control-Expose-Headers"); !strings.Contains(got, "Wasm-Content-Length") {
					t.Errorf("got Access-Control-Expose-Headers %q, want it to expose Wasm-Content-Length", got)
				}
			}
		})
	}
	t.Run("not for other compressed files", func(t *testing.T) {
		res := do(t, h, http.MethodGet, "/app.js", "Accept-Encoding", "gzip")
		if got := res.header.Get("Wasm-Content-Length"); got != "" {
			t.Errorf("got Wasm-Content-Length %q on app.js, want none", got)
		}
	})
}

func TestCacheControl(t *testing.T) {
	h := newTestHandler(t)
	const (
		immutable  = "public, max-age=31536000, immutable"
		revalidate = "no-cache"
	)
	tests := []struct {
		target string
		want   string
	}{
		{"/", revalidate},
		{"/index.html", revalidate},
		{"/city/suzhou/", revalidate},
		{"/manifest.webmanifest", revalidate},
		{"/app-worker.js", revalidate},
		{"/app-worker.js?v=0123abcd", revalidate}, // the service worker is never pinned
		{"/app.js", revalidate},
		{"/app.wasm", revalidate},
		{"/style.css", revalidate},
		{"/data.20240101.json", revalidate}, // a date is not a hash
		{"/web/app.0123abcd.css", immutable},
		{"/app.js?v=0123abcd", immutable},
		{"/app.wasm?v=3F2A9C1B77", immutable},
		{"/app.js?v=latest", revalidate},
		{"/app.js?v=0123", revalidate},
		{"/index.html?v=0123abcd", revalidate}, // pages are always revalidated
		{"/no/such/page", revalidate},
		{"/web/missing.0123abcd.css", revalidate}, // a 404 is never pinned
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			for _, ae := range []string{"", "br, gzip"} {
				res := do(t, h, http.MethodGet, tt.target, "Accept-Encoding", ae)
				if got := res.header.Get("Cache-Control"); got != tt.want {
					t.Errorf("Accept-Encoding %q: got Cache-Control %q, want %q (status %d)", ae, got, tt.want, res.status)
				}
			}
		})
	}
}

func TestIsHashedPath(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"web/app.0123abcd.css", true},
		{"app.3f2a9c1b.css", true},
		{"app.3F2A9C1B.js", true},
		{"0123abcd.js", true},
		{"web/0123abcdef/app.css", true},
		{"app.0123abc.css", false}, // 7 hex digits
		{"app.css", false},
		{"index.html", false},
		{"data.20240101.json", false}, // digits only
		{"app.deadbeef.js", false},    // letters only
		{"app.0123abcg.css", false},   // not hex
		{"city/suzhou/index.html", false},
		{"app-0123abcd.css", false}, // only dot-separated parts count
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isHashedPath(tt.name); got != tt.want {
				t.Errorf("isHashedPath(%q): got %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestAcceptableEncodings(t *testing.T) {
	tests := []struct {
		header []string
		want   string
	}{
		{nil, "identity"},
		{[]string{""}, "identity"},
		{[]string{"gzip"}, "gzip identity"},
		{[]string{"br, gzip"}, "br gzip identity"},
		{[]string{"gzip;q=0.9, br;q=0.1"}, "gzip br identity"},
		{[]string{"gzip;q=0.5, identity;q=0.8"}, "identity gzip"},
		{[]string{"*;q=0.3, gzip"}, "gzip br identity"},
		{[]string{"*;q=0.3, gzip, identity;q=0.5"}, "gzip identity br"},
		{[]string{"*;q=0"}, "identity"},
		{[]string{"br;q=0, gzip;q=0"}, "identity"},
		{[]string{"br;q=1.001"}, "identity"},
		{[]string{"br;q=-1"}, "identity"},
		{[]string{",, ;q=1, br"}, "br identity"},
		{[]string{"br;level=5;q=0.5, gzip;q=0.4"}, "br gzip identity"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.header), func(t *testing.T) {
			if got := strings.Join(acceptableEncodings(tt.header), " "); got != tt.want {
				t.Errorf("acceptableEncodings(%q): got %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}

func TestConditionalRequests(t *testing.T) {
	h := newTestHandler(t)
	lastModified := fixtureModTime.Format(http.TimeFormat)

	etags := map[string]string{}
	for _, ae := range []string{"identity", "gzip", "br"} {
		res := do(t, h, http.MethodGet, "/app.wasm", "Accept-Encoding", ae)
		tag := res.header.Get("ETag")
		if tag == "" || strings.HasPrefix(tag, "W/") || !strings.HasPrefix(tag, `"`) {
			t.Fatalf("Accept-Encoding %s: got ETag %q, want a strong quoted tag", ae, tag)
		}
		if got := res.header.Get("Last-Modified"); got != lastModified {
			t.Errorf("Accept-Encoding %s: got Last-Modified %q, want %q", ae, got, lastModified)
		}
		for other, otherTag := range etags {
			if otherTag == tag {
				t.Errorf("got the same ETag %s for %s and %s, want one per encoding", tag, ae, other)
			}
		}
		etags[ae] = tag
	}

	tests := []struct {
		name       string
		ae         string
		header     []string
		wantStatus int
	}{
		{"matching If-None-Match", "br", []string{"If-None-Match", etags["br"]}, http.StatusNotModified},
		{"If-None-Match in a list", "gzip", []string{"If-None-Match", `"nope", ` + etags["gzip"]}, http.StatusNotModified},
		{"If-None-Match star", "br", []string{"If-None-Match", "*"}, http.StatusNotModified},
		{"stale If-None-Match", "br", []string{"If-None-Match", `"stale"`}, http.StatusOK},
		{"other encoding's ETag", "gzip", []string{"If-None-Match", etags["br"]}, http.StatusOK},
		{"If-Modified-Since equal", "identity", []string{"If-Modified-Since", lastModified}, http.StatusNotModified},
		{"If-Modified-Since later", "gzip", []string{"If-Modified-Since", fixtureModTime.Add(time.Hour).Format(http.TimeFormat)}, http.StatusNotModified},
		{"If-Modified-Since earlier", "gzip", []string{"If-Modified-Since", fixtureModTime.Add(-time.Hour).Format(http.TimeFormat)}, http.StatusOK},
		{"If-None-Match wins over If-Modified-Since", "br", []string{"If-None-Match", `"stale"`, "If-Modified-Since", lastModified}, http.StatusOK},
		{"failed If-Match", "gzip", []string{"If-Match", `"stale"`}, http.StatusPreconditionFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, h, http.MethodGet, "/app.wasm", append([]string{"Accept-Encoding", tt.ae}, tt.header...)...)
			if res.status != tt.wantStatus {
				t.Fatalf("got status %d, want %d", res.status, tt.wantStatus)
			}
			if tt.wantStatus == http.StatusOK {
				return
			}
			if res.body != "" {
				t.Errorf("got body %.40q on %d, want none", res.body, res.status)
			}
			if tt.wantStatus == http.StatusNotModified {
				if got := res.header.Get("ETag"); got != etags[tt.ae] {
					t.Errorf("got ETag %q on 304, want %q", got, etags[tt.ae])
				}
				if got := res.header.Get("Vary"); got != "Accept-Encoding" {
					t.Errorf("got Vary %q on 304, want Accept-Encoding", got)
				}
			}
		})
	}
}

// TestCompressedRangeAndPreconditions checks that answers other than a
// full 200 for a precompressed file are consistent over a real connection.
func TestCompressedRangeAndPreconditions(t *testing.T) {
	srv := httptest.NewServer(newTestHandler(t))
	defer srv.Close()
	gz := gzipString(t, appWasm)

	tests := []struct {
		name       string
		header     []string
		wantStatus int
		wantBody   string
	}{
		{"range of the gzip bytes", []string{"Range", "bytes=0-9"}, http.StatusPartialContent, gz[:10]},
		{"failed If-Match", []string{"If-Match", `"stale"`}, http.StatusPreconditionFailed, ""},
		{"full", nil, http.StatusOK, gz},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, srv.URL+"/app.wasm", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Accept-Encoding", "gzip") // set by hand: the transport won't decode
			for i := 0; i < len(tt.header); i += 2 {
				req.Header.Set(tt.header[i], tt.header[i+1])
			}
			res, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body := readAll(t, res)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("got status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if body != tt.wantBody {
				t.Errorf("got body of %d bytes, want %d bytes", len(body), len(tt.wantBody))
			}
			if res.ContentLength != int64(len(tt.wantBody)) {
				t.Errorf("got Content-Length %d, want %d", res.ContentLength, len(tt.wantBody))
			}
		})
	}
}

func TestHead(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		target     string
		ae         string
		wantStatus int
		wantLength int
	}{
		{"/", "", http.StatusOK, len(indexHTML)},
		{"/app.wasm", "br", http.StatusOK, len(appWasmBR)},
		{"/app.wasm", "gzip", http.StatusOK, len(gzipString(t, appWasm))},
		{"/no/such/page", "", http.StatusNotFound, len(notFoundHTML)},
		{"/no/such/page", "br", http.StatusNotFound, len(notFoundBR)},
	}
	for _, tt := range tests {
		t.Run(tt.target+" "+tt.ae, func(t *testing.T) {
			res := do(t, h, http.MethodHead, tt.target, "Accept-Encoding", tt.ae)
			if res.status != tt.wantStatus {
				t.Errorf("got status %d, want %d", res.status, tt.wantStatus)
			}
			if res.body != "" {
				t.Errorf("got body %.40q, want none for HEAD", res.body)
			}
			if got, want := res.header.Get("Content-Length"), strconv.Itoa(tt.wantLength); got != want {
				t.Errorf("got Content-Length %q, want %q", got, want)
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := newTestHandler(t)
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions, http.MethodTrace, http.MethodConnect, "PROPFIND", "get"} {
		t.Run(method, func(t *testing.T) {
			res := do(t, h, method, "/index.html")
			if res.status != http.StatusMethodNotAllowed {
				t.Errorf("got status %d, want 405", res.status)
			}
			if got := res.header.Get("Allow"); got != "GET, HEAD" {
				t.Errorf("got Allow %q, want %q", got, "GET, HEAD")
			}
		})
	}
}

func TestCommonHeaders(t *testing.T) {
	h := newTestHandler(t)
	tag := do(t, h, http.MethodGet, "/").header.Get("ETag")
	tests := []struct {
		name   string
		method string
		target string
		header []string
		status int
	}{
		{"200", http.MethodGet, "/", nil, http.StatusOK},
		{"304", http.MethodGet, "/", []string{"If-None-Match", tag}, http.StatusNotModified},
		{"404", http.MethodGet, "/missing", nil, http.StatusNotFound},
		{"400", http.MethodGet, "/a/../b", nil, http.StatusBadRequest},
		{"405", http.MethodPost, "/", nil, http.StatusMethodNotAllowed},
		{"wasm", http.MethodGet, "/app.wasm", []string{"Accept-Encoding", "br"}, http.StatusOK},
		{"206", http.MethodGet, "/app.wasm", []string{"Range", "bytes=0-3"}, http.StatusPartialContent},
		{"416", http.MethodGet, "/app.wasm", []string{"Range", "bytes=999999-"}, http.StatusRequestedRangeNotSatisfiable},
		{"412", http.MethodGet, "/", []string{"If-Match", `"stale"`}, http.StatusPreconditionFailed},
		{"HEAD", http.MethodHead, "/city/suzhou", nil, http.StatusOK},
		{"english 404", http.MethodGet, "/en/city/atlantis", nil, http.StatusNotFound},
		{"hidden", http.MethodGet, "/.env", nil, http.StatusNotFound},
		{"service worker", http.MethodGet, "/app-worker.js", nil, http.StatusOK},
		{"svg", http.MethodGet, "/web/icons/icon.svg", nil, http.StatusOK},
	}
	wantCSP := contentSecurityPolicy(defaultFrameAncestors)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, h, tt.method, tt.target, tt.header...)
			if res.status != tt.status {
				t.Fatalf("got status %d, want %d", res.status, tt.status)
			}
			if got := res.header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("got X-Content-Type-Options %q, want nosniff", got)
			}
			if got := res.header.Get("Referrer-Policy"); got != "strict-origin-when-cross-origin" {
				t.Errorf("got Referrer-Policy %q, want strict-origin-when-cross-origin", got)
			}
			if got := res.header.Values("Content-Security-Policy"); len(got) != 1 || got[0] != wantCSP {
				t.Errorf("got Content-Security-Policy %q, want exactly %q", got, wantCSP)
			}
			if got := res.header.Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("got Access-Control-Allow-Origin %q, want *", got)
			}
			if got, ok := res.header["X-Frame-Options"]; ok {
				t.Errorf("got X-Frame-Options %q, want none (pages are embedded in iframes)", got)
			}
		})
	}
}

func TestCleanURLs(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		target     string
		wantStatus int
		wantBody   string
	}{
		{"/", http.StatusOK, indexHTML},
		{"", http.StatusOK, indexHTML},
		{"/index.html", http.StatusOK, indexHTML},
		{"/index", http.StatusOK, indexHTML},
		{"/city/suzhou", http.StatusOK, suzhouHTML},
		{"/city/suzhou/", http.StatusOK, suzhouHTML},
		{"/city/suzhou/index.html", http.StatusOK, suzhouHTML},
		{"/city//suzhou", http.StatusOK, suzhouHTML},
		{"/city/./suzhou/", http.StatusOK, suzhouHTML},
		{"/city/nanjing", http.StatusOK, nanjingHTML},
		{"/city/nanjing/", http.StatusOK, nanjingHTML},
		{"/city/nanjing.html", http.StatusOK, nanjingHTML},
		{"/home.html", http.StatusOK, indexHTML},           // symlink that stays inside
		{"/city", http.StatusNotFound, notFoundHTML},       // directory without index: no listing
		{"/city/", http.StatusNotFound, notFoundHTML},      // same
		{"/city/wuxi/", http.StatusNotFound, notFoundHTML}, // same
		{"/web/icons/", http.StatusNotFound, notFoundHTML},
		{"/index.html/", http.StatusNotFound, notFoundHTML}, // a file is not a directory
		{"/app.js/x", http.StatusNotFound, notFoundHTML},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path = tt.target
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("got status %d, want %d", rec.Code, tt.wantStatus)
			}
			if got := rec.Body.String(); got != tt.wantBody {
				t.Errorf("got body %.60q, want %.60q", got, tt.wantBody)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name         string
		target       string
		ae           string
		wantEncoding string
		wantBody     string
	}{
		{"plain", "/no/such/page", "", "", notFoundHTML},
		{"gzip", "/no/such/page", "gzip", "gzip", notFoundHTML},
		{"br", "/nope.js", "gzip, br", "br", notFoundBR},
		{"missing wasm", "/web/other.wasm", "br", "br", notFoundBR},
		{"missing hashed file", "/web/app.89abcdef.css", "", "", notFoundHTML},
		{"city without page", "/city/taizhou", "gzip", "gzip", notFoundHTML},
		{"english section", "/en/city/atlantis", "", "", notFoundEnHTML},
		{"english section, gzip accepted but no .gz", "/en/nope", "gzip", "", notFoundEnHTML},
		{"en prefix is not a section", "/english/nope", "", "", notFoundHTML},
		// The URL contract's table (app/route's NotFoundPage).
		{"city", "/city/x", "", "", notFoundHTML},
		{"english city", "/en/city/x", "", "", notFoundEnHTML},
		{"embed city", "/embed/city/x", "", "", notFoundEmbedHTML},
		{"english embed city", "/en/embed/city/x", "", "", notFoundEnEmbedHTML},
		{"compare", "/compare/x", "", "", notFoundHTML},
		{"english compare", "/en/compare/x", "", "", notFoundEnHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, h, http.MethodGet, tt.target, "Accept-Encoding", tt.ae)
			if res.status != http.StatusNotFound {
				t.Errorf("got status %d, want 404", res.status)
			}
			if got := res.header.Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("got Content-Type %q, want text/html; charset=utf-8", got)
			}
			if got := res.header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("got Content-Encoding %q, want %q", got, tt.wantEncoding)
			}
			if got := res.header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("got Vary %q, want Accept-Encoding", got)
			}
			if got, want := res.header.Get("Content-Length"), strconv.Itoa(len(res.body)); got != want {
				t.Errorf("got Content-Length %q, want %q", got, want)
			}
			if got := res.header.Get("ETag"); got != "" {
				t.Errorf("got ETag %q on a 404, want none", got)
			}
			if got := res.decoded(t); got != tt.wantBody {
				t.Errorf("got body %.60q, want %.60q", got, tt.wantBody)
			}
		})
	}

	t.Run("no 404.html", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "index.html"), indexHTML)
		h := mustHandler(t, dir)
		res := do(t, h, http.MethodGet, "/missing", "Accept-Encoding", "gzip, br")
		if res.status != http.StatusNotFound {
			t.Errorf("got status %d, want 404", res.status)
		}
		if got := res.header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
			t.Errorf("got Content-Type %q, want text/plain; charset=utf-8", got)
		}
		if got := res.header.Get("Content-Encoding"); got != "" {
			t.Errorf("got Content-Encoding %q, want none", got)
		}
		if got, want := res.body, "404 page not found\n"; got != want {
			t.Errorf("got body %q, want %q", got, want)
		}
	})
}

// hostilePaths are request targets that try to leave the site directory or
// reach files that must stay private.
var hostilePaths = []struct {
	target     string
	wantStatus int
}{
	{"/../etc/passwd", http.StatusBadRequest},
	{"/%2e%2e/%2e%2e/etc/passwd", http.StatusBadRequest},
	{"/..%2fetc", http.StatusBadRequest},
	{"/..%2f..%2foutside%2fsecret.txt", http.StatusBadRequest},
	{"/city/../../outside/secret.txt", http.StatusBadRequest},
	{"/%252e%252e/", http.StatusNotFound},
	{"/%252e%252e/outside/secret.txt", http.StatusNotFound},
	{"/foo%00bar", http.StatusBadRequest},
	{"/index.html%00.png", http.StatusBadRequest},
	{`/\windows`, http.StatusBadRequest},
	{"/%5c..%5coutside%5csecret.txt", http.StatusBadRequest},
	{"/.git/config", http.StatusNotFound},
	{"/.git/", http.StatusNotFound},
	{"/.env", http.StatusNotFound},
	{"/%2eenv", http.StatusNotFound},
	{"/web/.hidden/x.css", http.StatusNotFound},
	{"/escape.txt", http.StatusNotFound},          // symlink to a file outside
	{"/outdir/secret.txt", http.StatusNotFound},   // symlink to a directory outside
	{"/outdir/", http.StatusNotFound},             // ... whose index.html is outside
	{"/outdir", http.StatusNotFound},              // ... same
	{"/city/changzhou", http.StatusNotFound},      // relative symlink climbing out
	{"/city/changzhou.html", http.StatusNotFound}, // same, by file name
	{"/outdir%2fsecret.txt", http.StatusNotFound}, // encoded slash into the symlink
	{"//etc/passwd", http.StatusNotFound},         // absolute paths stay inside the site
	{"/%2F%2Fetc%2Fpasswd", http.StatusNotFound},
	{"/etc/passwd", http.StatusNotFound},
	{"/proc/self/environ", http.StatusNotFound},
	{"/%2e%2e", http.StatusBadRequest},
	{"/.%2e/outside/secret.txt", http.StatusBadRequest},
	{"/%2e%2e%5coutside%5csecret.txt", http.StatusBadRequest},
	{"/web/..%2f.env", http.StatusBadRequest},
	{"/" + strings.Repeat("../", 64) + "etc/passwd", http.StatusBadRequest},
	{"/..%00/", http.StatusBadRequest},
	{"/index.html%00", http.StatusBadRequest},
	{"/index.html%2500", http.StatusNotFound}, // a literal "%00" in the name
	{"/%0d%0aSet-Cookie:%20x=1", http.StatusBadRequest},
	{"/%c0%ae%c0%ae/outside/secret.txt", http.StatusNotFound}, // overlong UTF-8 dots are just bytes
	{"/city/..;/..;/outside/secret.txt", http.StatusNotFound},
	{"/%2egit/config", http.StatusNotFound},
	{"/.git%2fconfig", http.StatusNotFound},
	{"/web/icons/.%2e/.%2e/.env", http.StatusBadRequest},
	{"/" + strings.Repeat("a/", 2000) + "x", http.StatusNotFound},
}

// rawOnlyHostileTargets are request targets that no client library would
// send; net/http or the handler must refuse them.
var rawOnlyHostileTargets = []struct {
	target     string
	wantStatus int
}{
	{"../../outside/secret.txt", http.StatusBadRequest},
	{"outside/secret.txt", http.StatusBadRequest},
	{"*", http.StatusBadRequest},
	{`C:\outside\secret.txt`, http.StatusBadRequest},
	{"/%u002e%u002e/outside/secret.txt", http.StatusBadRequest},
	{"/foo%zz", http.StatusBadRequest},
	{"/a b", http.StatusBadRequest},
	{"http://example.test/../../outside/secret.txt", http.StatusBadRequest},
	{"http://example.test/%2e%2e/outside/secret.txt", http.StatusBadRequest},
	{"http://example.test/.env", http.StatusNotFound},
	{"/city/suzhou#/../../outside/secret.txt", http.StatusBadRequest},
}

func TestHostilePaths(t *testing.T) {
	h := newTestHandler(t)
	for _, tt := range hostilePaths {
		t.Run(tt.target, func(t *testing.T) {
			res := do(t, h, http.MethodGet, tt.target, "Accept-Encoding", "gzip, br")
			checkHostile(t, res.status, res.decoded(t), tt.wantStatus)
		})
	}
}

// TestHostilePathsOverTCP sends the same targets, and some that only a raw
// connection can send, as raw request lines, so no client library
// normalises them first.
func TestHostilePathsOverTCP(t *testing.T) {
	srv := httptest.NewServer(newTestHandler(t))
	defer srv.Close()
	for _, tt := range slices.Concat(hostilePaths, rawOnlyHostileTargets) {
		t.Run(tt.target, func(t *testing.T) {
			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n", tt.target); err != nil {
				t.Fatal(err)
			}
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("reading response: %v", err)
			}
			checkHostile(t, res.StatusCode, readAll(t, res), tt.wantStatus)
		})
	}
}

func checkHostile(t *testing.T, status int, body string, wantStatus int) {
	t.Helper()
	if strings.Contains(body, secret) || strings.Contains(body, "API_KEY") || strings.Contains(body, "[core]") {
		t.Fatalf("got status %d with private content %.60q", status, body)
	}
	if status != wantStatus {
		t.Errorf("got status %d, want %d", status, wantStatus)
	}
}

func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	var b strings.Builder
	if _, err := bufio.NewReader(res.Body).WriteTo(&b); err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return b.String()
}
