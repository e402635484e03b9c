package xbrowser

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// webkit drives WebKitGTK's MiniBrowser through WebKitWebDriver (W3C
// WebDriver classic), on a private Xvfb display.
type webkit struct {
	x       *xvfb
	driver  *proc
	wd      *wdClient
	version string
}

func startWebKit(ctx context.Context, opts Options) (_ Browser, err error) {
	if opts.InitScript != "" {
		return nil, errors.New("webkit: Options.InitScript is supported by Chromium only")
	}
	bin, err := lookPath(os.Getenv("WEBKIT_WEBDRIVER"), "WebKitWebDriver")
	if err != nil {
		return nil, fmt.Errorf("%w (Debian: apt-get install webkit2gtk-driver xvfb)", err)
	}
	w, h := opts.size()
	b := &webkit{}
	defer func() {
		if err != nil {
			b.Close()
		}
	}()
	if b.x, err = startXvfb(w+200, h+300); err != nil {
		if errors.Is(err, ErrNotInstalled) {
			return nil, fmt.Errorf("%w (Debian: apt-get install xvfb)", err)
		}
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--port="+strconv.Itoa(port), "--host=local")
	cmd.Env = append(os.Environ(), "DISPLAY="+b.x.display)
	if b.driver, err = startProc("WebKitWebDriver", cmd); err != nil {
		return nil, err
	}
	b.wd = newWDClient("http://127.0.0.1:" + strconv.Itoa(port))
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := b.wd.waitReady(sctx); err != nil {
		return nil, fmt.Errorf("%v: %s", err, b.driver.output())
	}
	caps, err := b.wd.newSession(ctx, map[string]any{})
	if err != nil {
		return nil, fmt.Errorf("webkit: new session: %v: %s", err, b.driver.output())
	}
	b.version, _ = caps["browserVersion"].(string)
	if err := b.setViewport(ctx, w, h); err != nil {
		return nil, err
	}
	return b, nil
}

// setViewport sizes the window so that its viewport is w×h: MiniBrowser's
// window has a toolbar, whose size is measured once and added.
func (b *webkit) setViewport(ctx context.Context, w, h int) error {
	rect := func(w, h int) error {
		return b.wd.do(ctx, http.MethodPost, "/window/rect", map[string]any{"width": w, "height": h}, nil)
	}
	if err := rect(w, h); err != nil {
		return fmt.Errorf("webkit: sizing the window: %w", err)
	}
	var in struct{ W, H int }
	if err := b.Eval(ctx, "({W: innerWidth, H: innerHeight})", &in); err != nil {
		return err
	}
	if in.W == w && in.H == h {
		return nil
	}
	return rect(2*w-in.W, 2*h-in.H)
}

func (b *webkit) Engine() string  { return "webkit" }
func (b *webkit) Version() string { return b.version }

func (b *webkit) Navigate(ctx context.Context, url string) error {
	return b.wd.do(ctx, http.MethodPost, "/url", map[string]any{"url": url}, nil)
}

func (b *webkit) Eval(ctx context.Context, js string, out any) error {
	text, err := b.wd.executeString(ctx, "return "+wrapJS(js)+";")
	if err != nil {
		return fmt.Errorf("evaluating %.80q: %w", js, err)
	}
	return decode(text, out)
}

func (b *webkit) Click(ctx context.Context, x, y float64) error {
	return b.wd.performActions(ctx, clickActions(x, y))
}

func (b *webkit) Press(ctx context.Context, key string) error {
	a, err := keyActions(key)
	if err != nil {
		return err
	}
	return b.wd.performActions(ctx, a)
}

func (b *webkit) Back(ctx context.Context) error {
	return b.wd.do(ctx, http.MethodPost, "/back", map[string]any{}, nil)
}

func (b *webkit) Forward(ctx context.Context) error {
	return b.wd.do(ctx, http.MethodPost, "/forward", map[string]any{}, nil)
}

func (b *webkit) URL(ctx context.Context) (string, error) {
	var u string
	err := b.wd.do(ctx, http.MethodGet, "/url", nil, &u)
	return u, err
}

func (b *webkit) Screenshot(ctx context.Context) ([]byte, error) {
	var data string
	if err := b.wd.do(ctx, http.MethodGet, "/screenshot", nil, &data); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(data)
}

func (b *webkit) Close() error {
	var err error
	if b.wd != nil && b.wd.session != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = b.wd.deleteSession(ctx)
		cancel()
	}
	b.driver.stop(5 * time.Second)
	if b.x != nil {
		b.x.stop(5 * time.Second)
	}
	return err
}
