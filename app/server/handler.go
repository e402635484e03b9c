package server

import (
	"bytes"
	"log"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jiangsu-map/jsmap/app/oembed"
	"github.com/jiangsu-map/jsmap/app/route"
)

const (
	// wasmContentLengthHeader carries the uncompressed size of a wasm binary
	// served compressed (go-app's Handler.WasmContentLengthHeader), for a
	// loader that counts decoded bytes to show progress.
	wasmContentLengthHeader = "Wasm-Content-Length"

	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"

	notFoundPage  = "404.html"
	indexPage     = "index.html"
	serviceWorker = "app-worker.js"
)

// contentTypes maps file extensions to the Content-Type sent for them. It is
// explicit so the answer does not depend on the machine's MIME database.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".geojson":     "application/geo+json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".xml":         "application/xml",
	".pdf":         "application/pdf",
}

// contentType returns the Content-Type for a file name; unknown extensions
// get application/octet-stream rather than being sniffed.
func contentType(name string) string {
	if ct, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return ct
	}
	return "application/octet-stream"
}

// handler serves a site from an in-memory snapshot of its directory (see
// snapshot), swapped whole by Reload and by the watcher. Build it with
// newHandler.
type handler struct {
	dir      string
	current  atomic.Pointer[snapshot]
	errorLog *log.Logger
	maxBytes int64
	// csp is the Content-Security-Policy sent with every response.
	csp string
	// security is the headers every response carries, with csp.
	security [4]headerField

	mu sync.Mutex // serialises loading
	// pending is a changed stamp the watcher saw once: the tree loads when
	// it is still the same one check later (a build has settled).
	pending stamp
	// refused is the stamp of the last tree refused, not tried again
	// until the tree changes.
	refused stamp
}

// option configures a handler.
type option func(*handler)

// withErrorLog sets where reloads, refused trees and unexpected errors are
// logged (default: the standard logger).
func withErrorLog(l *log.Logger) option {
	return func(h *handler) { h.errorLog = l }
}

// withFrameAncestors sets the CSP frame-ancestors sources, already checked
// with checkFrameAncestors (default: any site may embed the pages).
func withFrameAncestors(sources string) option {
	return func(h *handler) { h.csp = contentSecurityPolicy(sources) }
}

// withMaxBytes limits the memory one snapshot of the site may take
// (default DefaultMaxSiteBytes).
func withMaxBytes(n int64) option {
	return func(h *handler) { h.maxBytes = n }
}

// newHandler loads the site in dir and returns a handler serving it. It
// fails with a clear message if dir does not exist, is not a directory,
// is not a whole site (no readable index.html, unreadable files, a build
// half written) or is larger than the memory limit.
func newHandler(dir string, opts ...option) (*handler, error) {
	h := &handler{dir: dir, errorLog: log.Default(), csp: contentSecurityPolicy(defaultFrameAncestors), maxBytes: DefaultMaxSiteBytes}
	for _, opt := range opts {
		opt(h)
	}
	h.security = securityHeaders(h.csp)
	snap, err := loadSnapshot(dir, h.maxBytes)
	if err != nil {
		return nil, err
	}
	h.current.Store(snap)
	return h, nil
}

// Close releases the handler; it holds nothing open, as the site is in memory.
func (h *handler) Close() error { return nil }

// Reload loads the site again and serves it from now on. A tree that is
// not a whole site is refused, with a log line naming the problem, and
// the previous snapshot keeps serving.
func (h *handler) Reload() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.loadLocked("reload asked")
}

// loadLocked loads and swaps in the site; h.mu is held.
func (h *handler) loadLocked(why string) error {
	snap, err := loadSnapshot(h.dir, h.maxBytes)
	if err != nil {
		if st, serr := readStamp(h.dir); serr == nil {
			h.refused = st
		}
		h.errorLog.Printf("site %s (%s): refused: %v; still serving the previous snapshot", h.dir, why, err)
		return err
	}
	h.current.Store(snap)
	h.pending, h.refused = stamp{}, stamp{}
	h.errorLog.Printf("site %s (%s): now serving %d files, %s in memory", h.dir, why, snap.nfiles, mib(snap.bytes))
	return nil
}

// check is the watcher's look at the site directory: a tree that differs
// from the one served, and has stayed the same since the last check,
// is loaded.
func (h *handler) check() {
	st, err := readStamp(h.dir)
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case err != nil:
		if h.refused != (stamp{real: "unreadable"}) {
			h.errorLog.Printf("site %s: %v; still serving the previous snapshot", h.dir, err)
			h.refused = stamp{real: "unreadable"}
		}
		return
	case st == h.current.Load().stamp:
		h.pending = stamp{}
		return
	case st == h.refused:
		return
	case st != h.pending:
		h.pending = st // changed: wait one check for the build to settle
		return
	}
	h.loadLocked("changed")
}

// watch checks the site every interval until done is closed.
func (h *handler) watch(interval time.Duration, done <-chan struct{}) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			h.check()
		}
	}
}

