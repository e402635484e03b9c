package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/oembed"
)

// cspDirectives splits a Content-Security-Policy into directive name →
// value.
func cspDirectives(t *testing.T, policy string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for d := range strings.SplitSeq(policy, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		if name == "" {
			t.Fatalf("empty directive in %q", policy)
		}
		if _, dup := out[name]; dup {
			t.Fatalf("directive %s twice in %q", name, policy)
		}
		out[name] = value
	}
	return out
}

func TestContentSecurityPolicy(t *testing.T) {
	policy := contentSecurityPolicy(defaultFrameAncestors)
	got := cspDirectives(t, policy)
	want := map[string]string{
		"default-src":     "'none'",
		"script-src":      "'self' 'wasm-unsafe-eval'",
		"style-src":       "'self'",
		"img-src":         "'self' data:",
		"font-src":        "'self'",
		"connect-src":     "'self'",
		"manifest-src":    "'self'",
		"worker-src":      "'self'",
		"frame-src":       "'self'",
		"base-uri":        "'none'",
		"form-action":     "'none'",
		"frame-ancestors": "*",
	}
	for name, value := range want {
		t.Run(name, func(t *testing.T) {
			if got[name] != value {
				t.Errorf("got %s %q, want %q", name, got[name], value)
			}
		})
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("got unexpected directive %s %q", name, got[name])
		}
	}
	for _, loose := range []string{"'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "blob:"} {
		if strings.Contains(policy, loose) {
			t.Errorf("got %s in the policy %q, want none", loose, policy)
		}
	}
}

func TestCheckFrameAncestors(t *testing.T) {
	tests := []struct {
		value   string
		want    string // "" when the value must be refused
		wantErr string
	}{
		{"*", "*", ""},
		{"'self'", "'self'", ""},
		{"'none'", "'none'", ""},
		{"https:", "https:", ""},
		{"https://news.example.com", "https://news.example.com", ""},
		{"  'self'   https://*.example.com:443  ", "'self' https://*.example.com:443", ""},
		{"https://example.com/embeds/", "https://example.com/embeds/", ""},
		{"example.com:*", "example.com:*", ""},
		{"", "", "must not be empty"},
		{"   ", "", "must not be empty"},
		{"'none' 'self'", "", "'none' must stand alone"},
		{"'self'; script-src *", "", "not a CSP source expression"},
		{"https://a.example, https://b.example", "", "not a CSP source expression"},
		{"'unsafe-inline'", "", "not a CSP source expression"},
		{"none", "none", ""}, // a host called "none", as CSP reads it
		{"https://example.com\r\nX-Frame-Options: DENY", "", "control character"},
		{"https://example.com\x00", "", "control character"},
		{"'self'\thttps://example.com", "'self' https://example.com", ""},
		{`"*"`, "", "not a CSP source expression"},
		{"https://例子.测试", "", "not a CSP source expression"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			got, err := checkFrameAncestors(tt.value)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("checkFrameAncestors(%q): got %q, %v; want an error containing %q", tt.value, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("checkFrameAncestors(%q): got %q, %v; want %q", tt.value, got, err, tt.want)
			}
		})
	}
}

func TestFrameAncestorsHeader(t *testing.T) {
	tests := []struct {
		sources string
		want    string
	}{
		{"*", "frame-ancestors *"},
		{"'self' https://news.example.com", "frame-ancestors 'self' https://news.example.com"},
		{"'none'", "frame-ancestors 'none'"},
	}
	for _, tt := range tests {
		t.Run(tt.sources, func(t *testing.T) {
			h, err := newHandler(newFixture(t), withFrameAncestors(tt.sources))
			if err != nil {
				t.Fatal(err)
			}
			defer h.Close()
			for _, target := range []string{"/", "/missing"} {
				res := do(t, h, http.MethodGet, target)
				csp := res.header.Get("Content-Security-Policy")
				if got := cspDirectives(t, csp)["frame-ancestors"]; "frame-ancestors "+got != tt.want {
					t.Errorf("%s: got frame-ancestors %q in %q, want %q", target, got, csp, tt.want)
				}
				if got := res.header.Values("X-Frame-Options"); got != nil {
					t.Errorf("%s: got X-Frame-Options %q, want none", target, got)
				}
			}
		})
	}
}

// bigFile is a deterministic multi-megabyte file body.
func bigFile(size int) []byte {
	b := make([]byte, size)
	for i := range b {
		b[i] = byte(i*7 + i>>11)
	}
	return b
}

