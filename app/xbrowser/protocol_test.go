package xbrowser

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// These tests check the protocol code against fake remote ends, with no
// browser.

func TestInputActions(t *testing.T) {
	got, _ := json.Marshal(clickActions(10.4, 20.6))
	want := `[{"actions":[{"origin":"viewport","type":"pointerMove","x":10,"y":21},{"button":0,"type":"pointerDown"},{"button":0,"type":"pointerUp"}],"id":"mouse","parameters":{"pointerType":"mouse"},"type":"pointer"}]`
	if string(got) != want {
		t.Errorf("clickActions:\n got %s\nwant %s", got, want)
	}
	tests := []struct {
		key, value, err string
	}{
		{key: "Enter", value: "\ue007"},
		{key: "Escape", value: "\ue00c"},
		{key: "Tab", value: "\ue004"},
		{key: "a", value: "a"},
		{key: "江", value: "江"},
		{key: "Enterprise", err: "unknown key"},
	}
	for _, tc := range tests {
		a, err := keyActions(tc.key)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("keyActions(%q): error %v, want %q", tc.key, err, tc.err)
			}
			continue
		}
		b, _ := json.Marshal(a)
		v, _ := json.Marshal(tc.value)
		want := `[{"actions":[{"type":"keyDown","value":` + string(v) + `},{"type":"keyUp","value":` + string(v) + `}],"id":"keyboard","type":"key"}]`
		if err != nil || string(b) != want {
			t.Errorf("keyActions(%q) = %s, %v; want %s", tc.key, b, err, want)
		}
	}
}

func TestEvaluateResult(t *testing.T) {
	tests := []struct {
		name, json, want, err string
	}{
		{"string", `{"type":"success","result":{"type":"string","value":"[1,2]"}}`, "[1,2]", ""},
		{"exception", `{"type":"exception","exceptionDetails":{"text":"ReferenceError: x is not defined"}}`, "", "ReferenceError"},
		{"not a string", `{"type":"success","result":{"type":"number","value":3}}`, "", "returned a number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r bidiEvaluateResult
			if err := json.Unmarshal([]byte(tc.json), &r); err != nil {
				t.Fatal(err)
			}
			got, err := r.str()
			if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
				t.Errorf("str() = %q, %v; want %q, error %q", got, err, tc.want, tc.err)
			}
		})
	}
}

// fakeWebDriver is a WebDriver remote end that answers from a table and
// records what it was sent.
type fakeWebDriver struct {
	mu       sync.Mutex
	requests []string // "METHOD path body"
	notReady int      // /status answers not ready this many times
	statuses int      // /status requests so far
	// onStatus, when set, is called with the count of /status requests
	// on each one's arrival, before it is answered.
	onStatus func(n int)
}

func (f *fakeWebDriver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.requests = append(f.requests, strings.TrimSpace(r.Method+" "+r.URL.Path+" "+string(body)))
	notReady := f.notReady > 0
	if notReady {
		f.notReady--
	}
	onStatus := f.onStatus
	if r.URL.Path == "/status" {
		f.statuses++
	}
	n := f.statuses
	f.mu.Unlock()
	if onStatus != nil && r.URL.Path == "/status" {
		onStatus(n)
	}
	reply := func(status int, v string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, `{"value":`+v+`}`)
	}
	switch r.Method + " " + r.URL.Path {
	case "GET /status":
		reply(200, `{"ready":`+map[bool]string{true: "false", false: "true"}[notReady]+`,"message":"busy"}`)
	case "POST /session":
		reply(200, `{"sessionId":"s1","capabilities":{"browserName":"fake","browserVersion":"9.9"}}`)
	case "POST /session/s1/execute/sync":
		reply(200, `"{\"ok\":true}"`)
	case "POST /session/s1/url":
		if strings.Contains(string(body), "bad") {
			reply(400, `{"error":"invalid argument","message":"bad url","stacktrace":""}`)
			return
		}
		reply(200, `null`)
	case "GET /session/s1/url":
		reply(200, `"http://x/"`)
	case "POST /session/s1/actions", "DELETE /session/s1/actions", "DELETE /session/s1":
		reply(200, `null`)
	case "GET /session/s1/garbage":
		io.WriteString(w, `<html>`)
	default:
		reply(404, `{"error":"unknown command","message":"`+r.URL.Path+`"}`)
	}
}

