package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/server"
	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		q      float64
		want   time.Duration
	}{
		{"none", nil, 0.5, 0},
		{"one", ms(7), 0.99, 7 * time.Millisecond},
		{"median of four", ms(1, 2, 3, 4), 0.5, 2 * time.Millisecond},
		{"max", ms(1, 2, 3, 4), 1, 4 * time.Millisecond},
		{"p50 of 100", ms(hundred...), 0.5, 50 * time.Millisecond},
		{"p99 of 100", ms(hundred...), 0.99, 99 * time.Millisecond},
		{"tiny q", ms(1, 2, 3), 0.0001, 1 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.q); got != tt.want {
				t.Errorf("percentile(%v, %v) = %v, want %v", tt.sorted, tt.q, got, tt.want)
			}
		})
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		name    string
		status  string
		want    memory
		wantErr bool
	}{
		{"linux", "Name:\tserver\nVmPeak:\t 1242128 kB\nVmHWM:\t   15200 kB\nVmRSS:\t   14204 kB\nThreads:\t7\n", memory{RSS: 14204 << 10, Peak: 15200 << 10}, false},
		{"no VmHWM", "VmRSS:\t 10 kB\n", memory{}, true},
		{"not kB", "VmRSS:\t 10 MB\nVmHWM:\t 10 kB\n", memory{}, true},
		{"not a number", "VmRSS:\t ten kB\nVmHWM:\t 10 kB\n", memory{}, true},
		{"empty", "", memory{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseStatus(tt.status)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseStatus: got %+v, %v; want %+v, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
	t.Run("this process", func(t *testing.T) {
		if _, err := os.Stat("/proc/self/status"); err != nil {
			t.Skip("no /proc")
		}
		m, err := readMemory(os.Getpid())
		if err != nil || m.RSS <= 0 || m.Peak < m.RSS {
			t.Errorf("readMemory(self) = %+v, %v; want a positive RSS no larger than the peak", m, err)
		}
	})
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"server", []string{"-server", "bin", "-dir", "dist"}, ""},
		{"url", []string{"-url", "http://127.0.0.1:8080"}, ""},
		{"sigterm", []string{"-server", "bin", "-duration", "10s", "-sigterm", "5s"}, ""},
		{"neither", nil, "exactly one of -url and -server"},
		{"both", []string{"-url", "http://x/", "-server", "bin"}, "exactly one"},
		{"sigterm without server", []string{"-url", "http://x/", "-sigterm", "1s"}, "-sigterm needs -server"},
		{"sigterm after the end", []string{"-server", "bin", "-duration", "2s", "-sigterm", "3s"}, "between 0 and -duration"},
		{"no connections", []string{"-server", "bin", "-connections", "0"}, "-connections"},
		{"zero duration", []string{"-server", "bin", "-duration", "0s"}, "-duration must be positive"},
		{"https url", []string{"-url", "https://example.com/"}, "http:// URL"},
		{"stray argument", []string{"-server", "bin", "now"}, "unexpected arguments"},
		{"unknown flag", []string{"-rate", "5"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			_, err := parseFlags(tt.args, &stderr)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("parseFlags(%q): got error %v, want none", tt.args, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("parseFlags(%q): got error %v, want one containing %q", tt.args, err, tt.wantErr)
			case tt.wantErr != "" && !errors.As(err, new(*cli.UsageError)):
				t.Errorf("parseFlags(%q): got %T, want a usage error", tt.args, err)
			}
		})
	}
}

func TestSchedule(t *testing.T) {
	got := schedule([]target{{Weight: 2}, {Weight: 0}, {Weight: 1}})
	want := []int{0, 0, 2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("schedule = %v, want %v", got, want)
	}
}