func TestRangeRequests(t *testing.T) {
	dir := newFixture(t)
	const size = 3 << 20
	big := bigFile(size)
	writeFile(t, filepath.Join(dir, "web", "big.wasm"), string(big))
	srv := httptest.NewServer(mustHandler(t, dir))
	defer srv.Close()

	head, err := srv.Client().Head(srv.URL + "/web/big.wasm")
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	tag := head.Header.Get("ETag")
	if head.Header.Get("Accept-Ranges") != "bytes" {
		t.Errorf("got Accept-Ranges %q, want bytes", head.Header.Get("Accept-Ranges"))
	}

	type part struct {
		from, to int // inclusive
	}
	tests := []struct {
		name       string
		method     string
		header     []string
		wantStatus int
		wantParts  []part // nil: the whole file (200) or no body
	}{
		{"first bytes", http.MethodGet, []string{"Range", "bytes=0-99"}, http.StatusPartialContent, []part{{0, 99}}},
		{"middle megabyte", http.MethodGet, []string{"Range", "bytes=1048576-2097151"}, http.StatusPartialContent, []part{{1 << 20, 2<<20 - 1}}},
		{"suffix", http.MethodGet, []string{"Range", "bytes=-10"}, http.StatusPartialContent, []part{{size - 10, size - 1}}},
		{"open end", http.MethodGet, []string{"Range", "bytes=3145000-"}, http.StatusPartialContent, []part{{3145000, size - 1}}},
		{"end past the file", http.MethodGet, []string{"Range", "bytes=3145000-9999999"}, http.StatusPartialContent, []part{{3145000, size - 1}}},
		{"two ranges", http.MethodGet, []string{"Range", "bytes=0-0,-1"}, http.StatusPartialContent, []part{{0, 0}, {size - 1, size - 1}}},
		{"If-Range matches", http.MethodGet, []string{"Range", "bytes=5-9", "If-Range", tag}, http.StatusPartialContent, []part{{5, 9}}},
		{"If-Range stale", http.MethodGet, []string{"Range", "bytes=5-9", "If-Range", `"stale"`}, http.StatusOK, nil},
		{"ranges larger than the file", http.MethodGet, []string{"Range", "bytes=0-,0-,0-"}, http.StatusOK, nil},
		{"unsatisfiable", http.MethodGet, []string{"Range", "bytes=4000000-"}, http.StatusRequestedRangeNotSatisfiable, []part{}},
		{"malformed", http.MethodGet, []string{"Range", "bytes=abc"}, http.StatusRequestedRangeNotSatisfiable, []part{}},
		{"HEAD with a range", http.MethodHead, []string{"Range", "bytes=0-99"}, http.StatusPartialContent, []part{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+"/web/big.wasm", nil)
			if err != nil {
				t.Fatal(err)
			}
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
			if tt.method == http.MethodGet && res.ContentLength != int64(len(body)) {
				t.Errorf("got Content-Length %d, want the %d bytes sent", res.ContentLength, len(body))
			}
			switch {
			case tt.wantParts == nil:
				if !bytes.Equal([]byte(body), big) {
					t.Errorf("got a body of %d bytes, want the whole file of %d", len(body), size)
				}
			case res.StatusCode == http.StatusRequestedRangeNotSatisfiable:
				want := fmt.Sprintf("bytes */%d", size)
				if tt.name == "malformed" {
					want = "" // there is no range to be unsatisfiable
				}
				if got := res.Header.Get("Content-Range"); got != want {
					t.Errorf("got Content-Range %q, want %q", got, want)
				}
			case tt.method == http.MethodHead:
				if body != "" {
					t.Errorf("got a body of %d bytes for HEAD, want none", len(body))
				}
			case len(tt.wantParts) == 1:
				p := tt.wantParts[0]
				if got, want := res.Header.Get("Content-Range"), fmt.Sprintf("bytes %d-%d/%d", p.from, p.to, size); got != want {
					t.Errorf("got Content-Range %q, want %q", got, want)
				}
				if !bytes.Equal([]byte(body), big[p.from:p.to+1]) {
					t.Errorf("got %d bytes, want bytes %d-%d of the file", len(body), p.from, p.to)
				}
			default:
				mt, params, err := mime.ParseMediaType(res.Header.Get("Content-Type"))
				if err != nil || mt != "multipart/byteranges" {
					t.Fatalf("got Content-Type %q, want multipart/byteranges", res.Header.Get("Content-Type"))
				}
				mr := multipart.NewReader(strings.NewReader(body), params["boundary"])
				for i, p := range tt.wantParts {
					mp, err := mr.NextPart()
					if err != nil {
						t.Fatalf("part %d: %v", i, err)
					}
					got, err := io.ReadAll(mp)
					if err != nil {
						t.Fatalf("part %d: %v", i, err)
					}
					if want := fmt.Sprintf("bytes %d-%d/%d", p.from, p.to, size); mp.Header.Get("Content-Range") != want {
						t.Errorf("part %d: got Content-Range %q, want %q", i, mp.Header.Get("Content-Range"), want)
					}
					if !bytes.Equal(got, big[p.from:p.to+1]) {
						t.Errorf("part %d: got %d bytes, want bytes %d-%d", i, len(got), p.from, p.to)
					}
				}
				if _, err := mr.NextPart(); err != io.EOF {
					t.Errorf("got more parts than %d (%v)", len(tt.wantParts), err)
				}
			}
		})
	}
}