// conditional lists the request headers that ask for a conditional or
// partial response, which http.ServeContent answers.
var conditional = []string{"If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "Range", "If-Range"}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	for _, f := range h.security {
		hdr[f.name] = f.values
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// One snapshot answers the whole request.
	snap := h.current.Load()
	if r.URL.Path == oembed.Endpoint {
		h.serveOEmbed(w, r, snap, "")
		return
	}
	f := snap.paths[r.URL.Path]
	if f == nil || r.URL.Opaque != "" {
		var ok bool
		f, ok = snap.resolve(r.URL.Path)
		// An opaque request target such as "C:\x" is no path at all.
		if !ok || r.URL.Opaque != "" {
			http.Error(w, "400 bad request", http.StatusBadRequest)
			return
		}
		if f == nil {
			h.notFound(w, r, snap)
			return
		}
	}
	if f.oembedPage != "" && r.URL.RawQuery != "" {
		h.serveOEmbed(w, r, snap, f.oembedPage)
		return
	}
	rep := choose(r, f)
	hdr["Content-Type"] = f.contentType
	if f.link != nil {
		hdr["Link"] = f.link
	}
	hdr["Vary"] = varyAcceptEncoding
	if r.URL.RawQuery == "" {
		hdr["Cache-Control"] = f.cacheControl
	} else {
		hdr.Set("Cache-Control", cacheControl(f.name, r.URL.Query().Get("v")))
	}
	hdr["Etag"] = rep.etag
	if rep.encoding != nil {
		hdr["Content-Encoding"] = rep.encoding
		if rep.wasmLength != nil {
			hdr[wasmContentLengthHeader] = rep.wasmLength
			hdr["Access-Control-Expose-Headers"] = exposeWasmLength
		}
	}
	for _, name := range conditional {
		if _, ok := r.Header[name]; ok {
			// Preconditions and ranges: net/http's implementation.
			http.ServeContent(&lengthWriter{ResponseWriter: w, size: int64(len(rep.body))}, r, f.name, f.modTime, bytes.NewReader(rep.body))
			return
		}
	}
	hdr["Accept-Ranges"] = acceptRanges
	hdr["Last-Modified"] = rep.lastModified
	hdr["Content-Length"] = rep.contentLength
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		writeGathered(w, r, rep.body)
	}
}

var (
	varyAcceptEncoding = []string{"Accept-Encoding"}
	acceptRanges       = []string{"bytes"}
	exposeWasmLength   = []string{wasmContentLengthHeader}
	noCache            = []string{cacheRevalidate}
	htmlType           = []string{contentType(notFoundPage)}
)

// cleanPath turns a decoded URL path into a slash-separated name relative to
// the site root ("" for the root). dirStyle reports a trailing slash. It
// rejects paths that are not absolute or contain "..", backslashes or
// control characters (NUL included).
func cleanPath(p string) (name string, dirStyle bool, ok bool) {
	if p == "" {
		p = "/"
	}
	if p[0] != '/' {
		return "", false, false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return "", false, false
		}
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return "", false, false
		}
	}
	name = strings.TrimPrefix(path.Clean(p), "/")
	return name, name != "" && strings.HasSuffix(p, "/"), true
}

// isHidden reports whether any segment of name is a dotfile or dot directory.
func isHidden(name string) bool {
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// precompressed lists the content codings served from sibling files, by
// preference.
var precompressed = []struct{ coding, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// choose picks the representation of f to send for the request's
// Accept-Encoding.
func choose(r *http.Request, f *file) *rep {
	if len(f.reps) == 1 {
		return f.reps[0]
	}
	for _, coding := range acceptedCodings(r.Header["Accept-Encoding"]) {
		if coding == "identity" {
			break
		}
		for _, rp := range f.reps[1:] {
			if rp.coding == coding {
				return rp
			}
		}
	}
	return f.reps[0]
}

// notFound answers with the not-found page that app/route picks for the
// path (the embed pages' own, in the path's language, or the site's),
// falling back to 404.html and then to plain text when the site lacks it,
// with status 404 (compressed if the client accepts it). The page is sent
// without validators and is always revalidated.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	f := snap.files[notFoundFile(r.URL.Path)]
	if f == nil {
		f = snap.files[notFoundPage]
	}
	if f == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	rep := choose(r, f)
	hdr := w.Header()
	hdr["Content-Type"] = htmlType
	hdr["Vary"] = varyAcceptEncoding
	hdr["Cache-Control"] = noCache
	if rep.encoding != nil {
		hdr["Content-Encoding"] = rep.encoding
	}
	hdr["Content-Length"] = rep.contentLength
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	if err := writeGathered(w, r, rep.body); err != nil && !isClientGone(r) {
		h.errorLog.Printf("sending %s for %s: %v", f.name, r.URL.Path, err)
	}
}

// notFoundFile is the file of the not-found page for a request path.
func notFoundFile(urlPath string) string {
	return strings.TrimPrefix(route.Parse(urlPath).NotFoundPage(), "/") + ".html"
}

func isClientGone(r *http.Request) bool { return r.Context().Err() != nil }

// lengthWriter fills in Content-Length on a full 200 response.
// http.ServeContent leaves it out whenever Content-Encoding is set (it
// assumes on-the-fly compression), but a precompressed file has a known
// size, and HEAD answers and download progress need it.
type lengthWriter struct {
	http.ResponseWriter
	size int64
}

func (w *lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *lengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
