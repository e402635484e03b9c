package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// DefaultMaxSiteBytes is the default limit on the memory a snapshot of the
// site may take (Config.MaxSiteBytes). This site takes about 17 MiB.
const DefaultMaxSiteBytes = 256 << 20

// snapshot is an immutable copy in memory of a built site: every file with
// its precompressed siblings, and every header the server sends for it,
// ready to be assigned. A request is answered from one snapshot only; a
// reload builds a new one and swaps it in whole.
type snapshot struct {
	dir   string           // the directory as given
	files map[string]*file // by slash-separated name under the site
	// paths maps request paths to their file, for every path that names a
	// file in one of the ways resolve accepts: a cache of resolve.
	paths  map[string]*file
	bytes  int64 // bodies' total size
	nfiles int   // files read, siblings included
	stamp  stamp // the tree it was read from
	// oembed is the site's oEmbed responses (oembed.go).
	oembed oembedSite
}

// file is one file of the site and its representations.
type file struct {
	name        string
	modTime     time.Time
	reps        []*rep // the original first, then the siblings in precompressed order
	contentType []string
	// cacheControl is the Cache-Control for a request without ?v=.
	cacheControl []string
	// oembedPage is the page whose static oEmbed response this file is,
	// answered live when asked with a query (oembed.go); else "".
	oembedPage string
	// link is the Link header of a page with an oEmbed response, or nil.
	link []string
}

// rep is one representation of a file: its original bytes or a
// precompressed sibling.
type rep struct {
	coding        string // "" for the original
	body          []byte
	etag          []string
	lastModified  []string
	contentLength []string
	encoding      []string // Content-Encoding, nil for the original
	// wasmLength is Wasm-Content-Length (the original's size) for a
	// compressed wasm, else nil.
	wasmLength []string
}

// stamp identifies a state of the site directory cheaply: the directory a
// symbolic link leads to, its inode, and a hash of every served entry's
// name, size, mode and modification time. A new build, a replaced
// directory and a re-pointed link all change it.
type stamp struct {
	real string
	ino  uint64
	sum  uint64
	n    int // files
}

// siteError is a site that cannot be served; the message names the
// problem.
type siteError struct{ msg string }

func (e *siteError) Error() string { return e.msg }

func siteErrorf(format string, a ...any) error { return &siteError{fmt.Sprintf(format, a...)} }

// readStamp stats the tree under dir (dotfiles left out, as they are never
// served).
func readStamp(dir string) (stamp, error) {
	if dir == "" {
		return stamp{}, errors.New("-dir must not be empty")
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return stamp{}, siteErrorf("site directory %q does not exist (run `make build` first?)", dir)
	case err != nil:
		return stamp{}, fmt.Errorf("site directory: %w", err)
	case !info.IsDir():
		return stamp{}, siteErrorf("site directory %q is not a directory", dir)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return stamp{}, fmt.Errorf("site directory: %w", err)
	}
	st := stamp{real: real}
	if sys, ok := info.Sys().(*syscall.Stat_t); ok {
		st.ino = sys.Ino
	}
	h := fnv.New64a()
	var buf [8]byte
	err = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != real && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		h.Write([]byte(p[len(real):]))
		for _, v := range []int64{fi.Size(), fi.ModTime().UnixNano(), int64(fi.Mode())} {
			binary.LittleEndian.PutUint64(buf[:], uint64(v))
			h.Write(buf[:])
		}
		st.n++
		return nil
	})
	if err != nil {
		return stamp{}, fmt.Errorf("site directory %q: %w", dir, err)
	}
	st.sum = h.Sum64()
	return st, nil
}

