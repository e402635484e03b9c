package oembed

import (
	"strings"
	"testing"
)

func TestFileAndPagePath(t *testing.T) {
	tests := []struct{ page, file string }{
		{"/", "oembed/index.json"},
		{"/city/suzhou", "oembed/city/suzhou.json"},
		{"/en/", "oembed/en/index.json"},
		{"/en/city/xuzhou", "oembed/en/city/xuzhou.json"},
		{"/compare", "oembed/compare.json"},
	}
	for _, tc := range tests {
		if got := File(tc.page); got != tc.file {
			t.Errorf("File(%q) = %q, want %q", tc.page, got, tc.file)
		}
		if got, ok := PagePath(tc.file); !ok || got != tc.page {
			t.Errorf("PagePath(%q) = %q, %v; want %q, true", tc.file, got, ok, tc.page)
		}
	}
	for _, bad := range []string{"", "oembed/", "oembed/.json", "city/suzhou.json", "oembed/city/suzhou.html"} {
		if got, ok := PagePath(bad); ok {
			t.Errorf("PagePath(%q) = %q, true; want false", bad, got)
		}
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		maxW, maxH int
		w, h       int
	}{
		{0, 0, DefaultWidth, DefaultHeight},
		{-5, -1, DefaultWidth, DefaultHeight},
		{1000, 2000, DefaultWidth, DefaultHeight},
		{600, 900, 600, 720},
		{390, 0, 390, 720},
		{300, 450, 300, 450},
		{1, 1, 1, 1},
	}
	for _, tc := range tests {
		w, h := Fit(tc.maxW, tc.maxH)
		if w != tc.w || h != tc.h {
			t.Errorf("Fit(%d, %d) = %d×%d, want %d×%d", tc.maxW, tc.maxH, w, h, tc.w, tc.h)
		}
	}
}

func TestHTML(t *testing.T) {
	got := HTML("https://x.test/city/suzhou?a=1&b=2", "https://x.test/embed/city/suzhou", `Su "zhou" <map>`, 390, 600)
	for _, want := range []string{
		`<blockquote class="wp-embedded-content"><a href="https://x.test/city/suzhou?a=1&amp;b=2">Su &#34;zhou&#34; &lt;map&gt;</a></blockquote>`,
		`<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="https://x.test/embed/city/suzhou"`,
		`title="Su &#34;zhou&#34; &lt;map&gt;" width="390" height="600"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %s:\n%s", want, got)
		}
	}
}
