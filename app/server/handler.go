package server

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

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

// handler serves the files under one directory. Build it with newHandler.
type handler struct {
	root     *os.Root
	errorLog *log.Logger
	// csp is the Content-Security-Policy sent with every response.
	csp string
	// security is the headers every response carries, with csp.
	security [4]headerField
}

// option configures a handler.
type option func(*handler)

// withErrorLog sets where unexpected I/O errors are logged (default: the
// standard logger).
func withErrorLog(l *log.Logger) option {
	return func(h *handler) { h.errorLog = l }
}

// withFrameAncestors sets the CSP frame-ancestors sources, already checked
// with checkFrameAncestors (default: any site may embed the pages).
func withFrameAncestors(sources string) option {
	return func(h *handler) { h.csp = contentSecurityPolicy(sources) }
}

// newHandler returns a handler serving the site in dir. It fails with a
// clear message if dir does not exist, is not a directory or has no
// readable index.html. All file access goes through an os.Root, so neither
// ".." nor symbolic links can reach outside dir. Close releases the
// directory.
func newHandler(dir string, opts ...option) (*handler, error) {
	if dir == "" {
		return nil, errors.New("-dir must not be empty")
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("site directory %q does not exist (run `make build` first?)", dir)
	case err != nil:
		return nil, fmt.Errorf("site directory: %w", err)
	case !info.IsDir():
		return nil, fmt.Errorf("site directory %q is not a directory", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("site directory: %w", err)
	}
	if st, err := root.Stat(indexPage); err != nil || !st.Mode().IsRegular() {
		root.Close()
		return nil, fmt.Errorf("site directory %q has no %s (run `make build` first?)", dir, indexPage)
	}
	if err := readable(root, indexPage); err != nil {
		root.Close()
		return nil, fmt.Errorf("site directory %q: %s is not readable: %w", dir, indexPage, err)
	}
	h := &handler{root: root, errorLog: log.Default(), csp: contentSecurityPolicy(defaultFrameAncestors)}
	for _, opt := range opts {
		opt(h)
	}
	h.security = securityHeaders(h.csp)
	return h, nil
}

// readable checks that name can be opened and read inside root.
func readable(root *os.Root, name string) error {
	f, err := root.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Read(make([]byte, 1)); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// Close releases the served directory.
func (h *handler) Close() error { return h.root.Close() }

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

	name, dirStyle, ok := cleanPath(r.URL.Path)
	// An opaque request target such as "C:\x" is no path at all.
	if !ok || r.URL.Opaque != "" {
		http.Error(w, "400 bad request", http.StatusBadRequest)
		return
	}
	if isHidden(name) {
		h.notFound(w, r)
		return
	}
	f, info, name := h.resolve(name, dirStyle)
	if f == nil {
		h.notFound(w, r)
		return
	}
	defer f.Close()
	h.serveFile(w, r, name, f, info)
}

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

// resolve finds the regular file for a cleaned request name, trying the name
// itself, then NAME/index.html, then NAME.html. Directories are never
// served. For a trailing-slash request only the page forms are tried. It
// returns a nil file if nothing matches.
func (h *handler) resolve(name string, dirStyle bool) (*os.File, fs.FileInfo, string) {
	var candidates []string
	switch {
	case name == "":
		candidates = []string{indexPage}
	case dirStyle:
		candidates = []string{name + "/" + indexPage, name + ".html"}
	default:
		candidates = []string{name, name + "/" + indexPage, name + ".html"}
	}
	for _, c := range candidates {
		if f, info := h.openRegular(c); f != nil {
			return f, info, c
		}
	}
	return nil, nil, ""
}

// openRegular opens name inside the root if it is a regular file (symbolic
// links are followed only while they stay inside the root).
func (h *handler) openRegular(name string) (*os.File, fs.FileInfo) {
	f, err := h.root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, nil
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil
	}
	return f, info
}

// representation is the file chosen to answer a request: the original or a
// precompressed sibling of it.
type representation struct {
	file     *os.File
	info     fs.FileInfo
	encoding string // "" for the original bytes
}

// precompressed lists the content codings served from sibling files, by
// preference.
var precompressed = []struct{ coding, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// choose picks the representation of name to send for the request's
// Accept-Encoding. The returned representation's file is orig or a newly
// opened sibling that the caller must close (when it is not orig).
func (h *handler) choose(r *http.Request, name string, orig *os.File, origInfo fs.FileInfo) representation {
	for _, coding := range acceptableEncodings(r.Header.Values("Accept-Encoding")) {
		if coding == "identity" {
			break
		}
		for _, p := range precompressed {
			if p.coding != coding {
				continue
			}
			if f, info := h.openRegular(name + p.suffix); f != nil {
				return representation{file: f, info: info, encoding: coding}
			}
		}
	}
	return representation{file: orig, info: origInfo}
}

// serveFile sends the best representation of the regular file name
// (already opened as f) with http.ServeContent, which handles Range,
// If-None-Match, If-Modified-Since and HEAD.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string, f *os.File, info fs.FileInfo) {
	rep := h.choose(r, name, f, info)
	if rep.file != f {
		defer rep.file.Close()
	}

	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Vary", "Accept-Encoding")
	hdr.Set("Cache-Control", cacheControl(name, r))
	hdr.Set("ETag", etag(rep))
	var out http.ResponseWriter = w
	if rep.encoding != "" {
		hdr.Set("Content-Encoding", rep.encoding)
		if path.Ext(name) == ".wasm" {
			hdr.Set(wasmContentLengthHeader, strconv.FormatInt(info.Size(), 10))
			hdr.Set("Access-Control-Expose-Headers", wasmContentLengthHeader)
		}
		out = &lengthWriter{ResponseWriter: w, size: rep.info.Size()}
	}
	http.ServeContent(out, r, name, rep.info.ModTime(), rep.file)
}

// etag is a strong validator for one representation, from its size and
// modification time, with the coding appended so every encoding of a file
// has its own tag.
func etag(rep representation) string {
	suffix := ""
	if rep.encoding != "" {
		suffix = "-" + rep.encoding
	}
	return fmt.Sprintf(`"%x-%x%s"`, rep.info.ModTime().UnixNano(), rep.info.Size(), suffix)
}

// notFound answers with the not-found page that app/route picks for the
// path (the embed pages' own, in the path's language, or the site's),
// falling back to 404.html and then to plain text when the site lacks it,
// with status 404 (compressed if the client accepts it). The page is sent
// without validators and is always revalidated.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	page := notFoundFile(r.URL.Path)
	f, info := h.openRegular(page)
	if f == nil && page != notFoundPage {
		page = notFoundPage
		f, info = h.openRegular(page)
	}
	if f == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	rep := h.choose(r, page, f, info)
	if rep.file != f {
		defer rep.file.Close()
	}

	hdr := w.Header()
	hdr.Set("Content-Type", contentType(notFoundPage))
	hdr.Set("Vary", "Accept-Encoding")
	hdr.Set("Cache-Control", cacheRevalidate)
	if rep.encoding != "" {
		hdr.Set("Content-Encoding", rep.encoding)
	}
	hdr.Set("Content-Length", strconv.FormatInt(rep.info.Size(), 10))
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	if _, err := io.CopyN(w, rep.file, rep.info.Size()); err != nil && !isClientGone(r) {
		h.errorLog.Printf("sending %s for %s: %v", page, r.URL.Path, err)
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

// ReadFrom keeps the underlying writer's sendfile path for the body.
func (w *lengthWriter) ReadFrom(src io.Reader) (int64, error) {
	return io.Copy(w.ResponseWriter, src)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *lengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