func TestWebDriverClient(t *testing.T) {
	fake := &fakeWebDriver{notReady: 2}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := newWDClient(srv.URL + "/")

	if err := c.waitReady(ctx); err != nil {
		t.Fatal(err)
	}
	caps, err := c.newSession(ctx, map[string]any{})
	if err != nil || caps["browserVersion"] != "9.9" || c.session != "s1" {
		t.Fatalf("newSession: %v, %v, session %q", caps, err, c.session)
	}
	if s, err := c.executeString(ctx, "return 1"); err != nil || s != `{"ok":true}` {
		t.Errorf("executeString = %q, %v", s, err)
	}
	if err := c.performActions(ctx, clickActions(1, 2)); err != nil {
		t.Error(err)
	}
	var u string
	if err := c.do(ctx, http.MethodGet, "/url", nil, &u); err != nil || u != "http://x/" {
		t.Errorf("GET /url = %q, %v", u, err)
	}

	errTests := []struct {
		method, path string
		body         any
		code         string
		status       int
	}{
		{http.MethodPost, "/url", map[string]any{"url": "bad"}, "invalid argument", 400},
		{http.MethodGet, "/nowhere", nil, "unknown command", 404},
	}
	for _, tc := range errTests {
		err := c.do(ctx, tc.method, tc.path, tc.body, nil)
		var we *WebDriverError
		if !errors.As(err, &we) || we.Code != tc.code || we.Status != tc.status {
			t.Errorf("%s %s: error %v, want %q (HTTP %d)", tc.method, tc.path, err, tc.code, tc.status)
		}
	}
	if err := c.do(ctx, http.MethodGet, "/garbage", nil, nil); err == nil || !strings.Contains(err.Error(), "not JSON") {
		t.Errorf("non-JSON answer: error %v", err)
	}
	if err := c.deleteSession(ctx); err != nil || c.session != "" {
		t.Errorf("deleteSession: %v, session %q", err, c.session)
	}

	fake.mu.Lock()
	defer fake.mu.Unlock()
	want := []string{
		"GET /status", "GET /status", "GET /status",
		`POST /session {"capabilities":{"alwaysMatch":{}}}`,
		`POST /session/s1/execute/sync {"args":[],"script":"return 1"}`,
		`POST /session/s1/actions {"actions":[{"actions":[{"origin":"viewport","type":"pointerMove","x":1,"y":2},{"button":0,"type":"pointerDown"},{"button":0,"type":"pointerUp"}],"id":"mouse","parameters":{"pointerType":"mouse"},"type":"pointer"}]}`,
		"DELETE /session/s1/actions",
		"GET /session/s1/url",
		`POST /session/s1/url {"url":"bad"}`,
		"GET /session/s1/nowhere",
		"GET /session/s1/garbage",
		"DELETE /session/s1",
	}
	if !reflect.DeepEqual(fake.requests, want) {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(fake.requests, "\n"), strings.Join(want, "\n"))
	}
}

func TestWebDriverWaitReadyTimesOut(t *testing.T) {
	// Waiting ends while the second /status request is in flight: the
	// error must carry the server's last answer ("busy"), not only the
	// end of waiting, whatever the machine's speed.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := httptest.NewServer(&fakeWebDriver{notReady: 1 << 30, onStatus: func(n int) {
		if n == 2 {
			cancel()
		}
	}})
	defer srv.Close()
	err := newWDClient(srv.URL).waitReady(ctx)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "busy") {
		t.Errorf("error %v, want the end of waiting and the server's message", err)
	}
}

