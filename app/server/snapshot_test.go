package server

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// build is a small whole site, distinct per label: its pages and 404 page
// name the label, its pages differ in length per label, and each page has
// a gzip sibling.
type build struct {
	label string
	files map[string]string
}

func newBuild(t *testing.T, label string) build {
	t.Helper()
	pad := strings.Repeat(" ", 50*int(label[0]-'A'+1)) // another length per label
	index := "<!doctype html><title>" + label + "</title><link rel=\"manifest\" href=\"/manifest.webmanifest\"><a href=\"/city/suzhou\">s</a>" + pad
	suzhou := "<!doctype html><title>Suzhou " + label + "</title>" + pad
	notFound := "<!doctype html><title>404 " + label + "</title>"
	return build{label, map[string]string{
		"index.html":           index,
		"index.html.gz":        gzipString(t, index),
		"city/suzhou.html":     suzhou,
		"city/suzhou.html.gz":  gzipString(t, suzhou),
		"404.html":             notFound,
		"manifest.webmanifest": `{"name":"` + label + `"}`,
	}}
}

// write writes the build into dir (created if needed), over what is there.
func (b build) write(t *testing.T, dir string) string {
	t.Helper()
	for name, content := range b.files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}

// servedLabel asks h for path and returns which build answered (see
// labelOf).
func servedLabel(t *testing.T, h http.Handler, path string, builds ...build) string {
	t.Helper()
	return labelOf(t, do(t, h, http.MethodGet, path, "Accept-Encoding", "gzip"), builds...)
}

// labelOf returns which build a response came from, checking that it is
// whole: its body and Content-Length agree.
func labelOf(t *testing.T, res response, builds ...build) string {
	t.Helper()
	body := res.decoded(t)
	for _, b := range builds {
		if strings.Contains(body, "<title>"+b.label) || strings.Contains(body, "Suzhou "+b.label) || strings.Contains(body, "404 "+b.label) {
			if want := fmt.Sprint(len(res.body)); res.header.Get("Content-Length") != want {
				t.Errorf("Content-Length %s for a body of %s bytes", res.header.Get("Content-Length"), want)
			}
			return b.label
		}
	}
	t.Errorf("got %d %.80q, from none of the builds", res.status, body)
	return ""
}

func TestReload(t *testing.T) {
	a, b := newBuild(t, "A"), newBuild(t, "B")
	dir := a.write(t, filepath.Join(t.TempDir(), "site"))
	var logs LogBuffer
	h, err := newHandler(dir, withErrorLog(log.New(&logs, "", 0)))
	if err != nil {
		t.Fatal(err)
	}
	tagA := do(t, h, http.MethodGet, "/").header.Get("ETag")

	b.write(t, dir)
	// Served from memory: the old build until the reload.
	if got := servedLabel(t, h, "/", a, b); got != "A" {
		t.Errorf("before Reload: got build %s, want A", got)
	}
	if err := h.Reload(); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	for _, p := range []string{"/", "/city/suzhou", "/missing"} {
		if got := servedLabel(t, h, p, a, b); got != "B" {
			t.Errorf("%s after Reload: got build %s, want B", p, got)
		}
	}
	if tagB := do(t, h, http.MethodGet, "/").header.Get("ETag"); tagB == tagA {
		t.Errorf("ETag %s unchanged by a new build", tagB)
	}
	if !strings.Contains(logs.String(), "now serving 6 files") {
		t.Errorf("got log %q, want a line about the reload", logs.String())
	}
}

