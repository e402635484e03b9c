// Command bench measures how fast the built site is for a reader on a phone,
// on a fast and on a slow network, and checks the figures against the
// performance budget (budget.go). It builds nothing: it starts the server
// (app/server, through app/harness) on the built site in dist/
// ($JSMAP_DIST, or -dist), drives headless Chromium through the DevTools
// protocol, and prints a table, or JSON with -json.
//
// Usage:
//
//	go run ./cmd/bench [-json] [-lighthouse] [-runs 3] [-profiles none,slow-4g]
//
// `make bench` builds the site when dist/ is missing, installs Lighthouse
// with `npm ci` when node_modules lacks it, and runs `go run ./cmd/bench
// -lighthouse`.
//
// Every figure is the median of -runs runs (at least 3), each in a fresh
// browser context (empty cache, no service worker), on a phone-sized
// screen (-device). Each network profile is emulated with
// Network.emulateNetworkConditions and Emulation.setCPUThrottlingRate on
// the page, and the same network conditions on its service worker, which
// the tool attaches to paused, as DevTools' own throttling does (a worker
// cannot be CPU-throttled). Per profile and run:
//
//   - cold transfer: bytes on the wire (headers and compressed bodies, as
//     Network.loadingFinished counts them) and requests, of the page and of
//     its service worker's precache, until the app is ready, the service
//     worker controls the page and no request is in flight;
//   - first contentful paint, and "map clickable": the first animation
//     frame in which each of the 13 region labels' centres hit-tests
//     (elementFromPoint) to its region's link, or the first contentful
//     paint if that comes later (painted, not only laid out);
//   - "usable": in another fresh context, from the start of the navigation
//     to / until a real mouse click (Input.dispatchMouseEvent) on a city,
//     sent the moment the map is clickable, shows #panel[data-city=ID] in
//     an animation frame: in the same document when the WebAssembly app
//     handled the click, in the prerendered city page when the click was a
//     link navigation (both documents' times are put on one clock through
//     performance.timeOrigin);
//   - click latency once the app is ready: 20 clicks alternating between
//     two cities, pointerdown to the panel's data-city change, p50 and p95
//     (nearest rank);
//   - cumulative layout shift over the whole load, the WebAssembly taking
//     over included (every layout-shift entry not caused by input);
//   - the WebAssembly memory (the Go instance's exported memory, captured
//     by wrapping WebAssembly.instantiateStreaming) and the used JS heap
//     (Performance.getMetrics after a garbage collection) after the clicks;
//   - a repeat visit in a new tab of the same context, with the service
//     worker installed but stopped: bytes and requests that still go to the
//     network, and the time to data-app="ready".
//
// Once per run of the tool, the brotli sizes of the WebAssembly and of the
// /city/suzhou and / pages as served; with -lighthouse, Lighthouse
// (node_modules/.bin/lighthouse, mobile preset, performance category) on /,
// /city/suzhou and /en/city/yancheng, -runs times each.
//
// Sizes are in decimal units, as the budgets are written: 1 KB is 1,000
// bytes and 1 MB 1,000,000. The exit status is 0 when every budget is met,
// 1 when one is missed, and 2 when the benchmark could not run.
//
// With -cpu-profile DIR it measures no figures: it records V8 CPU profiles
// of a cold load (until the app is ready) and of the latency clicks into
// DIR and prints where the main thread's time went, by kind of work and by
// function (`make profile`, which names the Go functions with -wasm-names
// from an unstripped build of the same code).
//
// `make bench BENCH_FLAGS=-json` passes flags through. The unit tests need
// no browser; TestSmoke, a browser test that `make test` runs, runs the
// benchmark once, unthrottled, and checks that every figure was measured.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// lighthousePages are the pages -lighthouse measures: the overview, a
// Chinese city and an English one.
var lighthousePages = []string{"/", "/city/suzhou", "/en/city/yancheng"}

