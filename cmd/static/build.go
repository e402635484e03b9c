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
	if err := copyFile(cfg.Wasm, filepath.Join(cfg.Out, "web", "app.wasm")); err != nil {
		return fmt.Errorf("copying the wasm (build it first with make wasm): %w", err)
	}
	if err := writeShareImages(cfg.Out); err != nil {
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
	}
	if err := writeManifests(cfg.Out, base); err != nil {
		return err
	}
	if err := patchAppJS(cfg.Out); err != nil {
		return err
	}
	if err := writeOEmbed(cfg.Out, pages, base, cfg.Origin); err != nil {
		return err
	}
	for _, p := range pages {
		if err := decoratePage(cfg.Out, p, base, cfg.Origin, version); err != nil {
			return err
		}
	}
	if err := fixAppJSForOldBrowsers(cfg.Out); err != nil {
		return err
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
		for _, p := range []string{route.NotFoundPath(l), route.EmbedPath(l, "") + "404"} {
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
	// English pages install the English app.
	if route.Parse(p.Path).Lang == data.En {
		zh := `href="` + base + app.ManifestPath(data.Zh) + `"`
		if !strings.Contains(html, zh) {
			return fmt.Errorf("page %s: no manifest link %s", p.Path, zh)
		}
		html = strings.Replace(html, zh, `href="`+base+app.ManifestPath(data.En)+`"`, 1)
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
	html = strings.Replace(html, charset, charset+"\n"+`<meta name="jsmap-version" content="`+version+`">`, 1)
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

// ---------------------------------------------------------------------------
// Browsers that cannot run Go 1.26's WebAssembly (issue 9)
// ---------------------------------------------------------------------------

// appJSFixes edit go-app's app.js so that a browser that cannot run the
// WebAssembly keeps the prerendered page as it is, with plain working
// links and no loader or error badge:
//   - the loader is removed without fetching app.wasm when WebAssembly is
//     missing or lacks what Go 1.26 always uses (sign-extension and
//     saturating float-to-int instructions, browsers from before ~2019):
//     WebAssembly.validate on a 36-byte module that uses both;
//   - when loading fails anyway, the loader is removed instead of showing
//     the error text over the page.
var appJSFixes = []struct{ old, new string }{
	{
		"function goappCanLoadWebAssembly() {\n",
		`function jsmapCanRunGoWasm() {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array([
      0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 15, 1, 13,
      0, 65, 0, 192, 26, 67, 0, 0, 0, 0, 252, 0, 11,
    ]));
  } catch (err) {
    return false;
  }
}

function goappCanLoadWebAssembly() {
  if (!jsmapCanRunGoWasm()) {
    return false;
  }
`,
	},
	{
		`    loaderIcon.className = "goapp-logo";
    loaderLabel.innerText = err;
`,
		`    loader.remove();
`,
	},
}

// fixAppJSForOldBrowsers applies appJSFixes to out/app.js; it fails when
// go-app's script no longer has the code to change.
func fixAppJSForOldBrowsers(out string) error {
	file := filepath.Join(out, "app.js")
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	js := string(b)
	for _, f := range appJSFixes {
		if strings.Count(js, f.old) != 1 {
			return fmt.Errorf("app.js: go-app's code changed, cannot find %q; update fixAppJSForOldBrowsers", f.old)
		}
		js = strings.Replace(js, f.old, f.new, 1)
	}
	return os.WriteFile(file, []byte(js), 0o644)
}