func TestReloadRefusesBrokenTree(t *testing.T) {
	tests := []struct {
		name    string
		breakIt func(t *testing.T, dir string)
		wantErr string
	}{
		{"no index.html", func(t *testing.T, dir string) { remove(t, dir, "index.html") }, "has no index.html"},
		{"index.html a directory", func(t *testing.T, dir string) {
			remove(t, dir, "index.html")
			os.Mkdir(filepath.Join(dir, "index.html"), 0o755)
		}, "has no index.html"},
		{"directory gone", func(t *testing.T, dir string) { os.RemoveAll(dir) }, "does not exist"},
		{"half-written gzip", func(t *testing.T, dir string) {
			b, _ := os.ReadFile(filepath.Join(dir, "city/suzhou.html.gz"))
			writeFile(t, filepath.Join(dir, "city/suzhou.html.gz"), string(b[:len(b)/2]))
		}, "city/suzhou.html.gz is not a whole gzip"},
		{"compression unfinished", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "web/page.js"), strings.Repeat("var x = 1;\n", 200))
		}, "web/page.js has no precompressed sibling"},
		{"page missing", func(t *testing.T, dir string) {
			remove(t, dir, "city/suzhou.html")
			remove(t, dir, "city/suzhou.html.gz")
		}, "index.html links to /city/suzhou, which is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newBuild(t, "A")
			dir := a.write(t, filepath.Join(t.TempDir(), "site"))
			var logs LogBuffer
			h, err := newHandler(dir, withErrorLog(log.New(&logs, "", 0)))
			if err != nil {
				t.Fatal(err)
			}
			newBuild(t, "B").write(t, dir)
			tt.breakIt(t, dir)
			err = h.Reload()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Reload: got %v, want an error containing %q", err, tt.wantErr)
			}
			if !strings.Contains(logs.String(), tt.wantErr) || !strings.Contains(logs.String(), "still serving the previous snapshot") {
				t.Errorf("got log %q, want a line naming %q and saying the old site still serves", logs.String(), tt.wantErr)
			}
			for _, p := range []string{"/", "/city/suzhou", "/missing"} {
				if got := servedLabel(t, h, p, a); got != "A" {
					t.Errorf("%s: got build %s, want A still", p, got)
				}
			}
		})
	}
}

func TestSiteTooLarge(t *testing.T) {
	dir := newBuild(t, "A").write(t, filepath.Join(t.TempDir(), "site"))
	_, err := newHandler(dir, withMaxBytes(100))
	if err == nil || !strings.Contains(err.Error(), "over the limit of 0.0 MiB") || !strings.Contains(err.Error(), "-max-site-mib") {
		t.Errorf("newHandler with a 100-byte limit: got %v, want an error naming the limit and the flag", err)
	}
}

