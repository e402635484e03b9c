package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
)

// defaultPages are the pages a review looks at first: both languages'
// overview and a city of each kind, and the comparison.
var defaultPages = []string{"/", "/en/", "/city/suzhou", "/en/city/suzhou", "/en/city/yancheng", "/en/compare"}

// config is what the command line asks for.
type config struct {
	dir    string // the built site, served in this process (when url is "")
	url    string // a site already running
	out    string
	pages  []string
	widths []int
	noApp  bool
	full   bool
	wait   time.Duration
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("screenshots", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	var pages, widths string
	fs.StringVar(&c.dir, "dir", "", "the built site to serve (default $JSMAP_DIST or dist/)")
	fs.StringVar(&c.url, "url", "", "shoot a site already running at this base URL instead of serving -dir")
	fs.StringVar(&c.out, "out", "build/screenshots", "directory for the PNG files")
	fs.StringVar(&pages, "pages", strings.Join(defaultPages, ","), "comma-separated paths; a #fragment scrolls to that element and shoots one screen")
	fs.StringVar(&widths, "widths", "390,1280", "comma-separated viewport widths in CSS px (under 600 is a phone: touch, 3× pixels)")
	fs.BoolVar(&c.full, "full", false, "shoot phones full length too (by default a phone is shot one screen high, as its reader sees it with the city panel as a sheet over the map; wider screens full length)")
	fs.BoolVar(&c.noApp, "no-app", false, "do not start the WebAssembly app: shoot the page as it first paints")
	fs.DurationVar(&c.wait, "timeout", 30*time.Second, "how long one page may take")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, &cli.UsageError{Err: err}
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "screenshots: unexpected arguments %q\n", fs.Args())
		return c, &cli.UsageError{Err: fmt.Errorf("unexpected arguments %q", fs.Args())}
	}
	for _, p := range strings.Split(pages, ",") {
		if p = strings.TrimSpace(p); p != "" {
			if !strings.HasPrefix(p, "/") {
				return c, usage(stderr, "page %q: a path starts with /", p)
			}
			c.pages = append(c.pages, p)
		}
	}
	for _, w := range strings.Split(widths, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(w))
		if err != nil || n < 200 || n > 4000 {
			return c, usage(stderr, "width %q: want a number of CSS px from 200 to 4000", w)
		}
		c.widths = append(c.widths, n)
	}
	if len(c.pages) == 0 {
		return c, usage(stderr, "no pages")
	}
	return c, nil
}

func usage(stderr io.Writer, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	fmt.Fprintln(stderr, "screenshots:", err)
	return &cli.UsageError{Err: err}
}

// fileName names the screenshot of page at width: the path's words joined
// by dashes ("index" for the root), the query's and fragment's after them.
func fileName(page string, width int) string {
	var b strings.Builder
	for _, r := range strings.TrimPrefix(page, "/") {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	for strings.Contains(name, "--") {
		name = strings.ReplaceAll(name, "--", "-")
	}
	if name == "" {
		name = "index"
	}
	return fmt.Sprintf("%s-%d.png", name, width)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	base := strings.TrimSuffix(c.url, "/")
	if base == "" {
		dir := c.dir
		if dir == "" {
			if dir, err = harness.Dist(); err != nil {
				return err
			}
		}
		srv, err := harness.StartServer(dir, "")
		if err != nil {
			return err
		}
		defer srv.Stop()
		base = srv.URL
	}
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	bctx, cancel, err := harness.NewBrowser(ctx, nil)
	if err != nil {
		return err
	}
	defer cancel()
	for _, w := range c.widths {
		for _, p := range c.pages {
			png, err := shoot(bctx, base+p, w, c)
			if err != nil {
				return fmt.Errorf("%s at %d px: %w", p, w, err)
			}
			file := filepath.Join(c.out, fileName(p, w))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				return err
			}
			fmt.Fprintln(stdout, file)
		}
	}
	return nil
}

// shoot loads u in a fresh tab at width w and returns the PNG.
func shoot(bctx context.Context, u string, w int, c config) ([]byte, error) {
	tctx, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tctx, c.wait)
	defer cancel()
	parsed, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	h := int64(900)
	viewport := chromedp.EmulateViewport(int64(w), h)
	if w < 600 {
		h = int64(w) * 844 / 390
		viewport = chromedp.EmulateViewport(int64(w), h, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(ctx, viewport, chromedp.Navigate(u)); err != nil {
		return nil, err
	}
	if !c.noApp {
		// A reader's first input starts the app (web/page.js); pages
		// without it (host pages, static=1, the story page) are shot as
		// they are.
		started, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.jsmapStart === "function" && !/[?&]static=(1|true)\b/i.test(location.search) && !document.querySelector('meta[name="jsmap-wasm"][content="none"]') && (window.jsmapStart(), true)`))
		if err != nil {
			return nil, err
		}
		if started {
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.dataset.app === "ready"`)); err != nil {
				return nil, fmt.Errorf("the app did not start: %w", err)
			}
		}
	}
	// Fonts, then two frames, so that the page is painted as a reader sees it.
	settle := `document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`
	if frag := parsed.Fragment; frag != "" {
		js := fmt.Sprintf(`(() => { const e = document.getElementById(%s); if (!e) return false; e.scrollIntoView({block: "center"}); return true })()`, strconv.Quote(frag))
		found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("no element with id %q", frag)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settle, chromedp.EvalAwaitPromise)); err != nil {
			return nil, err
		}
		return chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settle, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	if w < 600 && !c.full {
		return chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	return chromedp.Run(ctx, chromedp.FullScreenshot(100))
}