// loadSnapshot reads the site in dir into memory and checks that it is a
// whole site (see validate). It fails if the site takes more than
// maxBytes, or changes while it is read.
func loadSnapshot(dir string, maxBytes int64) (*snapshot, error) {
	before, err := readStamp(dir)
	if err != nil {
		return nil, err
	}
	// Every read goes through an os.Root on the directory the link led
	// to: neither ".." nor symbolic links reach outside it, and a link
	// re-pointed meanwhile cannot mix two trees.
	root, err := os.OpenRoot(before.real)
	if err != nil {
		return nil, fmt.Errorf("site directory: %w", err)
	}
	defer root.Close()
	if st, err := root.Stat(indexPage); err != nil || !st.Mode().IsRegular() {
		return nil, siteErrorf("site directory %q has no %s (run `make build` first?)", dir, indexPage)
	}

	// First the sizes, so that a site too large is refused before it is read.
	type entry struct {
		name string
		info fs.FileInfo
	}
	var entries []entry
	var total int64
	err = fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		// root.Stat follows a symbolic link only while it stays inside
		// the site; one that leads out (or to a directory) is not served.
		info, err := root.Stat(name)
		if err != nil && d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		if err != nil {
			return siteErrorf("site directory %q: %s: %v", dir, name, err)
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		entries = append(entries, entry{name, info})
		total += info.Size()
		return nil
	})
	if err != nil {
		var se *siteError
		if errors.As(err, &se) {
			return nil, err
		}
		return nil, siteErrorf("site directory %q: %v", dir, err)
	}
	if total > maxBytes {
		return nil, siteErrorf("site directory %q holds %s, over the limit of %s for the site in memory (raise -max-site-mib)", dir, mib(total), mib(maxBytes))
	}

	bodies := make(map[string][]byte, len(entries))
	infos := make(map[string]fs.FileInfo, len(entries))
	for _, e := range entries {
		b, err := root.ReadFile(e.name)
		if err != nil {
			return nil, siteErrorf("site directory %q: %s is not readable: %v", dir, e.name, err)
		}
		bodies[e.name], infos[e.name] = b, e.info
	}
	after, err := readStamp(dir)
	if err != nil {
		return nil, err
	}
	if after != before {
		return nil, siteErrorf("site directory %q changed while it was being read (a build still writing?)", dir)
	}
	if err := validate(bodies); err != nil {
		return nil, siteErrorf("site directory %q is not a whole site: %v", dir, err)
	}
	return newSnapshot(dir, before, bodies, infos), nil
}

// newSnapshot builds the snapshot of files read from dir.
func newSnapshot(dir string, st stamp, bodies map[string][]byte, infos map[string]fs.FileInfo) *snapshot {
	s := &snapshot{dir: dir, files: map[string]*file{}, paths: map[string]*file{}, stamp: st, nfiles: len(bodies)}
	for name, body := range bodies {
		s.bytes += int64(len(body))
		if _, ok := siblingOf(name); ok && bodies[strings.TrimSuffix(name, path.Ext(name))] != nil {
			continue // served as a representation of its original
		}
		info := infos[name]
		f := &file{
			name:         name,
			modTime:      info.ModTime(),
			contentType:  []string{contentType(name)},
			cacheControl: []string{cacheControl(name, "")},
		}
		f.reps = append(f.reps, newRep(name, "", body, info, 0))
		for _, p := range precompressed {
			if b, ok := bodies[name+p.suffix]; ok {
				f.reps = append(f.reps, newRep(name, p.coding, b, infos[name+p.suffix], len(body)))
			}
		}
		s.files[name] = f
	}
	s.readOEmbed(bodies)
	// Cache every request path that resolves to a file in one step.
	for name, f := range s.files {
		base := strings.TrimSuffix(name, ".html")
		dirName := strings.TrimSuffix(strings.TrimSuffix(name, indexPage), "/")
		for _, p := range []string{"/" + name, "/" + base, "/" + base + "/", "/" + dirName, "/" + dirName + "/"} {
			if got, ok := s.resolve(p); ok && got == f {
				s.paths[p] = f
			}
		}
	}
	return s
}

// newRep is one representation of the file name: its original bytes
// (coding "") or a sibling's. rawSize is the original's size.
func newRep(name, coding string, body []byte, info fs.FileInfo, rawSize int) *rep {
	sum := sha256.Sum256(body)
	tag := `"` + hex.EncodeToString(sum[:12])
	if coding != "" {
		tag += "-" + coding
	}
	r := &rep{
		coding:        coding,
		body:          body,
		etag:          []string{tag + `"`},
		lastModified:  []string{info.ModTime().UTC().Format(http.TimeFormat)},
		contentLength: []string{strconv.Itoa(len(body))},
	}
	if coding != "" {
		r.encoding = []string{coding}
		if path.Ext(name) == ".wasm" {
			r.wasmLength = []string{strconv.Itoa(rawSize)}
		}
	}
	return r
}