// fakeBiDi is a WebDriver BiDi remote end. Each command's method says how
// to answer:
//
//	echo    the params as the result
//	fail    an error
//	event   an event first, then an empty result
//	hold    nothing until a "release" command, then answer after it
//	close   close the connection
//	never   nothing
func fakeBiDi(t *testing.T) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			t.Error(err)
			return
		}
		defer ws.CloseNow()
		ws.SetReadLimit(-1)
		ctx := r.Context()
		send := func(v any) {
			b, _ := json.Marshal(v)
			ws.Write(ctx, websocket.MessageText, b)
		}
		var held []int64
		for {
			_, b, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var m struct {
				ID     int64           `json:"id"`
				Method string          `json:"method"`
				Params json.RawMessage `json:"params"`
			}
			json.Unmarshal(b, &m)
			switch m.Method {
			case "echo":
				send(map[string]any{"type": "success", "id": m.ID, "result": m.Params})
			case "fail":
				send(map[string]any{"type": "error", "id": m.ID, "error": "no such frame", "message": "gone"})
			case "event":
				send(map[string]any{"type": "event", "method": "log.entryAdded", "params": map[string]any{"level": "error", "text": "boom"}})
				send(map[string]any{"type": "success", "id": m.ID, "result": map[string]any{}})
			case "hold":
				held = append(held, m.ID)
			case "release":
				send(map[string]any{"type": "success", "id": m.ID, "result": map[string]any{"released": len(held)}})
				for _, id := range held {
					send(map[string]any{"type": "success", "id": id, "result": map[string]any{"held": true}})
				}
				held = nil
			case "close":
				ws.Close(websocket.StatusNormalClosure, "bye")
				return
			}
		}
	}))
}

func TestBiDiConn(t *testing.T) {
	srv := fakeBiDi(t)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var (
		mu     sync.Mutex
		events []string
	)
	c, err := dialBiDi(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/session", func(method string, params json.RawMessage) {
		mu.Lock()
		events = append(events, method+" "+string(params))
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()

	t.Run("result", func(t *testing.T) {
		var out struct{ A []int }
		if err := c.call(ctx, "echo", map[string]any{"A": []int{1, 2}}, &out); err != nil || !reflect.DeepEqual(out.A, []int{1, 2}) {
			t.Errorf("echo = %+v, %v", out, err)
		}
	})
	t.Run("large result", func(t *testing.T) {
		big := strings.Repeat("江", 100_000) // 300 KB, past websocket's default limit
		var out struct{ S string }
		if err := c.call(ctx, "echo", map[string]any{"S": big}, &out); err != nil || out.S != big {
			t.Errorf("echo of %d bytes: got %d bytes, %v", len(big), len(out.S), err)
		}
	})
	t.Run("error", func(t *testing.T) {
		err := c.call(ctx, "fail", nil, nil)
		var be *BiDiError
		if !errors.As(err, &be) || be.Code != "no such frame" || be.Method != "fail" {
			t.Errorf("error %v, want a BiDiError no such frame", err)
		}
	})
	t.Run("event", func(t *testing.T) {
		if err := c.call(ctx, "event", nil, nil); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(events) != 1 || !strings.HasPrefix(events[0], "log.entryAdded ") || !strings.Contains(events[0], "boom") {
			t.Errorf("events %q", events)
		}
	})
	t.Run("answers out of order", func(t *testing.T) {
		held := make(chan error, 1)
		go func() {
			var out struct{ Held bool }
			err := c.call(ctx, "hold", nil, &out)
			if err == nil && !out.Held {
				err = errors.New("wrong result for the held command")
			}
			held <- err
		}()
		// Release only once the held command has been sent.
		deadline := time.Now().Add(5 * time.Second)
		for {
			var out struct{ Released int }
			if err := c.call(ctx, "release", nil, &out); err != nil {
				t.Fatal(err)
			}
			if out.Released == 1 || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		if err := <-held; err != nil {
			t.Error(err)
		}
	})
	t.Run("context ends", func(t *testing.T) {
		short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer cancel()
		if err := c.call(short, "never", nil, nil); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want the context's deadline", err)
		}
	})
	t.Run("connection closes", func(t *testing.T) {
		if err := c.call(ctx, "close", nil, nil); !errors.Is(err, errBiDiClosed) {
			t.Errorf("error %v, want errBiDiClosed", err)
		}
		if err := c.call(ctx, "echo", nil, nil); !errors.Is(err, errBiDiClosed) {
			t.Errorf("after close: error %v, want errBiDiClosed", err)
		}
	})
}