// TestReloadIsAtomic reloads between two builds while clients ask for
// pages and a missing path: every response must be whole and come from
// one build (body, length and ETag).
func TestReloadIsAtomic(t *testing.T) {
	a, b := newBuild(t, "A"), newBuild(t, "B")
	base := t.TempDir()
	dirA, dirB := a.write(t, filepath.Join(base, "a")), b.write(t, filepath.Join(base, "b"))
	link := filepath.Join(base, "current")
	symlink(t, dirA, link)
	h, err := newHandler(link, withErrorLog(log.New(new(LogBuffer), "", 0)))
	if err != nil {
		t.Fatal(err)
	}
	etags := map[string]string{}
	for _, bd := range []build{a, b} {
		s, err := loadSnapshot(filepath.Join(base, strings.ToLower(bd.label)), DefaultMaxSiteBytes)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range s.files {
			for _, r := range f.reps {
				etags[r.etag[0]] = bd.label
			}
		}
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var served atomic.Int64 // responses completed, by all readers
	seen := make([]map[string]int, 4)
	for i := range seen {
		seen[i] = map[string]int{}
		wg.Go(func() {
			paths := []string{"/", "/city/suzhou", "/missing"}
			for j := 0; ; j++ {
				select {
				case <-stop:
					return
				default:
				}
				p := paths[(i+j)%len(paths)]
				res := do(t, h, http.MethodGet, p, "Accept-Encoding", "gzip")
				label := labelOf(t, res, a, b)
				if tag := res.header.Get("ETag"); tag != "" && etags[tag] != label {
					t.Errorf("%s: body from %s, ETag %s from %q", p, label, tag, etags[tag])
				}
				seen[i][label]++
				served.Add(1)
			}
		})
	}
	// afterReload waits until a request that started after the reload
	// has been answered: each reader asks one at a time, so of more
	// answers than readers, one reader's second began after it. Without
	// this a busy machine could reload 40 times before a reader runs.
	afterReload := func() {
		want := served.Load() + int64(len(seen)) + 1
		for served.Load() < want && !t.Failed() {
			runtime.Gosched()
		}
	}
	for i := range 40 {
		target := dirA
		if i%2 == 0 {
			target = dirB
		}
		repoint(t, target, link)
		if err := h.Reload(); err != nil {
			t.Fatal(err)
		}
		afterReload()
	}
	close(stop)
	wg.Wait()
	total := map[string]int{}
	for _, m := range seen {
		for k, n := range m {
			total[k] += n
		}
	}
	if total["A"] == 0 || total["B"] == 0 {
		t.Errorf("responses per build %v, want both builds served", total)
	}
}

// TestCheck is the watcher's rule: a changed tree loads once it is the
// same at two checks in a row, a re-pointed link and a replaced directory
// count as changes, and a broken tree is refused once and not retried.
func TestCheck(t *testing.T) {
	a, b, c := newBuild(t, "A"), newBuild(t, "B"), newBuild(t, "C")
	base := t.TempDir()
	dirA, dirB := a.write(t, filepath.Join(base, "a")), b.write(t, filepath.Join(base, "b"))
	link := filepath.Join(base, "current")
	symlink(t, dirA, link)
	var logs LogBuffer
	h, err := newHandler(link, withErrorLog(log.New(&logs, "", 0)))
	if err != nil {
		t.Fatal(err)
	}
	want := func(step, label string) {
		t.Helper()
		for _, p := range []string{"/", "/city/suzhou", "/missing"} {
			if got := servedLabel(t, h, p, a, b, c); got != label {
				t.Errorf("%s: %s served by build %s, want %s", step, p, got, label)
			}
		}
	}

	h.check()
	want("unchanged", "A")

	repoint(t, dirB, link)
	h.check()
	want("link re-pointed, first check", "A")
	h.check()
	want("link re-pointed, settled", "B")

	// The directory the link leads to is replaced by another.
	dirC := c.write(t, filepath.Join(base, "c"))
	if err := os.Rename(dirB, filepath.Join(base, "old-b")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(dirC, dirB); err != nil {
		t.Fatal(err)
	}
	h.check()
	h.check()
	want("directory replaced", "C")

	// A broken tree: refused with one log line, the old one serves.
	remove(t, dirB, "index.html")
	h.check()
	h.check()
	h.check()
	want("index.html removed", "C")
	if n := strings.Count(logs.String(), "has no index.html"); n != 1 {
		t.Errorf("got %d log lines about the missing index.html, want 1:\n%s", n, logs.String())
	}
	// Fixed: served again.
	writeFile(t, filepath.Join(dirB, "index.html"), a.files["index.html"])
	writeFile(t, filepath.Join(dirB, "index.html.gz"), a.files["index.html.gz"])
	h.check()
	h.check()
	if got := servedLabel(t, h, "/", a, b, c); got != "A" {
		t.Errorf("after the fix: / served by %s, want the new index.html (A's)", got)
	}
}

// TestWatch runs the watcher for real: a re-pointed link is served
// within a few seconds, with no reload asked.
func TestWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the watcher's checks, about two seconds")
	}
	a, b := newBuild(t, "A"), newBuild(t, "B")
	base := t.TempDir()
	dirA, dirB := a.write(t, filepath.Join(base, "a")), b.write(t, filepath.Join(base, "b"))
	link := filepath.Join(base, "current")
	symlink(t, dirA, link)
	s, err := Start(Config{Dir: link, Watch: true, ErrorLog: log.New(new(LogBuffer), "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	repoint(t, dirB, link)
	deadline := time.Now().Add(waitLimit)
	for {
		res, err := http.Get(s.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		body := readAll(t, res)
		if strings.Contains(body, "<title>B") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still serving %.40q %s after re-pointing the link", body, waitLimit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// repoint makes link lead to target atomically, as `ln -sfn` does.
func repoint(t *testing.T, target, link string) {
	t.Helper()
	tmp := link + ".new"
	if err := os.Symlink(target, tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, link); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}
