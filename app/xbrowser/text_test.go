package xbrowser

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// The text readers see, on every page of the built site: the same on the
// first paint (the prerendered page), once web/page.js has opened it in
// place, and once the WebAssembly app has rendered it; and typeset without
// stray spaces.

// textFixes is what the failure messages of TestChromiumFirstPaintText
// suggest.
const textFixes = `How to fix:
  - a space the app does not show, around an element inside text ("Yanwu ( 燕舞 )"): go-app's printer puts a newline between an element's children; cmd/static's dropNewlines removes them from the page's body, except inside textarea, pre, script and style. Text must hold no newline of its own (data.Check).
  - other differences: the component renders differently on the server (OnPreRender, goapp.IsServer) than in the browser (OnInit, OnMount); both must draw the same state from the URL (app/page.go).
  - a difference after web/page.js opened the page in place: its morph (web/page.js) must copy the fetched page's #page exactly.
  - a space between two Chinese characters or between a bracket and a Chinese character: markup whitespace, or a space in the content (data/): join words without a space; where the content needs one (two lines of a headline), use the ideographic space U+3000 or a line break.`

// straySpaceRe matches a space (or no-break space) between two CJK
// characters, or between a bracket or quotation mark and a CJK character,
// on either side. The ideographic space U+3000 is CJK typesetting's own and
// is not matched.
var straySpaceRe = regexp.MustCompile(`([\p{Han}\x{3001}-\x{303F}\x{FF01}-\x{FF60}]|[(\[{（【《〈「『“‘])[ \x{00A0}]+[\p{Han}\x{3001}-\x{303F}\x{FF01}-\x{FF60}]|[\p{Han}\x{3001}-\x{303F}\x{FF01}-\x{FF60}][ \x{00A0}]+([)\]}）】》〉」』”’]|[\p{Han}\x{3001}-\x{303F}\x{FF01}-\x{FF60}])`)

// checkSpacing fails t for every stray space (straySpaceRe) in text, the
// visible text of page as shown when.
func checkSpacing(t *testing.T, page, when, text string) {
	t.Helper()
	for _, loc := range straySpaceRe.FindAllStringIndex(text, -1) {
		t.Errorf("%s, %s: a space between CJK characters or a bracket and a CJK character: %q", page, when, around(text, loc[0], loc[1]))
	}
}

// around is text[i:j] with up to 20 characters on either side.
func around(text string, i, j int) string {
	r0, r1 := []rune(text[:i]), []rune(text[j:])
	if len(r0) > 20 {
		r0 = r0[len(r0)-20:]
	}
	if len(r1) > 20 {
		r1 = r1[:20]
	}
	return string(r0) + text[i:j] + string(r1)
}

// textDiff describes where got and want first differ, or "" when equal.
func textDiff(got, want string) string {
	if got == want {
		return ""
	}
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	clip := func(r []rune) string {
		from, to := max(i-30, 0), min(i+30, len(r))
		return string(r[from:to])
	}
	return fmt.Sprintf("at character %d of %d:\n\tgot  %q\n\twant %q", i, len(w), clip(g), clip(w))
}

// pageText is the visible text of the page's #page: what a reader sees
// (innerText follows the layout: hidden parts are left out, blocks are
// separated by line breaks, whitespace is collapsed as rendered). Parts
// whose rendering the browser skips while they are off screen
// (content-visibility: auto, the phone's overview) are rendered first, as
// a reader scrolling there would see them.
const pageText = `(() => {
	const page = document.getElementById('page');
	for (const el of page.querySelectorAll('*')) {
		if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
	}
	return page.innerText;
})()`