func TestServerSettings(t *testing.T) {
	srv := newServer(http.NotFoundHandler(), log.New(io.Discard, "", 0))
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout, 5 * time.Second},
		{"ReadTimeout", srv.ReadTimeout, 10 * time.Second},
		{"WriteTimeout", srv.WriteTimeout, 5 * time.Minute},
		{"IdleTimeout", srv.IdleTimeout, 2 * time.Minute},
		{"MaxHeaderBytes", srv.MaxHeaderBytes, 64 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

// startServer serves with srv's settings on a loopback port until the
// test ends, and returns the address.
func startServer(t *testing.T, srv *http.Server) string {
	t.Helper()
	s, err := serve("127.0.0.1:0", srv, contentSecurityPolicy(defaultFrameAncestors))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Shutdown(waitLimit); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return s.Addr
}

// TestRawRequests sends requests as bytes, including those net/http
// answers by itself before any handler runs: every answer must carry the
// security headers, net/http's own 400, 431, 501 and 505 included.
func TestRawRequests(t *testing.T) {
	addr := startServer(t, newServer(newTestHandler(t), log.New(io.Discard, "", 0)))
	big := func(n int) string {
		return "GET / HTTP/1.1\r\nHost: example.test\r\nX-Big: " + strings.Repeat("a", n) + "\r\nConnection: close\r\n\r\n"
	}
	tests := []struct {
		name       string
		request    string
		wantStatus int
	}{
		{"small header", big(100), http.StatusOK},
		{"32 KiB header", big(32 << 10), http.StatusOK},
		{"100 KiB header", big(100 << 10), http.StatusRequestHeaderFieldsTooLarge},
		{"1 MiB header", big(1 << 20), http.StatusRequestHeaderFieldsTooLarge},
		{"no Host", "GET / HTTP/1.1\r\n\r\n", http.StatusBadRequest},
		{"malformed header", "GET / HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n", http.StatusBadRequest},
		{"unknown transfer coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: rot13\r\n\r\n", http.StatusNotImplemented},
		{"HTTP/2 over HTTP/1", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", http.StatusHTTPVersionNotSupported},
		{"not found", "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", http.StatusNotFound},
	}
	want := securityHeaders(contentSecurityPolicy(defaultFrameAncestors))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(waitLimit))
			// Write in the background: the server may answer and close
			// before reading all of a huge header.
			go io.WriteString(conn, tt.request)
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("reading response: %v", err)
			}
			res.Body.Close()
			if res.StatusCode != tt.wantStatus {
				t.Errorf("got status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			for _, f := range want {
				if got := res.Header.Values(f.name); !slices.Equal(got, f.values) {
					t.Errorf("%d: got %s %q, want %q", res.StatusCode, f.name, got, f.values)
				}
			}
		})
	}
}