// mixHandler answers the request mix as the real server would, and
// spoils the answers for one target path as fault says.
func mixHandler(t *testing.T, faultPath, fault string) http.Handler {
	t.Helper()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, tg := range mix {
			if r.URL.Path != "/"+tg.Path {
				continue
			}
			body := strings.Repeat("x", 1000)
			status, encoding := tg.Status, tg.Encoding
			if r.URL.Path == "/"+faultPath {
				switch fault {
				case "status":
					status = http.StatusInternalServerError
				case "encoding":
					encoding = "gzip-ish"
				case "chunked":
					w.Header().Set("Content-Encoding", encoding)
					w.WriteHeader(status)
					w.Write([]byte(body))
					w.(http.Flusher).Flush() // no Content-Length: chunked
					return
				case "cut":
					w.Header().Set("Content-Length", strconv.Itoa(len(body)))
					w.Header().Set("Content-Encoding", encoding)
					w.WriteHeader(status)
					w.Write([]byte(body[:100]))
					w.(http.Flusher).Flush()
					conn, _, err := http.NewResponseController(w).Hijack()
					if err == nil {
						conn.Close()
					}
					return
				}
			}
			if encoding != "" {
				w.Header().Set("Content-Encoding", encoding)
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(status)
			w.Write([]byte(body))
			return
		}
		http.Error(w, "not in the mix", http.StatusTeapot)
	})
}

// TestDetectsFaults runs short loads against servers that misbehave in one
// way each: the load test must fail and name the problem.
func TestDetectsFaults(t *testing.T) {
	tests := []struct {
		fault string
		want  string // "" for a clean pass
	}{
		{"", ""},
		{"status", "unexpected status"},
		{"encoding", "unexpected Content-Encoding"},
		{"chunked", "missing or wrong Content-Length"},
		{"cut", "response cut off"},
	}
	for _, tt := range tests {
		t.Run("fault "+tt.fault, func(t *testing.T) {
			srv := httptest.NewServer(mixHandler(t, "manifest.webmanifest", tt.fault))
			defer srv.Close()
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"-url", srv.URL, "-dir", "", "-duration", "300ms", "-connections", "4"}, &stdout, &stderr)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got error %v, want a pass\n%s", err, stdout.String())
				}
				if !strings.Contains(stdout.String(), "PASS") {
					t.Errorf("got report %q, want PASS", stdout.String())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one naming %q\n%s", err, tt.want, stdout.String())
			}
		})
	}
}

// TestAgainstServer builds cmd/server (server.Binary) and loads a small site with it, once
// plainly and once with SIGTERM partway, as `make load` does with dist/.
func TestAgainstServer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and loads the server")
	}
	bin, err := server.Binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	// A .gz sibling is a real gzip of its original (the server checks);
	// the others are filler of the given size.
	files := map[string]int{
		"index.html": 2000, "index.html.br": 500,
		"city/suzhou.html": 3000, "city/suzhou.html.gz": 0,
		"en/city/nanjing.html": 1000,
		"web/app.wasm":         1 << 20, "web/app.wasm.br": 300 << 10,
		"manifest.webmanifest": 600, "manifest.webmanifest.br": 250,
		"404.html": 2000, "404.html.gz": 0,
	}
	for name, size := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		body := bytes.Repeat([]byte{'a'}, size)
		if orig, ok := strings.CutSuffix(name, ".gz"); ok {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(bytes.Repeat([]byte{'a'}, files[orig]))
			zw.Close()
			body = buf.Bytes()
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"plain", []string{"-duration", "1s"}, []string{"requests/s", "p99", "server RSS", "errors       0", "PASS"}},
		{"sigterm", []string{"-duration", "2s", "-sigterm", "500ms"}, []string{"exit code 0", "connections refused", "errors       0", "PASS"}},
		{"redeploy", []string{"-duration", "9s", "-redeploy", "2500ms"}, []string{"redeploys    3", "errors       0", "PASS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"-server", bin, "-dir", dir, "-connections", "8"}, tt.args...)
			if err := run(context.Background(), args, &stdout, &stderr); err != nil {
				t.Fatalf("got error %v, want a pass\n%s%s", err, stdout.String(), stderr.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("got report without %q:\n%s", w, stdout.String())
				}
			}
		})
	}
}
