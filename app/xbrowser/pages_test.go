package xbrowser

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// builtPage is one HTML page of the built site.
type builtPage struct {
	File string // the file's absolute path
	Path string // its URL path: /, /en/city/suzhou, /embed/404
	// Host is set for the sample host article (route.DemoPath), a plain
	// page that embeds the app's rather than one of them.
	Host bool
}

// builtPages lists every HTML page in the built site's directory dist,
// sorted by path, so that tests over all pages check a new page as soon as
// the build writes it. It fails t when there are fewer than the routes of
// route.Pages(): the walk or the build lost pages.
func builtPages(t *testing.T, dist string) []builtPage {
	t.Helper()
	dist, err := filepath.Abs(dist)
	if err != nil {
		t.Fatal(err)
	}
	var pages []builtPage
	err = filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, err := filepath.Rel(dist, p)
			if err != nil {
				return err
			}
			path := pathOfFile(rel)
			pages = append(pages, builtPage{File: p, Path: path, Host: path == route.DemoPath(data.Zh) || path == route.DemoPath(data.En)})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(route.Pages()); len(pages) < want {
		t.Fatalf("found %d HTML files in %s, want at least the %d routes of route.Pages()", len(pages), dist, want)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
	return pages
}

// pathOfFile is the URL path of a page file, given relative to the site's
// directory: index.html → /, en/city/suzhou.html → /en/city/suzhou (as
// cmd/static writes them).
func pathOfFile(rel string) string {
	p := "/" + strings.TrimSuffix(filepath.ToSlash(rel), ".html")
	if p == "/index" || strings.HasSuffix(p, "/index") {
		p = strings.TrimSuffix(p, "index")
	}
	return p
}
