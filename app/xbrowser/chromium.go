package xbrowser

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/jiangsu-map/jsmap/app/apptest"
)

// chromium drives headless Chromium through chromedp, started by
// app/apptest with the flags this project's machines need.
type chromium struct {
	ctx     context.Context
	cancel  context.CancelFunc
	version string

	mu       sync.Mutex
	problems []string
}

func startChromium(ctx context.Context, opts Options) (Browser, error) {
	if _, err := apptest.ChromePath(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotInstalled, err)
	}
	// The browser lives until Close, not until ctx (which bounds start-up
	// only): chromedp ties the process to the context it is given.
	bctx, cancel, err := apptest.NewBrowser(context.Background(), opts.ChromiumFlags)
	if err != nil {
		return nil, err
	}
	c := &chromium{ctx: bctx, cancel: cancel}
	if err := chromedp.Listen(bctx, c.onEvent); err != nil {
		cancel()
		return nil, err
	}
	w, h := opts.size()
	if _, err := chromedp.Call(bctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: int64(w), Height: int64(h), DeviceScaleFactor: 1}); err != nil {
		cancel()
		return nil, fmt.Errorf("setting the viewport: %w", err)
	}
	if opts.InitScript != "" {
		if _, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: opts.InitScript}); err != nil {
			cancel()
			return nil, fmt.Errorf("adding the init script: %w", err)
		}
	}
	v, err := chromedp.Call(bctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		cancel()
		return nil, fmt.Errorf("reading the version: %w", err)
	}
	// Product is e.g. "HeadlessChrome/156.0.8078.108".
	c.version = v.Product[strings.LastIndex(v.Product, "/")+1:]
	return c, nil
}

func (c *chromium) onEvent(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
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

func (c *chromium) Back(ctx context.Context) error {
	return c.do(ctx, chromedp.NavigateBack())
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

func (c *chromium) Close() error {
	c.cancel()
	if err := c.ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
