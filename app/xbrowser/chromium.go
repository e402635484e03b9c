package xbrowser

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// chromium drives headless Chromium through chromedp, started by
// app/harness with the flags this project's machines need.
type chromium struct {
	ctx     context.Context
	cancel  context.CancelFunc
	version string

	mu       sync.Mutex
	problems []string
	requests []string
}

func startChromium(ctx context.Context, opts Options) (_ Browser, err error) {
	if _, err := harness.ChromePath(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotInstalled, err)
	}
	// chromedp ties the browser's life to the context it starts with, so
	// that is not ctx (which bounds only the set-up calls below).
	bctx, cancel, err := harness.NewBrowser(context.Background(), opts.ChromiumFlags)
	if err != nil {
		return nil, err
	}
	c := &chromium{ctx: bctx, cancel: cancel}
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	if err := chromedp.Listen(bctx, c.onEvent); err != nil {
		return nil, err
	}
	w, h := opts.size()
	setup := []struct {
		what string
		call func(ctx context.Context, t *chromedp.Target) error
	}{
		{"setting the viewport", func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: int64(w), Height: int64(h), DeviceScaleFactor: 1})
			return err
		}},
		// A headless page never has system focus; emulate it, as a
		// reader's foreground tab has it (:focus and :focus-visible need it).
		{"emulating focus", func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
			return err
		}},
		{"adding the init script", func(ctx context.Context, t *chromedp.Target) error {
			if opts.InitScript == "" {
				return nil
			}
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: opts.InitScript})
			return err
		}},
		{"reading the version", func(ctx context.Context, t *chromedp.Target) error {
			v, err := cdp.Call(ctx, t, browser.GetVersion, cdp.Empty{})
			// Product is e.g. "HeadlessChrome/156.0.8078.108".
			c.version = v.Product[strings.LastIndex(v.Product, "/")+1:]
			return err
		}},
	}
	for _, s := range setup {
		if err := c.do(ctx, chromedp.Func(s.call)); err != nil {
			return nil, fmt.Errorf("chromium: %s: %w", s.what, err)
		}
	}
	return c, nil
}

// onEvent records the page's problems: uncaught exceptions, console
// errors and the browser's own error log (failed loads, Content-Security-
// Policy violations); and the URL of every request the page makes.
func (c *chromium) onEvent(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError {
			c.problems = append(c.problems, "log."+string(e.Source)+": "+e.Text+" "+e.URL)
		}
	case *network.EventRequestWillBeSent:
		c.requests = append(c.requests, ev.Request.URL)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		s := d.Text
		if d.Exception != nil {
			s += " " + d.Exception.Description
		}
		c.problems = append(c.problems, "exception: "+s)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			c.problems = append(c.problems, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	}
}

// chromeRun performs a chromedp action bound to both the browser's context and
// the caller's, which may end it early.
func chromeRun[T any](c *chromium, ctx context.Context, a chromedp.Action[T]) (T, error) {
	rctx, cancel := context.WithCancel(c.ctx)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	v, err := chromedp.Run(rctx, a)
	if err != nil && ctx.Err() != nil {
		return v, fmt.Errorf("%w: %v", ctx.Err(), err)
	}
	return v, err
}

func (c *chromium) do(ctx context.Context, a chromedp.Action[chromedp.Void]) error {
	_, err := chromeRun(c, ctx, a)
	return err
}

func (c *chromium) Engine() string  { return "chromium" }
func (c *chromium) Version() string { return c.version }

func (c *chromium) Navigate(ctx context.Context, url string) error {
	return c.do(ctx, chromedp.Navigate(url))
}

func (c *chromium) Eval(ctx context.Context, js string, out any) error {
	text, err := chromeRun(c, ctx, chromedp.Evaluate[string](wrapJS(js), chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("evaluating %.80q: %w", js, err)
	}
	return decode(text, out)
}

func (c *chromium) Click(ctx context.Context, x, y float64) error {
	return c.do(ctx, chromedp.MouseClickXY(x, y))
}

// chromiumKeys maps KeyboardEvent.key names to chromedp's key runes.
var chromiumKeys = map[string]string{"Enter": kb.Enter, "Escape": kb.Escape, "Tab": kb.Tab}

func (c *chromium) Press(ctx context.Context, key string) error {
	k, ok := chromiumKeys[key]
	if !ok {
		if len([]rune(key)) != 1 {
			return fmt.Errorf("unknown key %q", key)
		}
		k = key
	}
	return c.do(ctx, chromedp.KeyEvent(k))
}

// Back starts the history traversal and returns; unlike
// chromedp.NavigateBack it does not wait for a load event, which a page
// restored from the back-forward cache never fires.
func (c *chromium) Back(ctx context.Context) error { return c.traverse(ctx, -1) }

// Forward is Back's other direction.
func (c *chromium) Forward(ctx context.Context) error { return c.traverse(ctx, +1) }

// traverse moves delta entries through the tab's history.
func (c *chromium) traverse(ctx context.Context, delta int64) error {
	return c.do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		h, err := cdp.Call(ctx, t, page.GetNavigationHistory, cdp.Empty{})
		if err != nil {
			return err
		}
		i := h.CurrentIndex + delta
		if i < 0 || i >= int64(len(h.Entries)) {
			return fmt.Errorf("no history entry %+d from the current one", delta)
		}
		_, err = cdp.Call(ctx, t, page.NavigateToHistoryEntry, page.NavigateToHistoryEntryParams{EntryID: h.Entries[i].ID})
		return err
	}))
}

func (c *chromium) URL(ctx context.Context) (string, error) {
	return chromeRun(c, ctx, chromedp.Location())
}

func (c *chromium) Screenshot(ctx context.Context) ([]byte, error) {
	return chromeRun(c, ctx, chromedp.CaptureScreenshot())
}

func (c *chromium) Errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.problems
	c.problems = nil
	return p
}

// Requests returns the URLs the page requested, in order.
func (c *chromium) Requests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.requests)
}

func (c *chromium) Close() error {
	c.cancel()
	if err := c.ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
