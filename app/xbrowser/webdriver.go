package xbrowser

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// This file is a minimal W3C WebDriver (classic, HTTP) client: just the
// endpoints the suite needs. See https://www.w3.org/TR/webdriver2/.

// WebDriverError is an error answered by a WebDriver server.
type WebDriverError struct {
	Status  int    // HTTP status
	Code    string // the error code, e.g. "no such element"
	Message string
}

func (e *WebDriverError) Error() string {
	return fmt.Sprintf("webdriver: %s (HTTP %d): %s", e.Code, e.Status, e.Message)
}

// wdClient talks to one WebDriver server and, after newSession, one of its
// sessions.
type wdClient struct {
	base    string // e.g. http://127.0.0.1:4444, no trailing slash
	session string
	hc      *http.Client
}

func newWDClient(base string) *wdClient {
	return &wdClient{base: strings.TrimSuffix(base, "/"), hc: &http.Client{}}
}

// do sends a command. Once a session exists, path is relative to it
// ("/url" means /session/{id}/url), except for "/status" and paths that
// start with "/session". A nil body sends none (GET, DELETE); out, if not
// nil, receives the answer's "value".
func (c *wdClient) do(ctx context.Context, method, path string, body, out any) error {
	url := c.base + path
	if c.session != "" && !strings.HasPrefix(path, "/session") && path != "/status" {
		url = c.base + "/session/" + c.session + path
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return fmt.Errorf("webdriver %s %s: HTTP %d, not JSON: %.200q", method, path, res.StatusCode, b)
	}
	if res.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		json.Unmarshal(env.Value, &e)
		return &WebDriverError{Status: res.StatusCode, Code: e.Error, Message: e.Message}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(env.Value, out); err != nil {
		return fmt.Errorf("webdriver %s %s: decoding %.200q: %w", method, path, env.Value, err)
	}
	return nil
}

// waitReady polls GET /status until the server reports ready.
func (c *wdClient) waitReady(ctx context.Context) error {
	var last error
	for {
		var st struct {
			Ready   bool   `json:"ready"`
			Message string `json:"message"`
		}
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := c.do(rctx, http.MethodGet, "/status", nil, &st)
		cancel()
		if err == nil && st.Ready {
			return nil
		}
		if ctx.Err() != nil && last != nil {
			// The request was cut short by the end of waiting: the
			// server's previous answer says more.
			return fmt.Errorf("webdriver server at %s: %w (%v)", c.base, ctx.Err(), last)
		}
		if err == nil {
			err = fmt.Errorf("not ready: %s", st.Message)
		}
		last = err
		select {
		case <-ctx.Done():
			return fmt.Errorf("webdriver server at %s: %w (%v)", c.base, ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// newSession opens a session with the given capabilities under
// "alwaysMatch" and returns the capabilities the server chose.
func (c *wdClient) newSession(ctx context.Context, alwaysMatch map[string]any) (map[string]any, error) {
	var res struct {
		SessionID    string         `json:"sessionId"`
		Capabilities map[string]any `json:"capabilities"`
	}
	body := map[string]any{"capabilities": map[string]any{"alwaysMatch": alwaysMatch}}
	if err := c.do(ctx, http.MethodPost, "/session", body, &res); err != nil {
		return nil, err
	}
	if res.SessionID == "" {
		return nil, fmt.Errorf("webdriver: new session returned no id")
	}
	c.session = res.SessionID
	return res.Capabilities, nil
}

// deleteSession ends the session (and so the browser).
func (c *wdClient) deleteSession(ctx context.Context) error {
	if c.session == "" {
		return nil
	}
	err := c.do(ctx, http.MethodDelete, "/session/"+c.session, nil, nil)
	c.session = ""
	return err
}

// executeString runs script (a function body) with no arguments and
// returns its string result; the server awaits a returned promise.
func (c *wdClient) executeString(ctx context.Context, script string) (string, error) {
	var s string
	err := c.do(ctx, http.MethodPost, "/execute/sync", map[string]any{"script": script, "args": []any{}}, &s)
	return s, err
}

// performActions sends input action sequences (the same JSON as WebDriver
// BiDi's input.performActions) and releases them afterwards.
func (c *wdClient) performActions(ctx context.Context, actions []any) error {
	if err := c.do(ctx, http.MethodPost, "/actions", map[string]any{"actions": actions}, nil); err != nil {
		return err
	}
	return c.do(ctx, http.MethodDelete, "/actions", nil, nil)
}

// Input action sequences shared by the WebDriver classic and BiDi drivers.

// clickActions is a mouse press and release at x, y of the viewport.
func clickActions(x, y float64) []any {
	return []any{map[string]any{
		"type": "pointer", "id": "mouse",
		"parameters": map[string]any{"pointerType": "mouse"},
		"actions": []any{
			// Integers: WebDriver classic requires them for pointerMove.
			map[string]any{"type": "pointerMove", "x": int(x + 0.5), "y": int(y + 0.5), "origin": "viewport"},
			map[string]any{"type": "pointerDown", "button": 0},
			map[string]any{"type": "pointerUp", "button": 0},
		},
	}}
}

// webDriverKeys maps KeyboardEvent.key names to WebDriver's key code points.
var webDriverKeys = map[string]string{"Enter": "\ue007", "Escape": "\ue00c", "Tab": "\ue004"}

// keyActions presses and releases key, a KeyboardEvent.key value.
func keyActions(key string) ([]any, error) {
	v, ok := webDriverKeys[key]
	if !ok {
		if len([]rune(key)) != 1 {
			return nil, fmt.Errorf("unknown key %q", key)
		}
		v = key
	}
	return []any{map[string]any{
		"type": "key", "id": "keyboard",
		"actions": []any{
			map[string]any{"type": "keyDown", "value": v},
			map[string]any{"type": "keyUp", "value": v},
		},
	}}, nil
}