// TestChromiumFirstPaintText loads every page of the built site (the HTML
// files of dist/, so new pages are checked as they come) in one Chromium
// and compares the visible text of #page three ways: as prerendered,
// before any script but web/page.js has run; after web/page.js has opened
// the page in place from another page (its early path, before the app);
// and once the WebAssembly app has started and rendered it. All three must
// be identical, and none may hold a space between two CJK characters or
// between a bracket and a CJK character.
func TestChromiumFirstPaintText(t *testing.T) {
	t.Parallel()
	var pages []builtPage
	for _, p := range builtPages(t, harness.RequireSite(t)) {
		if !p.Host { // the sample article shows no page of the app
			pages = append(pages, p)
		}
	}

	// The prerendered pages, and web/page.js opening each in place. The
	// WebAssembly is held back, so the app never takes over (page.js starts
	// it after the first click).
	prerendered := map[string]string{}
	t.Run("prerendered", func(t *testing.T) {
		tb := longTab(t, Options{})
		tb.holdRequests("*/web/app.wasm")
		for _, p := range pages {
			tb.navigate(p.Path)
			text := eval[*string](tb.run, `document.documentElement.hasAttribute('data-app') ? null : `+pageText)
			if text == nil || *text == "" {
				t.Fatalf("%s: no prerendered text (the app started, or #page is empty)", p.Path)
			}
			prerendered[p.Path] = *text
			checkSpacing(t, p.Path, "prerendered", *text)
		}
		// Open every page in turn from the previous one, in place, as a
		// click on its link would. The last page loaded opens the first.
		for _, p := range pages {
			q, _ := json.Marshal(p.Path)
			eval[any](tb.run, `(() => {
				const a = document.createElement('a');
				a.href = `+string(q)+`;
				document.getElementById('page').appendChild(a);
				a.click();
			})(), 0`)
			// From the story page (which page.js does not open in place,
			// its links being plain ones) the click loads a document: wait
			// for it.
			tb.wait(`location.pathname === ` + string(q) + ` && document.readyState === 'complete'`)
			text := eval[*string](tb.run, `document.documentElement.hasAttribute('data-app') ? null : `+pageText)
			if text == nil {
				t.Fatalf("%s: the app started although its WebAssembly is held back", p.Path)
			}
			if d := textDiff(*text, prerendered[p.Path]); d != "" {
				t.Errorf("%s: the text web/page.js shows after opening it in place differs from the prerendered page's, %s\n%s", p.Path, d, textFixes)
			}
		}
	})
	if t.Failed() {
		return
	}

	t.Run("app", func(t *testing.T) {
		// The one part of the page that may appear with the app is the
		// install control, when the browser offers installation (only the
		// app can act on the offer): the browser's offer is kept from the
		// page, so that the control stays as prerendered.
		tb := longTab(t, Options{InitScript: `window.addEventListener('beforeinstallprompt', e => e.stopImmediatePropagation(), true);`})
		for _, p := range pages {
			tb.open(p.Path)
			text := eval[string](tb.run, pageText)
			if d := textDiff(text, prerendered[p.Path]); d != "" {
				t.Errorf("%s: the text the app renders differs from the prerendered page's, %s\n%s", p.Path, d, textFixes)
			}
			checkSpacing(t, p.Path, "rendered by the app", text)
		}
	})
	if t.Failed() {
		t.Log(textFixes)
	}
}

// longTab is newTab, with opts, for a test that visits every page: its
// tab may take five minutes instead of one.
func longTab(t *testing.T, opts Options) *tab {
	t.Helper()
	base := siteURL(t)
	tb := newTabFor(t, base, base, opts)
	ctx, cancel := context.WithTimeout(tb.c.ctx, 5*time.Minute)
	t.Cleanup(cancel)
	tb.ctx, tb.run.ctx = ctx, ctx
	return tb
}

// navigate loads path in the tab and waits for its load event.
func (tb *tab) navigate(path string) {
	tb.t.Helper()
	if err := tb.b.Navigate(tb.ctx, tb.site+path); err != nil {
		tb.t.Fatalf("opening %s: %v", path, err)
	}
}

// The regular expression must catch what the issue saw, and let English
// around a Chinese name alone.
func TestStraySpace(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Yanwu ( 燕舞 )", true},
		{"“2025 年GDP力争破万亿 ”", true},
		{"盐城曾有 燕舞 等企业", true},
		{"《看江苏 》", true},
		{"Yanwu (燕舞) and Senda (森达)", false},
		{"the report 《看江苏万亿之城的“新”动作》 — “Jiangsu", false},
		{"瞄准万亿之城\u3000江苏这三市", false},
		{"苏州\n南京", false},
		{"2025年GDP", false},
	}
	for _, tc := range tests {
		if got := straySpaceRe.MatchString(tc.text); got != tc.want {
			t.Errorf("stray space in %q: %v, want %v", tc.text, got, tc.want)
		}
	}
}
