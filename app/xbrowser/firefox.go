package xbrowser

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

// firefox drives headless Firefox through WebDriver BiDi, which it serves
// itself when started with --remote-debugging-port.
type firefox struct {
	proc    *proc
	profile string
	conn    *bidiConn
	context string // the top-level browsing context (the tab)
	version string

	mu       sync.Mutex
	problems []string
}

// firefoxPrefs go into the fresh profile's user.js. Firefox's remote agent
// already applies its recommended automation preferences; these silence
// the remaining calls to services that a test machine need not reach.
var firefoxPrefs = map[string]any{
	"app.normandy.enabled":                                       false,
	"messaging-system.rsexperimentloader.enabled":                false,
	"browser.region.network.url":                                 "",
	"browser.topsites.contile.enabled":                           false,
	"extensions.getAddons.cache.enabled":                         false,
	"network.connectivity-service.enabled":                       false,
	"browser.newtabpage.activity-stream.feeds.system.topstories": false,
}

var bidiListeningRe = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

func startFirefox(ctx context.Context, opts Options) (_ Browser, err error) {
	if opts.InitScript != "" {
		return nil, errors.New("firefox: Options.InitScript is supported by Chromium only")
	}
	bin, err := lookPath(os.Getenv("FIREFOX_PATH"), "firefox-esr", "firefox")
	if err != nil {
		return nil, fmt.Errorf("%w (Debian: apt-get install firefox-esr)", err)
	}
	b := &firefox{}
	defer func() {
		if err != nil {
			b.Close()
		}
	}()
	if b.profile, err = os.MkdirTemp("", "jsmap-firefox-"); err != nil {
		return nil, err
	}
	var prefs strings.Builder
	for k, v := range firefoxPrefs {
		j, _ := json.Marshal(v)
		fmt.Fprintf(&prefs, "user_pref(%q, %s);\n", k, j)
	}
	if err := os.WriteFile(filepath.Join(b.profile, "user.js"), []byte(prefs.String()), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--headless", "--no-remote", "--remote-debugging-port=0", "--profile", b.profile, "about:blank")
	cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1")
	if b.proc, err = startProc("firefox", cmd); err != nil {
		return nil, err
	}
	url, err := b.waitListening(ctx, 30*time.Second)
	if err != nil {
		return nil, err
	}
	if b.conn, err = dialBiDi(ctx, url+"/session", b.onEvent); err != nil {
		return nil, err
	}
	var sess struct {
		Capabilities struct {
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	if err := b.conn.call(ctx, "session.new", map[string]any{"capabilities": map[string]any{}}, &sess); err != nil {
		return nil, err
	}
	b.version = sess.Capabilities.BrowserVersion
	// The tab Firefox opens at start-up never gets focus in headless
	// mode, so nothing in it would match :focus: drive a new tab instead.
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	if err := b.conn.call(ctx, "browsingContext.getTree", map[string]any{"maxDepth": 0}, &tree); err != nil {
		return nil, err
	}
	var tab struct {
		Context string `json:"context"`
	}
	if err := b.conn.call(ctx, "browsingContext.create", map[string]any{"type": "tab"}, &tab); err != nil {
		return nil, err
	}
	b.context = tab.Context
	for _, c := range tree.Contexts {
		if err := b.conn.call(ctx, "browsingContext.close", map[string]any{"context": c.Context}, nil); err != nil {
			return nil, err
		}
	}
	w, h := opts.size()
	if err := b.conn.call(ctx, "browsingContext.setViewport", map[string]any{
		"context": b.context, "viewport": map[string]any{"width": w, "height": h},
	}, nil); err != nil {
		return nil, err
	}
	if err := b.conn.call(ctx, "session.subscribe", map[string]any{"events": []string{"log.entryAdded"}}, nil); err != nil {
		return nil, err
	}
	return b, nil
}

// waitListening reads the BiDi address Firefox prints when it is ready.
func (b *firefox) waitListening(ctx context.Context, limit time.Duration) (string, error) {
	deadline := time.After(limit)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if m := bidiListeningRe.FindStringSubmatch(b.proc.output()); m != nil {
			return m[1], nil
		}
		select {
		case <-b.proc.done:
			return "", fmt.Errorf("firefox exited (%v): %s", b.proc.err, b.proc.output())
		case <-ctx.Done():
			return "", ctx.Err()
		case <-deadline:
			return "", fmt.Errorf("firefox did not open WebDriver BiDi within %v: %s", limit, b.proc.output())
		case <-tick.C:
		}
	}
}

// onEvent records console errors and uncaught exceptions (log.entryAdded).
func (b *firefox) onEvent(method string, params json.RawMessage) {
	if method != "log.entryAdded" {
		return
	}
	var e struct {
		Type  string `json:"type"` // "console" or "javascript"
		Level string `json:"level"`
		Text  string `json:"text"`
	}
	if json.Unmarshal(params, &e) != nil || e.Level != "error" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	kind := "console.error"
	if e.Type == "javascript" {
		kind = "exception"
	}
	b.problems = append(b.problems, kind+": "+e.Text)
}

func (b *firefox) Engine() string  { return "firefox" }
func (b *firefox) Version() string { return b.version }

func (b *firefox) Navigate(ctx context.Context, url string) error {
	return b.conn.call(ctx, "browsingContext.navigate", map[string]any{
		"context": b.context, "url": url, "wait": "complete",
	}, nil)
}

func (b *firefox) Eval(ctx context.Context, js string, out any) error {
	var res bidiEvaluateResult
	if err := b.conn.call(ctx, "script.evaluate", map[string]any{
		"expression":      wrapJS(js),
		"target":          map[string]any{"context": b.context},
		"awaitPromise":    true,
		"resultOwnership": "none",
		"userActivation":  false,
	}, &res); err != nil {
		return fmt.Errorf("evaluating %.80q: %w", js, err)
	}
	text, err := res.str()
	if err != nil {
		return fmt.Errorf("evaluating %.80q: %w", js, err)
	}
	return decode(text, out)
}

func (b *firefox) perform(ctx context.Context, actions []any) error {
	if err := b.conn.call(ctx, "input.performActions", map[string]any{"context": b.context, "actions": actions}, nil); err != nil {
		return err
	}
	return b.conn.call(ctx, "input.releaseActions", map[string]any{"context": b.context}, nil)
}

func (b *firefox) Click(ctx context.Context, x, y float64) error {
	return b.perform(ctx, clickActions(x, y))
}

func (b *firefox) Press(ctx context.Context, key string) error {
	a, err := keyActions(key)
	if err != nil {
		return err
	}
	return b.perform(ctx, a)
}

func (b *firefox) Back(ctx context.Context) error    { return b.traverse(ctx, -1) }
func (b *firefox) Forward(ctx context.Context) error { return b.traverse(ctx, +1) }

func (b *firefox) traverse(ctx context.Context, delta int) error {
	return b.conn.call(ctx, "browsingContext.traverseHistory", map[string]any{"context": b.context, "delta": delta}, nil)
}

func (b *firefox) URL(ctx context.Context) (string, error) {
	var tree struct {
		Contexts []struct {
			URL string `json:"url"`
		} `json:"contexts"`
	}
	if err := b.conn.call(ctx, "browsingContext.getTree", map[string]any{"root": b.context, "maxDepth": 0}, &tree); err != nil {
		return "", err
	}
	if len(tree.Contexts) == 0 {
		return "", fmt.Errorf("firefox: browsing context %s is gone", b.context)
	}
	return tree.Contexts[0].URL, nil
}

func (b *firefox) Screenshot(ctx context.Context) ([]byte, error) {
	var res struct {
		Data string `json:"data"`
	}
	if err := b.conn.call(ctx, "browsingContext.captureScreenshot", map[string]any{"context": b.context}, &res); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(res.Data)
}

func (b *firefox) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

func (b *firefox) Close() error {
	if b.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		// The browser closes; the connection drops with it.
		b.conn.call(ctx, "browser.close", nil, nil)
		cancel()
		b.conn.close()
	}
	b.proc.stop(5 * time.Second)
	if b.profile != "" {
		return os.RemoveAll(b.profile)
	}
	return nil
}