func main() {
	// Stop cleanly on ^C: the server and the browser are stopped on the way out.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Options say what to measure and how.
type Options struct {
	Dist        string        // the built site
	Runs        int           // runs per profile, and Lighthouse runs per page
	Profiles    []Profile     // network profiles
	Device      Device        // emulated screen
	City        string        // the city clicked for "usable"
	ClickCities [2]string     // the two cities clicked in turn for the latency
	Clicks      int           // how many latency clicks
	Timeout     time.Duration // for each visit
	// LighthouseBin, when not empty, is the Lighthouse command to run on
	// LighthousePages.
	LighthouseBin   string
	LighthousePages []string
	// CPUProfileDir, when not empty, makes the run record CPU profiles
	// there (see cpuprofile.go) instead of measuring the figures.
	CPUProfileDir string
	WasmNames     wasmNames // names for the profiles' wasm frames; nil for none
	Log           io.Writer // progress; nil for none
}

// bench is one benchmark in progress: the server and the browser.
type bench struct {
	opts    Options
	base    string          // the server's URL, without trailing slash
	browser context.Context // the browser's first tab; tabs are opened from it
}

func (b *bench) logf(format string, args ...any) {
	if b.opts.Log != nil {
		fmt.Fprintf(b.opts.Log, format+"\n", args...)
	}
}

// Bench runs the benchmark and returns its report, budgets checked.
func Bench(ctx context.Context, opts Options) (*Report, error) {
	b := &bench{opts: opts}
	rep := &Report{Meta: Meta{
		Date:       time.Now().UTC().Format(time.RFC3339),
		Dist:       opts.Dist,
		Build:      buildVersion(opts.Dist),
		Device:     opts.Device.Name,
		Runs:       opts.Runs,
		LoadBefore: loadAverage(),
	}}

	srv, err := harness.StartServer(opts.Dist, "")
	if err != nil {
		return nil, err
	}
	defer srv.Stop()
	b.base = srv.URL

	site, err := siteSection(ctx, b.base)
	if err != nil {
		return nil, err
	}
	rep.Sections = append(rep.Sections, site)

	bctx, closeBrowser, err := harness.NewBrowser(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer closeBrowser()
	b.browser = bctx
	if v, err := chromedp.CallBrowser(bctx, browser.GetVersion, cdp.Empty{}); err == nil {
		rep.Meta.Browser = v.Product
	}

	if opts.CPUProfileDir != "" {
		rep.CPU, err = b.cpuProfiles(ctx, opts.CPUProfileDir, opts.WasmNames)
		if err != nil {
			return nil, fmt.Errorf("cpu profiles: %w", err)
		}
		rep.Meta.LoadAfter = loadAverage()
		return rep, nil
	}
	for _, p := range opts.Profiles {
		sec, err := b.profile(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("profile %s: %w", p.Name, err)
		}
		rep.Sections = append(rep.Sections, sec)
	}
	closeBrowser()

	if opts.LighthouseBin != "" {
		chrome, err := harness.ChromePath()
		if err != nil {
			return nil, err
		}
		for _, path := range opts.LighthousePages {
			s := Samples{}
			var warnings []string
			for i := range opts.Runs {
				b.logf("lighthouse %s: run %d of %d", path, i+1, opts.Runs)
				v, figs, warns, err := runLighthouse(ctx, opts.LighthouseBin, chrome, b.base+path)
				if err != nil {
					return nil, err
				}
				rep.Meta.Lighthouse = v
				for k, x := range figs {
					s.Add(k, x)
				}
				for _, w := range warns {
					if !slices.Contains(warnings, w) {
						warnings = append(warnings, w)
					}
				}
			}
			sec := s.Section("lighthouse "+path, "Lighthouse, mobile preset, "+path, lighthouseFigures)
			sec.Notes = warnings
			rep.Sections = append(rep.Sections, sec)
		}
	}
	rep.Meta.LoadAfter = loadAverage()
	rep.Budgets = Evaluate(DefaultBudgets, rep.Sections)
	return rep, nil
}

// profile measures one network profile: Runs usable runs and Runs full
// runs, alternating.
func (b *bench) profile(ctx context.Context, p Profile) (Section, error) {
	s := Samples{}
	parts := Samples{} // where the usable time went
	inApp := 0
	for i := range b.opts.Runs {
		if err := ctx.Err(); err != nil {
			return Section{}, err
		}
		b.logf("%s: run %d of %d: first visit and clicking %s", p.Name, i+1, b.opts.Runs, b.opts.City)
		u, err := b.usableRun(p, b.opts.City)
		if err != nil {
			return Section{}, fmt.Errorf("usable, run %d: %w", i+1, err)
		}
		b.logf("%s: usable %.0f ms: clickable %.0f, pointerdown %.0f, city page navigation %.0f (0: in-app)", p.Name, u.total, u.clickable, u.down, u.nav)
		s.Add(KeyUsable, u.total)
		s.Add(KeyFirstCityBytes, u.bytes)
		parts.Add("clickable", u.clickable)
		parts.Add("down", u.down)
		if u.inApp {
			inApp++
		} else {
			parts.Add("nav", u.nav)
		}
		b.logf("%s: run %d of %d: cold load, clicks, repeat visit", p.Name, i+1, b.opts.Runs)
		if err := b.fullRun(p, s); err != nil {
			return Section{}, fmt.Errorf("run %d: %w", i+1, err)
		}
	}
	sec := s.Section(p.Name, p.Title, profileFigures)
	path := fmt.Sprintf("the click on %s was handled by the WebAssembly app in %d of %d runs, and was a link navigation to the prerendered page in the others", b.opts.City, inApp, b.opts.Runs)
	how := fmt.Sprintf("map clickable at %s, click handled (pointerdown) at %s", Millis.Format(harness.Median(parts["clickable"])), Millis.Format(harness.Median(parts["down"])))
	if len(parts["nav"]) > 0 {
		how += fmt.Sprintf(", city page's navigation started at %s", Millis.Format(harness.Median(parts["nav"])))
	}
	sec.Notes = append(sec.Notes,
		"usable: "+path+"; medians: "+how,
		fmt.Sprintf("click latency: %d clicks alternating %s and %s; JS heap after a forced garbage collection", b.opts.Clicks, b.opts.ClickCities[0], b.opts.ClickCities[1]),
	)
	if p.throttled() {
		sec.Notes = append(sec.Notes, "the service worker gets the page's network conditions but its own bandwidth (as in DevTools), and no CPU slowdown")
	}
	return sec, nil
}

// run is the command: it parses args, measures, and writes the report to
// stdout; it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	lighthouse := fs.Bool("lighthouse", false, "also run Lighthouse (node_modules/.bin/lighthouse, see -lighthouse-bin) on /, /city/suzhou and /en/city/yancheng")
	lighthouseBin := fs.String("lighthouse-bin", "", "the Lighthouse command (default: node_modules/.bin/lighthouse in the repository)")
	runs := fs.Int("runs", 3, "runs per network profile and per Lighthouse page; the medians need at least 3")
	profiles := fs.String("profiles", "none,slow-4g", "network profiles to measure, comma-separated: none, slow-4g")
	device := fs.String("device", "mobile", "emulated screen: mobile or desktop")
	dist := fs.String("dist", "", "the built site (default: $JSMAP_DIST, or dist/ in the repository)")
	city := fs.String("city", "suzhou", "the city clicked for the usable figure")
	clickCities := fs.String("click-cities", "xuzhou,lianyungang", "the two cities clicked in turn for the click latency (their labels must stay clear of the open panel)")
	timeout := fs.Duration("timeout", 3*time.Minute, "time limit of each visit")
	verbose := fs.Bool("v", false, "log progress on standard error")
	cpuProfile := fs.String("cpu-profile", "", "instead of the figures, record CPU profiles of a cold load and of the latency clicks (first of -profiles) into this directory, and summarize them")
	names := fs.String("wasm-names", "", "with -cpu-profile: an unstripped build of the served wasm (same code), to name its functions (make profile builds one)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "bench:", err)
		return 2
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected arguments %q", fs.Args()))
	}
	opts := Options{Runs: *runs, Clicks: 20, Timeout: *timeout, City: *city}
	if opts.Runs < 3 {
		return fail(fmt.Errorf("-runs %d: the medians need at least 3 runs", opts.Runs))
	}
	for _, name := range strings.Split(*profiles, ",") {
		i := slices.IndexFunc(Profiles, func(p Profile) bool { return p.Name == strings.TrimSpace(name) })
		if i < 0 {
			return fail(fmt.Errorf("unknown profile %q (have none, slow-4g)", name))
		}
		opts.Profiles = append(opts.Profiles, Profiles[i])
	}
	d, ok := Devices[*device]
	if !ok {
		return fail(fmt.Errorf("unknown device %q (have mobile, desktop)", *device))
	}
	opts.Device = d
	cc := strings.Split(*clickCities, ",")
	if len(cc) != 2 || cc[0] == cc[1] {
		return fail(fmt.Errorf("-click-cities %q: want two different cities", *clickCities))
	}
	opts.ClickCities = [2]string{strings.TrimSpace(cc[0]), strings.TrimSpace(cc[1])}
	for _, c := range []string{opts.City, opts.ClickCities[0], opts.ClickCities[1]} {
		if !slices.Contains(regionIDs, c) {
			return fail(fmt.Errorf("unknown city %q (have %s)", c, strings.Join(regionIDs, " ")))
		}
	}
	opts.Dist = *dist
	if opts.Dist == "" {
		var err error
		if opts.Dist, err = harness.Dist(); err != nil {
			return fail(err)
		}
	} else if _, err := os.Stat(filepath.Join(opts.Dist, "index.html")); err != nil {
		return fail(fmt.Errorf("no built site in %s: %v", opts.Dist, err))
	}
	if *lighthouse {
		opts.LighthouseBin = *lighthouseBin
		if opts.LighthouseBin == "" {
			root, err := harness.ModuleRoot()
			if err != nil {
				return fail(err)
			}
			opts.LighthouseBin = filepath.Join(root, "node_modules", ".bin", "lighthouse")
		}
		if _, err := os.Stat(opts.LighthouseBin); err != nil {
			return fail(fmt.Errorf("no Lighthouse at %s: run `npm ci` (make bench does)", opts.LighthouseBin))
		}
		opts.LighthousePages = lighthousePages
	}
	if *verbose {
		opts.Log = stderr
	}
	opts.CPUProfileDir = *cpuProfile
	if *names != "" {
		if *cpuProfile == "" {
			return fail(errors.New("-wasm-names goes with -cpu-profile"))
		}
		var err error
		if opts.WasmNames, err = readWasmNames(*names, filepath.Join(opts.Dist, "web", "app.wasm")); err != nil {
			return fail(err)
		}
	}

	rep, err := Bench(ctx, opts)
	if err != nil {
		return fail(err)
	}
	switch {
	case *asJSON:
		err = WriteJSON(stdout, rep)
	case len(rep.CPU) > 0:
		err = WriteCPUSummaries(stdout, rep.CPU)
	default:
		err = WriteTable(stdout, rep)
	}
	if err != nil {
		return fail(err)
	}
	for _, v := range rep.Budgets {
		if !v.Pass {
			return 1
		}
	}
	return 0
}
