package components

import (
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

func TestStatic(t *testing.T) {
	tests := []struct {
		name string
		ui   goapp.UI
		want string
	}{
		{
			name: "text is escaped",
			ui:   el("p").Text(`<script>alert(1)</script> & more`),
			want: `<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>`,
		},
		{
			name: "no newline between inline children",
			ui:   el("p").Body(goapp.Text("盐城曾有"), el("span").Lang("zh-Hans").Text("燕舞"), goapp.Text("等企业")),
			want: `<p>盐城曾有<span lang="zh-Hans">燕舞</span>等企业</p>`,
		},
		{
			name: "attributes sorted by name",
			ui:   el("a").Class("city-link").Attr("href", "/city/suzhou").Aria("label", "苏州，万亿之城").Attr("aria-current", "page").Text("苏州"),
			want: `<a aria-current="page" aria-label="苏州，万亿之城" class="city-link" href="/city/suzhou">苏州</a>`,
		},
		{
			name: "quoted values with escapes and bare attributes",
			ui:   el("textarea").Attr("readonly", true).Attr("title", `a\b > c`).Text("x"),
			want: `<textarea readonly title="a\\b > c">x</textarea>`,
		},
		{
			name: "aria attributes set to true keep their value",
			ui:   el("span").Class("swatch").Aria("hidden", "true").Attr("hidden", true),
			want: `<span aria-hidden="true" class="swatch" hidden></span>`,
		},
		{
			name: "nested elements",
			ui:   el("ul").Class("chips").Body(el("li").Body(el("a").Attr("href", "/city/suzhou").Text("苏州")), el("li").Text("b")),
			want: `<ul class="chips"><li><a href="/city/suzhou">苏州</a></li><li>b</li></ul>`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := goapp.HTMLString(static(tc.ui))
			if got != tc.want {
				t.Errorf("static markup = %s, want %s", got, tc.want)
			}
			if strings.Contains(got, "\n") {
				t.Errorf("static markup %q holds a newline", got)
			}
			// go-app writes attributes in map order: the same tree must
			// give the same string every time, or go-app replaces it.
			for i := 0; i < 20; i++ {
				if again := goapp.HTMLString(static(tc.ui)); again != got {
					t.Fatalf("render %d = %s, want the same as the first, %s", i+2, again, got)
				}
			}
		})
	}
}

func TestCanonicalHTMLLeavesOtherMarkupAlone(t *testing.T) {
	for _, m := range []string{"", "text only", "<p>", "</p>", "<br>", "a < b", "<p x=>y", "<p title=\"unterminated"} {
		if got := canonicalHTML(m); got != m {
			t.Errorf("canonicalHTML(%q) = %q, want it unchanged", m, got)
		}
	}
}