// siblingOf returns the content coding of a precompressed sibling's name.
func siblingOf(name string) (string, bool) {
	for _, p := range precompressed {
		if strings.HasSuffix(name, p.suffix) {
			return p.coding, true
		}
	}
	return "", false
}

// resolve finds the file for a request path: the name itself, then
// NAME/index.html, then NAME.html; for a trailing-slash path only the page
// forms. ok is false for a path that is not a clean absolute path (a bad
// request) and file nil when nothing matches.
func (s *snapshot) resolve(urlPath string) (f *file, ok bool) {
	name, dirStyle, ok := cleanPath(urlPath)
	if !ok {
		return nil, false
	}
	if isHidden(name) {
		return nil, true
	}
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
		if f := s.files[c]; f != nil {
			return f, true
		}
	}
	return nil, true
}

// mustCompress lists the extensions of the files a build that
// precompresses (cmd/static) has always compressed once it is done: pages,
// scripts and stylesheets over minCompressible bytes always shrink.
// cmd/static compresses in name order, so while one file is being
// compressed (the wasm takes seconds) later scripts and pages still lack
// their siblings.
var mustCompress = map[string]bool{".html": true, ".js": true, ".css": true}

// minCompressible is the size above which such a file always shrinks by
// compressing.
const minCompressible = 1 << 10

// localRef matches the site-local links and sources of a page.
var localRef = regexp.MustCompile(`(?:href|src)="(/[^/"?#][^"?#]*|/)(?:[?#][^"]*)?"`)

// manifestRef matches a page's link to its manifest, which sits at the
// site's base path.
var manifestRef = regexp.MustCompile(`href="(/[^"]*)manifest\.webmanifest"`)

// validate checks that files (name → contents) are a whole built site and
// not one half written: index.html is there; a .gz sibling holds its
// original's size; once a build
// precompresses (any sibling exists), every page, script and stylesheet
// over 1 KiB has a sibling; and every local link and source of index.html resolves.
func validate(files map[string][]byte) error {
	index, ok := files[indexPage]
	if !ok {
		return fmt.Errorf("no %s", indexPage)
	}
	anySibling := false
	for name, b := range files {
		coding, ok := siblingOf(name)
		if !ok {
			continue
		}
		orig, ok := files[strings.TrimSuffix(name, path.Ext(name))]
		if !ok {
			continue // a file of its own, such as a download
		}
		anySibling = true
		if coding == "gzip" {
			if len(b) < 18 || !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) || binary.LittleEndian.Uint32(b[len(b)-4:]) != uint32(len(orig)) {
				return fmt.Errorf("%s is not a whole gzip of %s", name, strings.TrimSuffix(name, ".gz"))
			}
		}
	}
	if anySibling {
		for name, b := range files {
			if _, sib := siblingOf(name); sib || !mustCompress[strings.ToLower(path.Ext(name))] || len(b) <= minCompressible {
				continue
			}
			if files[name+".br"] == nil && files[name+".gz"] == nil {
				return fmt.Errorf("%s has no precompressed sibling (compression unfinished?)", name)
			}
		}
	}
	// A site built for a sub-path (make static BASE=…) links under its
	// base, which is where its manifest link points.
	base := "/"
	if m := manifestRef.FindSubmatch(index); m != nil {
		base = string(m[1])
	}
	probe := &snapshot{files: map[string]*file{}}
	for name := range files {
		probe.files[name] = &file{}
	}
	for _, m := range localRef.FindAllSubmatch(index, -1) {
		ref := string(m[1])
		if !strings.HasPrefix(ref, base) && ref+"/" != base {
			continue
		}
		p := "/" + strings.TrimPrefix(strings.TrimPrefix(ref, base), "/")
		if f, ok := probe.resolve(p); !ok || f == nil {
			return fmt.Errorf("%s links to %s, which is missing", indexPage, ref)
		}
	}
	return nil
}

// mib formats bytes in MiB.
func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