// TestSlowClientsAreCut checks that a client that never finishes its
// request header (slowloris) or its body loses the connection once the
// read timeouts pass. The timeouts are shortened for the test.
func TestSlowClientsAreCut(t *testing.T) {
	srv := newServer(newTestHandler(t), log.New(io.Discard, "", 0))
	srv.ReadHeaderTimeout = 200 * time.Millisecond
	srv.ReadTimeout = 400 * time.Millisecond
	addr := startServer(t, srv)
	tests := []struct {
		name string
		sent string
	}{
		{"header never finished", "GET / HTTP/1.1\r\nHost: example.test\r\nX-Slow: "},
		{"nothing after connecting", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, tt.sent); err != nil {
				t.Fatal(err)
			}
			conn.SetReadDeadline(time.Now().Add(waitLimit))
			start := time.Now()
			b, err := io.ReadAll(conn) // returns when the server closes
			if errors.Is(err, os.ErrDeadlineExceeded) {
				t.Fatalf("connection still open after %s, want it closed by the server", waitLimit)
			}
			if len(b) > 0 && !strings.HasPrefix(string(b), "HTTP/1.1 408") {
				t.Errorf("got %.60q, want nothing or a 408", b)
			}
			if d := time.Since(start); d < srv.ReadHeaderTimeout/2 {
				t.Errorf("connection closed after %s, before the header timeout of %s", d, srv.ReadHeaderTimeout)
			}
		})
	}
}

// accessRecord is one line of the access log.
type accessRecord struct {
	Msg       string  `json:"msg"`
	Level     string  `json:"level"`
	Method    string  `json:"method"`
	Path      string  `json:"path"`
	Status    int     `json:"status"`
	Bytes     int64   `json:"bytes"`
	Encoding  string  `json:"encoding"`
	Ms        float64 `json:"ms"`
	Remote    string  `json:"remote"`
	Proto     string  `json:"proto"`
	UserAgent string  `json:"user_agent"`
}

