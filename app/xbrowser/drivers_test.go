package xbrowser

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// driverPage is a small page that records the input events it receives.
const driverPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>driver</title>
<style>body { margin: 0 } #b { position: absolute; left: 100px; top: 50px; width: 200px; height: 80px }
#i { position: absolute; left: 100px; top: 200px }</style></head>
<body><button id="b">button</button><input id="i"><a id="l" href="/two">two</a>
<script>
window.events = [];
for (const type of ['pointerdown', 'mousedown', 'click', 'keydown']) {
	addEventListener(type, e => events.push({type: e.type, trusted: e.isTrusted,
		x: e.clientX, y: e.clientY, key: e.key || '', target: e.target.id || ''}), true);
}
</script></body></html>`

// event is one entry of driverPage's window.events.
type event struct {
	Type    string
	Trusted bool
	X, Y    float64
	Key     string
	Target  string
}

// TestDrivers checks each driver against driverPage, independently of the
// app: evaluation, real pointer and key input, history, URL, the error
// log and screenshots.
func TestDrivers(t *testing.T) {
	t.Parallel()
	harness.RequireBrowsers(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(driverPage))
	}))
	defer srv.Close()

	for _, engine := range harness.Engines {
		t.Run(engine, func(t *testing.T) {
			b := startFor(t, engine, Options{})
			if b.Engine() != engine {
				t.Errorf("Engine() = %q, want %q", b.Engine(), engine)
			}
			if b.Version() == "" {
				t.Error("no version")
			}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			if err := b.Navigate(ctx, srv.URL+"/"); err != nil {
				t.Fatal(err)
			}
			b.Eval(ctx, "events.length = 0", nil)
			if er, ok := b.(ErrorReporter); ok {
				er.Errors()
			}
			t.Run("eval", func(t *testing.T) { testEval(ctx, t, b) })
			t.Run("click", func(t *testing.T) { testClick(ctx, t, b) })
			t.Run("press", func(t *testing.T) { testPress(ctx, t, b) })
			t.Run("history", func(t *testing.T) { testHistory(ctx, t, b, srv.URL) })
			if er, ok := b.(ErrorReporter); ok {
				t.Run("errors", func(t *testing.T) { testErrors(ctx, t, b, er) })
			} else {
				t.Logf("%s: the driver cannot see the console", engine)
			}
			t.Run("screenshot", func(t *testing.T) { testScreenshot(ctx, t, b) })
		})
	}
}

func testEval(ctx context.Context, t *testing.T, b Browser) {
	tests := []struct {
		js, want string
	}{
		{`1 + 2`, `3`},
		{`'江苏' + "\"q\""`, `"江苏\"q\""`},
		{`({A: [1, true, null]})`, `{"A":[1,true,null]}`},
		{`undefined`, `null`},
		{`new Promise(r => setTimeout(() => r('late'), 50))`, `"late"`},
		{`[innerWidth, innerHeight]`, `[1280,900]`},
	}
	for _, tc := range tests {
		var got any
		if err := b.Eval(ctx, tc.js, &got); err != nil {
			t.Errorf("Eval(%s): %v", tc.js, err)
			continue
		}
		var want any
		decode(tc.want, &want)
		if g, w := jsonText(got), jsonText(want); g != w {
			t.Errorf("Eval(%s) = %s, want %s", tc.js, g, w)
		}
	}
	for _, js := range []string{`nosuchname`, `Promise.reject(new Error('no'))`, `(`} {
		if err := b.Eval(ctx, js, nil); err == nil {
			t.Errorf("Eval(%s): no error", js)
		}
	}
}

// events returns driverPage's recorded events of the given types.
func events(ctx context.Context, t *testing.T, b Browser, types ...string) []event {
	t.Helper()
	var all []event
	if err := b.Eval(ctx, `events.splice(0)`, &all); err != nil {
		t.Fatal(err)
	}
	var out []event
	for _, e := range all {
		for _, ty := range types {
			if e.Type == ty {
				out = append(out, e)
			}
		}
	}
	return out
}

func testClick(ctx context.Context, t *testing.T, b Browser) {
	if err := ClickElement(ctx, b, "#b"); err != nil {
		t.Fatal(err)
	}
	if err := WaitFor(ctx, b, `events.some(e => e.type === 'click')`); err != nil {
		t.Fatal(err)
	}
	got := events(ctx, t, b, "pointerdown", "mousedown", "click")
	var types []string
	for _, e := range got {
		types = append(types, e.Type)
		if !e.Trusted || e.Target != "b" || e.X < 199 || e.X > 201 || e.Y < 89 || e.Y > 91 {
			t.Errorf("%s event %+v, want a trusted one on #b at (200, 90)", e.Type, e)
		}
	}
	if strings.Join(types, " ") != "pointerdown mousedown click" {
		t.Errorf("events %v, want pointerdown mousedown click", types)
	}
}

func testPress(ctx context.Context, t *testing.T, b Browser) {
	if err := b.Eval(ctx, `document.getElementById('i').focus()`, nil); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "Enter", "Escape"} {
		if err := b.Press(ctx, k); err != nil {
			t.Fatalf("Press(%q): %v", k, err)
		}
	}
	if err := WaitFor(ctx, b, `events.filter(e => e.type === 'keydown').length >= 3`); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range events(ctx, t, b, "keydown") {
		keys = append(keys, e.Key)
		if !e.Trusted || e.Target != "i" {
			t.Errorf("keydown %+v, want a trusted one on #i", e)
		}
	}
	if strings.Join(keys, " ") != "a Enter Escape" {
		t.Errorf("keys %v, want a Enter Escape", keys)
	}
	var v string
	if err := b.Eval(ctx, `document.getElementById('i').value`, &v); err != nil || v != "a" {
		t.Errorf("input value %q (%v), want a", v, err)
	}
	if err := b.Press(ctx, "NoSuchKey"); err == nil {
		t.Error("Press(NoSuchKey): no error")
	}
}

func testHistory(ctx context.Context, t *testing.T, b Browser, base string) {
	if err := b.Navigate(ctx, base+"/two"); err != nil {
		t.Fatal(err)
	}
	if u, err := b.URL(ctx); err != nil || u != base+"/two" {
		t.Errorf("URL() = %q, %v; want %s/two", u, err, base)
	}
	moves := []struct {
		name string
		move func(context.Context) error
		want string
	}{{"Back", b.Back, "/"}, {"Forward", b.Forward, "/two"}}
	for _, m := range moves {
		if err := m.move(ctx); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if err := WaitFor(ctx, b, `location.pathname === '`+m.want+`' && document.readyState === 'complete'`); err != nil {
			t.Fatalf("after %s: %v", m.name, err)
		}
		if u, err := b.URL(ctx); err != nil || u != base+m.want {
			t.Errorf("after %s, URL() = %q, %v; want %s%s", m.name, u, err, base, m.want)
		}
	}
}

func testErrors(ctx context.Context, t *testing.T, b Browser, er ErrorReporter) {
	if err := b.Eval(ctx, `(console.error('oops-console'), setTimeout(() => { throw new Error('oops-thrown') }), 0)`, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		got = append(got, er.Errors()...)
		all := strings.Join(got, "\n")
		if strings.Contains(all, "oops-console") && strings.Contains(all, "oops-thrown") {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("errors reported: %q, want oops-console and oops-thrown", got)
}

func testScreenshot(ctx context.Context, t *testing.T, b Browser) {
	s, ok := b.(Screenshotter)
	if !ok {
		t.Fatalf("%s: no screenshots", b.Engine())
	}
	png, err := s.Screenshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("screenshot is not a PNG (%d bytes)", len(png))
	}
}

// jsonText is v as compact JSON, for comparing decoded values.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
