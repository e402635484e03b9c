package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

type config struct {
	Out, Web, Wasm, Base, Origin string
}

// page is one prerendered route and the file it is written to.
type page struct {
	Path string // URL path without base, e.g. /en/city/suzhou
	File string // file under the output dir, e.g. en/city/suzhou.html
}

func build(cfg config, log io.Writer) error {
	if err := data.Check(); err != nil {
		return fmt.Errorf("content is invalid:\n%w", err)
	}
	base := "/" + strings.Trim(cfg.Base, "/")
	if base == "/" {
		base = ""
	}
	if err := resetDir(cfg.Out); err != nil {
		return err
	}
	if err := copyDir(cfg.Web, filepath.Join(cfg.Out, "web")); err != nil {
		return fmt.Errorf("copying %s: %w", cfg.Web, err)
	}
	if err := copyFile(cfg.Wasm, filepath.Join(cfg.Out, "web", "app.wasm")); err != nil {
		return fmt.Errorf("copying the wasm (build it first with make wasm): %w", err)
	}
	version, err := hashTree(filepath.Join(cfg.Out, "web"))
	if err != nil {
		return err
	}

	app.Routes()
	h := app.Handler(base, version)
	pages := sitePages()
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = p.Path
	}
	if err := goapp.GenerateStaticWebsite(cfg.Out, h, paths...); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	for _, p := range pages {
		if err := finishPage(cfg.Out, p, base, cfg.Origin); err != nil {
			return err
		}
	}
	n, err := compressTree(cfg.Out)
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "static: %d pages, %d files compressed, version %s, base %q in %s\n", len(pages), n, version, base+"/", cfg.Out)
	return nil
}

// sitePages lists every route to prerender, and the not-found pages.
func sitePages() []page {
	var pages []page
	for _, p := range route.Pages() {
		pages = append(pages, page{Path: p, File: fileFor(p)})
	}
	for _, l := range data.Langs {
		p := route.NotFoundPath(l)
		pages = append(pages, page{Path: p, File: strings.TrimPrefix(p, "/") + ".html"})
	}
	return pages
}

// fileFor maps a route to the file a static host serves for it:
// / → index.html, /en/ → en/index.html, /city/suzhou → city/suzhou.html.
func fileFor(p string) string {
	if strings.HasSuffix(p, "/") {
		return strings.TrimPrefix(p, "/") + "index.html"
	}
	return strings.TrimPrefix(p, "/") + ".html"
}

// generatedFile is where go-app's generator wrote route p.
func generatedFile(p string) string {
	if p == "/" {
		return "index.html"
	}
	return strings.TrimSuffix(strings.TrimPrefix(p, "/"), "/") + ".html"
}

var (
	// go-app prints attributes in map order, so match tags by content.
	viewportRe = regexp.MustCompile(`<meta [^>]*name="viewport"[^>]*>`)
	ogURLRe    = regexp.MustCompile(`<meta [^>]*property="og:url"[^>]*>\n?`)
	loaderRe   = regexp.MustCompile(`<aside [^>]*id="app-wasm-loader"[^>]*>`)
	// go-app prints an attribute whose value is "true" bare, which for ARIA
	// states means "" (false): aria-hidden would hide nothing.
	bareARIARe = regexp.MustCompile(`(\s)(aria-[a-z]+)([\s>])`)
	// go-app quotes attribute values with strconv.Quote, which is not HTML
	// escaping: a backslash-escaped quote would break the markup.
	badQuoteRe = regexp.MustCompile(`="[^"]*\\"`)
)

// finishPage moves a generated page into place and repairs it.
func finishPage(out string, p page, base, origin string) error {
	src := filepath.Join(out, filepath.FromSlash(generatedFile(p.Path)))
	b, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("page %s: %w", p.Path, err)
	}
	html := string(b)
	if strings.Contains(html, "404 page not found") || !strings.Contains(html, `id="page"`) {
		return fmt.Errorf("page %s: go-app did not render the page component", p.Path)
	}
	for _, fix := range []struct {
		name string
		re   *regexp.Regexp
		with string
	}{
		// Allow zooming (WCAG 1.4.4): go-app's template forbids it.
		{"viewport", viewportRe, `<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`},
		// The generator's temporary server address must not leak.
		{"og:url", ogURLRe, ogURL(origin, base, p.Path)},
		// The loader becomes a small progress badge (web/app.css); screen
		// readers need not hear it.
		{"loader", loaderRe, `<aside id="app-wasm-loader" class="goapp-app-info" aria-hidden="true">`},
	} {
		if !fix.re.MatchString(html) {
			return fmt.Errorf("page %s: go-app's %s markup changed; update cmd/static", p.Path, fix.name)
		}
		html = fix.re.ReplaceAllLiteralString(html, fix.with)
	}
	for i := 0; i < 2; i++ { // twice: neighbouring matches share a space
		html = bareARIARe.ReplaceAllString(html, `$1$2="true"$3`)
	}
	if m := badQuoteRe.FindString(html); m != "" {
		return fmt.Errorf("page %s: an attribute value holds a double quote, which go-app cannot escape: %s", p.Path, m)
	}
	if strings.Contains(html, "127.0.0.1") {
		return fmt.Errorf("page %s: the generator's address leaked into the page", p.Path)
	}
	dst := filepath.Join(out, filepath.FromSlash(p.File))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(dst, []byte(html), 0o644); err != nil {
		return err
	}
	if dst != src {
		return os.Remove(src)
	}
	return nil
}

func ogURL(origin, base, p string) string {
	if origin == "" {
		return ""
	}
	u := strings.TrimSuffix(origin, "/") + base + p
	return `<meta property="og:url" content="` + u + `"><link rel="canonical" href="` + u + `">`
}

// resetDir empties dir, refusing to touch anything that is not a previous
// build output or a new directory.
func resetDir(dir string) error {
	clean := filepath.Clean(dir)
	if clean == "." || clean == "/" || strings.HasPrefix(clean, "..") {
		return fmt.Errorf("refusing to use %q as the output directory", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err == nil {
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	} else if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		return fmt.Errorf("%s is not empty and holds no previous build; remove it first", dir)
	}
	return os.MkdirAll(dir, 0o755)
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if strings.HasPrefix(d.Name(), ".") && rel != "." {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// hashTree derives the build version from the files' names and contents, so
// that identical inputs give an identical service-worker version.
func hashTree(dir string) (string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(dir, f)
		fmt.Fprintf(h, "%s\x00%d\x00", path.Clean(filepath.ToSlash(rel)), len(b))
		h.Write(b)
	}
	if len(files) == 0 {
		return "", errors.New("no files to version")
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}
