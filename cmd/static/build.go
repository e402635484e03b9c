package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
	"github.com/jiangsu-map/jsmap/app/demo"
	"github.com/jiangsu-map/jsmap/app/palette"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

type config struct {
	Out, Web, Wasm, Base, Origin string
	// BuildID is mixed into the version: two builds with different ids get
	// different service-worker versions even from identical files.
	BuildID string
	// NoCompress skips writing .br and .gz siblings (quicker test builds).
	NoCompress bool
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
	if err := writePalette(filepath.Join(cfg.Out, "web", "app.css")); err != nil {
		return err
	}
	if err := writeIDs(filepath.Join(cfg.Out, "web", "page.js")); err != nil {
		return err
	}
	if err := copyFile(cfg.Wasm, filepath.Join(cfg.Out, "web", "app.wasm")); err != nil {
		return fmt.Errorf("copying the wasm (build it first with make wasm): %w", err)
	}
	if err := writeShareImages(cfg.Out); err != nil {
		return err
	}
	if err := writeDownloads(cfg.Out, cfg.Web); err != nil {
		return err
	}
	webHash, err := hashTree(filepath.Join(cfg.Out, "web"), cfg.BuildID)
	if err != nil {
		return err
	}
	app.Routes()
	version, err := buildVersion(base, webHash)
	if err != nil {
		return err
	}
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
		if err := writeStory(cfg.Out, p, base); err != nil {
			return err
		}
	}
	if err := writeManifests(cfg.Out, base); err != nil {
		return err
	}
	if err := patchScripts(cfg.Out); err != nil {
		return err
	}
	if err := writeOEmbed(cfg.Out, pages, base, cfg.Origin); err != nil {
		return err
	}
	if err := writeDemos(cfg.Out, base); err != nil {
		return err
	}
	for _, p := range pages {
		if err := decoratePage(cfg.Out, p, base, cfg.Origin, version); err != nil {
			return err
		}
	}
	n := 0
	if !cfg.NoCompress {
		if n, err = compressTree(cfg.Out); err != nil {
			return err
		}
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
		// The not-found pages, and the embed's own (served for /embed/…).
		for _, p := range []string{route.State{Lang: l}.NotFoundPage(), route.State{Lang: l, Embed: true}.NotFoundPage()} {
			pages = append(pages, page{Path: p, File: strings.TrimPrefix(p, "/") + ".html"})
		}
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
	loaderImg  = regexp.MustCompile(`<img [^>]*id="app-wasm-loader-icon"[^>]*>`)
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
		// Its spinner, 16 px wide, is the 0.4 KB SVG icon (which the page
		// loads anyway as its favicon) instead of the 7 KB 192 px PNG that
		// would share a slow network with the page's stylesheets.
		{"loader icon", loaderImg, `<img id="app-wasm-loader-icon" class="goapp-logo goapp-spin" src="` + base + `/web/icons/icon.svg" alt="" width="16" height="16">`},
	} {
		if !fix.re.MatchString(html) {
			return fmt.Errorf("page %s: go-app's %s markup changed; update cmd/static", p.Path, fix.name)
		}
		html = fix.re.ReplaceAllLiteralString(html, fix.with)
	}
	// The first paint shows the text the app renders (see dropNewlines).
	html, err = dropNewlines(html)
	if err != nil {
		return fmt.Errorf("page %s: %w", p.Path, err)
	}
	for i := 0; i < 2; i++ { // twice: neighbouring matches share a space
		html = bareARIARe.ReplaceAllString(html, `$1$2="true"$3`)
	}
	if m := badQuoteRe.FindString(html); m != "" {
		return fmt.Errorf("page %s: an attribute value holds a double quote, which go-app cannot escape: %s", p.Path, m)
	}
	// English pages install the English app.
	if route.Parse(p.Path).Lang == data.En {
		zh := `href="` + base + app.ManifestPath(data.Zh) + `"`
		if !strings.Contains(html, zh) {
			return fmt.Errorf("page %s: no manifest link %s", p.Path, zh)
		}
		html = strings.Replace(html, zh, `href="`+base+app.ManifestPath(data.En)+`"`, 1)
	}
	if leaked(html, origin) {
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

// loopbackURLRe matches an origin on 127.0.0.1, its whole port included.
var loopbackURLRe = regexp.MustCompile(`https?://127\.0\.0\.1(?::[0-9]+)?`)

// leaked reports whether a page names the generator's temporary server
// (go-app's generator serves on 127.0.0.1 at a random port): any mention
// of 127.0.0.1 but the origin the build was asked to write, which may be
// on loopback too (a staging box, the WordPress test).
func leaked(html, origin string) bool {
	origin = strings.TrimSuffix(origin, "/")
	rest := loopbackURLRe.ReplaceAllStringFunc(html, func(u string) string {
		if u == origin {
			return ""
		}
		return u
	})
	return strings.Contains(rest, "127.0.0.1")
}

var ogImageRe = regexp.MustCompile(`<meta [^>]*property="og:image"[^>]*>`)

// decoratePage adds what the page's head needs beyond go-app's template,
// in one pass over the file: the build version (where a reader or a test
// can tell which deployment a page came from; the service worker caches
// under the same version), the share image in go-app's empty og:image, the
// rest of the Open Graph and Twitter card tags, and the oEmbed discovery
// link.
func decoratePage(out string, p page, base, origin, version string) error {
	f := filepath.Join(out, filepath.FromSlash(p.File))
	b, err := os.ReadFile(f)
	if err != nil {
		return err
	}
	html := string(b)
	const charset = `<meta charset="UTF-8">`
	if strings.Count(html, charset) != 1 || strings.Count(html, "</head>") != 1 || len(ogImageRe.FindAllString(html, -1)) != 1 {
		return fmt.Errorf("page %s: go-app's head markup changed (charset, og:image, </head>); update cmd/static", p.Path)
	}
	site := strings.TrimSuffix(origin, "/") + base
	s := route.Parse(p.Path)
	img := site + app.ShareImage(s.City)
	head := `<meta name="jsmap-version" content="` + version + `">`
	if !s.NotFound {
		// The page's own address: web/page.js tells from it when the
		// service worker answered with a home page standing in for
		// another page (offline), which the app then renders.
		head += "\n" + `<meta name="jsmap-path" content="` + attr(base+p.Path) + `">`
	}
	html = strings.Replace(html, charset, charset+"\n"+head, 1)
	html = ogImageRe.ReplaceAllLiteralString(html, `<meta property="og:image" content="`+attr(img)+`">`)
	html = strings.Replace(html, "</head>", socialTags(s, img)+oembedLink(p, site)+"\n</head>", 1)
	return os.WriteFile(f, []byte(html), 0o644)
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

// writePalette writes the colours of app/palette into the stylesheet css
// in place of its palette.Marker line.
func writePalette(css string) error {
	b, err := os.ReadFile(css)
	if err != nil {
		return err
	}
	if n := strings.Count(string(b), palette.Marker); n != 1 {
		return fmt.Errorf("%s: found %d palette markers %q, want 1", css, n, palette.Marker)
	}
	return os.WriteFile(css, []byte(strings.Replace(string(b), palette.Marker, strings.TrimSuffix(palette.CSS(), "\n"), 1)), 0o644)
}

// writeDemos writes the sample host article in each language
// (route.DemoPath, app/demo).
func writeDemos(out, base string) error {
	for _, l := range data.Langs {
		b, err := demo.Page(l, base)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(fileFor(route.DemoPath(l)))), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// idsMarker is the expression in web/page.js that writeIDs replaces.
const idsMarker = "/*jsmap:ids*/{ cities: [], themes: [] }"

// writeIDs writes the site's city and theme ids into the page script js in
// place of its idsMarker: the script checks a host page's requests
// (jsmap:select) against them before the WebAssembly, which knows them,
// has started.
func writeIDs(js string) error {
	b, err := os.ReadFile(js)
	if err != nil {
		return err
	}
	if n := strings.Count(string(b), idsMarker); n != 1 {
		return fmt.Errorf("%s: found %d id markers %q, want 1", js, n, idsMarker)
	}
	var ids struct {
		Cities []string `json:"cities"`
		Themes []string `json:"themes"`
	}
	ids.Cities = data.IDs()
	for _, th := range data.Themes() {
		ids.Themes = append(ids.Themes, string(th.ID))
	}
	j, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	return os.WriteFile(js, []byte(strings.Replace(string(b), idsMarker, string(j), 1)), 0o644)
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
func hashTree(dir, buildID string) (string, error) {
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
	fmt.Fprintf(h, "build-id\x00%s\x00", buildID)
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