func parseAccessLog(t *testing.T, out string) []accessRecord {
	t.Helper()
	var recs []accessRecord
	for line := range strings.Lines(out) {
		var r accessRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("access log line %q is not JSON: %v", line, err)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestAccessLog(t *testing.T) {
	var out LogBuffer
	srv := httptest.NewServer(accessLog(newTestHandler(t), newAccessLogger(&out)))
	defer srv.Close()
	longName := strings.Repeat("x", 2000)
	tag := do(t, newTestHandler(t), http.MethodGet, "/").header.Get("ETag")

	tests := []struct {
		name   string
		method string
		target string
		header []string
		want   accessRecord // Ms, Remote, Proto are checked separately
	}{
		{"page", http.MethodGet, "/city/suzhou", nil,
			accessRecord{Method: "GET", Path: "/city/suzhou", Status: 200, Bytes: int64(len(suzhouHTML))}},
		{"wasm brotli", http.MethodGet, "/app.wasm", []string{"Accept-Encoding", "br"},
			accessRecord{Method: "GET", Path: "/app.wasm", Status: 200, Bytes: int64(len(appWasmBR)), Encoding: "br"}},
		{"range", http.MethodGet, "/app.wasm", []string{"Range", "bytes=0-9"},
			accessRecord{Method: "GET", Path: "/app.wasm", Status: 206, Bytes: 10}},
		{"not modified", http.MethodGet, "/", []string{"If-None-Match", tag},
			accessRecord{Method: "GET", Path: "/", Status: 304}},
		{"head", http.MethodHead, "/", nil,
			accessRecord{Method: "HEAD", Path: "/", Status: 200}},
		{"not found", http.MethodGet, "/missing", nil,
			accessRecord{Method: "GET", Path: "/missing", Status: 404, Bytes: int64(len(notFoundHTML))}},
		{"method", http.MethodDelete, "/", nil,
			accessRecord{Method: "DELETE", Path: "/", Status: 405, Bytes: int64(len("405 method not allowed\n"))}},
		{"bad path", http.MethodGet, "/a/%2e%2e/b", nil,
			accessRecord{Method: "GET", Path: "/a/%2e%2e/b", Status: 400, Bytes: int64(len("400 bad request\n"))}},
		{"query is not logged", http.MethodGet, "/?childId=private", []string{"User-Agent", "test-agent/1.0"},
			accessRecord{Method: "GET", Path: "/", Status: 200, Bytes: int64(len(indexHTML)), UserAgent: "test-agent/1.0"}},
		{"long path is cut", http.MethodGet, "/" + longName, []string{"User-Agent", strings.Repeat("u", 1000)},
			accessRecord{Method: "GET", Path: "/" + longName[:511] + "…", Status: 404, Bytes: int64(len(notFoundHTML)), UserAgent: strings.Repeat("u", 256) + "…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(out.String())
			req, err := http.NewRequest(tt.method, srv.URL+tt.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("User-Agent", "")
			req.Header.Set("Accept-Encoding", "identity") // or the transport asks for gzip
			for i := 0; i < len(tt.header); i += 2 {
				req.Header.Set(tt.header[i], tt.header[i+1])
			}
			res, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			readAll(t, res)
			recs := parseAccessLog(t, out.String()[before:])
			if len(recs) != 1 {
				t.Fatalf("got %d access records, want 1", len(recs))
			}
			got := recs[0]
			if got.Msg != "request" || got.Level != "INFO" {
				t.Errorf("got msg %q level %q, want request INFO", got.Msg, got.Level)
			}
			if got.Remote != "127.0.0.1" {
				t.Errorf("got remote %q, want 127.0.0.1", got.Remote)
			}
			if got.Proto != "HTTP/1.1" {
				t.Errorf("got proto %q, want HTTP/1.1", got.Proto)
			}
			if got.Ms < 0 {
				t.Errorf("got ms %v, want a duration", got.Ms)
			}
			got.Msg, got.Level, got.Remote, got.Proto, got.Ms = "", "", "", "", 0
			if got != tt.want {
				t.Errorf("got record %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestStartConfig(t *testing.T) {
	dir := newFixture(t)
	tests := []struct {
		name           string
		cfg            Config
		wantAncestors  string
		wantAccessLogs int
	}{
		{"defaults", Config{}, "*", 0},
		{"frame-ancestors", Config{FrameAncestors: "'self'  https://news.example.com"}, "'self' https://news.example.com", 0},
		{"access log", Config{AccessLog: new(LogBuffer)}, "*", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Dir = dir
			cfg.ErrorLog = log.New(io.Discard, "", 0)
			s, err := Start(cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			client := &http.Client{Timeout: waitLimit}
			for _, p := range []string{"/city/suzhou", "/missing"} {
				res, err := client.Get(s.URL + p)
				if err != nil {
					t.Fatal(err)
				}
				readAll(t, res)
				csp := res.Header.Get("Content-Security-Policy")
				if got := cspDirectives(t, csp)["frame-ancestors"]; got != tt.wantAncestors {
					t.Errorf("GET %s: got frame-ancestors %q, want %q", p, got, tt.wantAncestors)
				}
			}
			client.CloseIdleConnections()
			if err := s.Shutdown(waitLimit); err != nil {
				t.Fatalf("shutdown: %v", err)
			}
			if tt.cfg.AccessLog == nil {
				return
			}
			records := parseAccessLog(t, tt.cfg.AccessLog.(*LogBuffer).String())
			if len(records) != tt.wantAccessLogs {
				t.Errorf("got %d access log lines, want %d", len(records), tt.wantAccessLogs)
			}
		})
	}
}

func TestStartErrors(t *testing.T) {
	site := newFixture(t)
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"no dir", Config{}, "must not be empty"},
		{"missing dir", Config{Dir: filepath.Join(site, "nope")}, "does not exist"},
		{"bad address", Config{Dir: site, Addr: "127.0.0.1:notaport"}, "listen"},
		{"frame-ancestors with a directive", Config{Dir: site, FrameAncestors: "'self'; script-src *"}, "not a CSP source expression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Start(tt.cfg)
			if err == nil {
				s.Close()
				t.Fatalf("Start(%+v): got no error, want one containing %q", tt.cfg, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Start(%+v): got %q, want it to contain %q", tt.cfg, err, tt.wantErr)
			}
		})
	}
}

func TestUnreadableSite(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reading")
	}
	tests := []struct {
		name    string
		break_  func(t *testing.T, dir string)
		wantErr string
	}{
		{"directory", func(t *testing.T, dir string) { chmod(t, dir, 0) }, "permission denied"},
		{"index.html", func(t *testing.T, dir string) { chmod(t, filepath.Join(dir, "index.html"), 0) }, "index.html is not readable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newFixture(t)
			tt.break_(t, dir)
			h, err := newHandler(dir)
			if err == nil {
				h.Close()
				t.Fatalf("newHandler: got no error, want one containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("newHandler: got %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

// chmod changes the mode of name and restores it when the test ends, so that
// the temporary directory can be removed.
func chmod(t *testing.T, name string, mode os.FileMode) {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(name, info.Mode().Perm()) })
}

// FuzzServe sends arbitrary paths with arbitrary Accept-Encoding headers to
// the handler: it must never panic, never answer with anything but the
// statuses below, always send the security headers and an honest
// Content-Length, and never reveal a file outside the site or a dotfile.
// The seeds in testdata/fuzz/FuzzServe hold hostile paths.
func FuzzServe(f *testing.F) {
	for _, tt := range hostilePaths {
		f.Add(tt.target, "gzip, br")
	}
	f.Add("/city/suzhou", "br;q=0.5, gzip;q=1, *;q=0")
	f.Add("/app.wasm", "identity;q=0")
	f.Add("/oembed?url=https%3A%2F%2Fnews.example.com%2Fcity%2Fsuzhou&maxwidth=390&maxheight=500", "gzip")
	f.Add("/oembed?url=https://news.example.com/en/city/xuzhou?theme=green&format=xml", "")
	f.Add("/oembed?url=https://evil.example/city/suzhou", "br")
	f.Add("/oembed/city/suzhou.json?maxwidth=-1&url=//evil.example/", "br")
	h := newTestHandler(f)
	csp := contentSecurityPolicy(defaultFrameAncestors)
	allowed := map[int]bool{
		http.StatusOK:         true,
		http.StatusBadRequest: true,
		http.StatusNotFound:   true,
	}
	f.Fuzz(func(t *testing.T, target, acceptEncoding string) {
		codings := acceptableEncodings([]string{acceptEncoding})
		seen := map[string]bool{}
		for _, c := range codings {
			if c != "br" && c != "gzip" && c != "identity" || seen[c] {
				t.Fatalf("acceptableEncodings(%q) = %q, want distinct br, gzip, identity", acceptEncoding, codings)
			}
			seen[c] = true
		}
		if !seen["identity"] {
			t.Fatalf("acceptableEncodings(%q) = %q, want identity in it", acceptEncoding, codings)
		}

		// The target as net/http would parse it, and as a decoded path
		// that no parser has checked.
		var urls []string
		if u, err := parseRequestTarget(target); err == nil {
			urls = append(urls, u)
		}
		for _, path := range append(urls, "") {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			if path == "" {
				req.URL.Path, req.URL.RawPath = target, ""
			} else {
				req = httptest.NewRequest(http.MethodGet, path, nil)
			}
			req.Header.Set("Accept-Encoding", acceptEncoding)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := rec.Body.String()
			oembedAsked := req.URL.Path == oembed.Endpoint || strings.HasPrefix(req.URL.Path, "/oembed/")
			if !allowed[rec.Code] && !(oembedAsked && rec.Code == http.StatusNotImplemented) {
				t.Fatalf("%q: got status %d, want 200, 400 or 404 (or 501 for oEmbed)", target, rec.Code)
			}
			if oembedAsked && rec.Code == http.StatusOK && rec.Header().Get("Content-Type") == "application/json" && req.URL.RawQuery != "" {
				// A live oEmbed answer names this site only, whatever
				// the URL asked about.
				var o oembed.Response
				if err := json.Unmarshal(rec.Body.Bytes(), &o); err != nil {
					t.Fatalf("%q: oEmbed answer is not JSON: %v", target, err)
				}
				for _, m := range urlHostRe.FindAllStringSubmatch(o.HTML+" "+o.ProviderURL+" "+o.ThumbnailURL, -1) {
					if m[1] != "news.example.com" {
						t.Fatalf("%q: the oEmbed answer names %s", target, m[0])
					}
				}
			}
			if strings.Contains(body, secret) || strings.Contains(body, "API_KEY") || strings.Contains(body, "[core]") {
				t.Fatalf("%q: got private content %.60q", target, body)
			}
			if got := rec.Header().Get("Content-Security-Policy"); got != csp {
				t.Fatalf("%q: got Content-Security-Policy %q, want %q", target, got, csp)
			}
			if cl := rec.Header().Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(body)) {
				t.Fatalf("%q: got Content-Length %s for %d bytes", target, cl, len(body))
			}
		}
	})
}

// urlHostRe finds the hosts of absolute URLs.
var urlHostRe = regexp.MustCompile(`://([^/"?#&;]*)`)

// parseRequestTarget checks target like net/http checks a request line's
// target, and returns it if a server would pass it on to the handler.
func parseRequestTarget(target string) (string, error) {
	if target == "" || strings.ContainsAny(target, " \r\n\x00") {
		return "", errors.New("not a request target")
	}
	req, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.0\r\n\r\n")))
	if err != nil {
		return "", err
	}
	return req.RequestURI, nil
}
