package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/oembed"
)

// oembedURL is the endpoint's address for a page URL and extra parameters.
func oembedURL(page string, params ...string) string {
	q := url.Values{"url": {page}}
	for i := 0; i+1 < len(params); i += 2 {
		q.Add(params[i], params[i+1])
	}
	return oembed.Endpoint + "?" + q.Encode()
}

func decodeOEmbed(t *testing.T, res response) oembed.Response {
	t.Helper()
	var o oembed.Response
	if err := json.Unmarshal([]byte(res.body), &o); err != nil {
		t.Fatalf("body is not an oEmbed response: %v\n%s", err, res.body)
	}
	return o
}

func TestOEmbedEndpoint(t *testing.T) {
	h := newTestHandler(t)
	const suzhou = "https://news.example.com/city/suzhou"
	tests := []struct {
		name          string
		target        string
		width, height int
		src           string // the iframe's src
		title         string
	}{
		{"no limits", oembedURL(suzhou), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"WordPress's 600", oembedURL(suzhou, "maxwidth", "600", "maxheight", "900", "format", "json", "dnt", "1"), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"a phone's column", oembedURL(suzhou, "maxwidth", "390"), 390, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"both limits small", oembedURL(suzhou, "maxwidth", "300", "maxheight", "400"), 300, 400, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"limits larger than needed", oembedURL(suzhou, "maxwidth", "2000", "maxheight", "2000"), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"malformed limits ignored", oembedURL(suzhou, "maxwidth", "wide", "maxheight", "-3"), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"format in capitals", oembedURL(suzhou, "format", "JSON"), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"trailing slash, explicit port", oembedURL("https://NEWS.example.com:443/city/suzhou/"), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"an embed URL", oembedURL("https://news.example.com/embed/city/suzhou"), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"options follow the page", oembedURL(suzhou + "?dark=TRUE&theme=green&childId=x"), 600, 720, "https://news.example.com/embed/city/suzhou?theme=green&amp;dark=true", "苏州 · 江苏地图"},
		{"the overview", oembedURL("https://news.example.com/"), 600, 720, "https://news.example.com/embed/", "江苏地图"},
		{"the overview without a slash", oembedURL("https://news.example.com"), 600, 720, "https://news.example.com/embed/", "江苏地图"},
		{"the static file's address with a query", "/oembed/city/suzhou.json?maxwidth=320&maxheight=480&url=x&format=json", 320, 480, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
		{"the static file's address, options from the url", "/oembed/city/suzhou.json?" + url.Values{"url": {"https://news.example.com/city/suzhou?static=1"}}.Encode(), 600, 720, "https://news.example.com/embed/city/suzhou?static=1", "苏州 · 江苏地图"},
		{"the static file's address, the url of another page", "/oembed/city/suzhou.json?" + url.Values{"url": {"https://news.example.com/?static=1"}}.Encode(), 600, 720, "https://news.example.com/embed/city/suzhou", "苏州 · 江苏地图"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := do(t, h, http.MethodGet, tc.target)
			if res.status != http.StatusOK {
				t.Fatalf("status %d, want 200: %s", res.status, res.body)
			}
			for name, want := range map[string]string{
				"Content-Type":            "application/json",
				"Cache-Control":           "no-cache",
				"Content-Security-Policy": contentSecurityPolicy(defaultFrameAncestors),
				"X-Content-Type-Options":  "nosniff",
			} {
				if got := res.header.Get(name); got != want {
					t.Errorf("%s: got %q, want %q", name, got, want)
				}
			}
			if res.header.Get("Etag") == "" || res.header.Get("Last-Modified") == "" {
				t.Errorf("no validators: ETag %q, Last-Modified %q", res.header.Get("Etag"), res.header.Get("Last-Modified"))
			}
			o := decodeOEmbed(t, res)
			if o.Width != tc.width || o.Height != tc.height {
				t.Errorf("size %d×%d, want %d×%d", o.Width, o.Height, tc.width, tc.height)
			}
			if o.Type != "rich" || o.Version != "1.0" || o.Title != tc.title {
				t.Errorf("type %q version %q title %q, want rich 1.0 %q", o.Type, o.Version, o.Title, tc.title)
			}
			for _, want := range []string{
				`<blockquote class="wp-embedded-content">`,
				`src="` + tc.src + `"`,
				`width="` + itoa(tc.width) + `" height="` + itoa(tc.height) + `"`,
				`sandbox="allow-scripts"`,
			} {
				if !strings.Contains(o.HTML, want) {
					t.Errorf("html lacks %s:\n%s", want, o.HTML)
				}
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestOEmbedEndpointRefuses(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name   string
		method string
		target string
		status int
	}{
		{"another host", http.MethodGet, oembedURL("https://evil.example.com/city/suzhou"), http.StatusNotFound},
		{"a host ending like ours", http.MethodGet, oembedURL("https://news.example.com.evil.test/city/suzhou"), http.StatusNotFound},
		{"another scheme", http.MethodGet, oembedURL("http://news.example.com/city/suzhou"), http.StatusNotFound},
		{"another port", http.MethodGet, oembedURL("https://news.example.com:8443/city/suzhou"), http.StatusNotFound},
		{"credentials", http.MethodGet, oembedURL("https://a:b@news.example.com/city/suzhou"), http.StatusNotFound},
		{"a relative URL", http.MethodGet, oembedURL("/city/suzhou"), http.StatusNotFound},
		{"an unknown city", http.MethodGet, oembedURL("https://news.example.com/city/atlantis"), http.StatusNotFound},
		{"no page", http.MethodGet, oembedURL("https://news.example.com/web/app.css"), http.StatusNotFound},
		{"a page without a response", http.MethodGet, oembedURL("https://news.example.com/city/nanjing"), http.StatusNotFound},
		{"dot-dot", http.MethodGet, oembedURL("https://news.example.com/en/../city/suzhou"), http.StatusNotFound},
		{"no url", http.MethodGet, oembed.Endpoint + "?maxwidth=300", http.StatusBadRequest},
		{"xml", http.MethodGet, oembedURL("https://news.example.com/city/suzhou", "format", "xml"), http.StatusNotImplemented},
		{"xml for another site", http.MethodGet, oembedURL("https://evil.example.com/", "format", "xml"), http.StatusNotImplemented},
		{"xml at the static address", http.MethodGet, "/oembed/city/suzhou.json?format=xml", http.StatusNotImplemented},
		{"POST", http.MethodPost, oembedURL("https://news.example.com/city/suzhou"), http.StatusMethodNotAllowed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := do(t, h, tc.method, tc.target)
			if res.status != tc.status {
				t.Errorf("status %d, want %d: %s", res.status, tc.status, res.body)
			}
			if got, want := res.header.Get("Content-Security-Policy"), contentSecurityPolicy(defaultFrameAncestors); got != want {
				t.Errorf("Content-Security-Policy %q, want %q", got, want)
			}
		})
	}
}

func TestOEmbedEndpointValidators(t *testing.T) {
	h := newTestHandler(t)
	target := oembedURL("https://news.example.com/city/suzhou", "maxwidth", "390")
	first := do(t, h, http.MethodGet, target)
	etag := first.header.Get("Etag")
	if again := do(t, h, http.MethodGet, target); again.header.Get("Etag") != etag || again.body != first.body {
		t.Errorf("the same request got another answer: ETag %q then %q", etag, again.header.Get("Etag"))
	}
	if other := do(t, h, http.MethodGet, oembedURL("https://news.example.com/city/suzhou", "maxwidth", "400")); other.header.Get("Etag") == etag {
		t.Errorf("another size has the same ETag %s", etag)
	}
	if res := do(t, h, http.MethodGet, target, "If-None-Match", etag); res.status != http.StatusNotModified || res.body != "" {
		t.Errorf("If-None-Match: status %d with %d bytes, want 304 and none", res.status, len(res.body))
	}
	head := do(t, h, http.MethodHead, target)
	if head.status != http.StatusOK || head.body != "" || head.header.Get("Content-Length") != itoa(len(first.body)) {
		t.Errorf("HEAD: status %d, %d bytes, Content-Length %q; want 200, none, %d", head.status, len(head.body), head.header.Get("Content-Length"), len(first.body))
	}
}

// TestOEmbedStaticFiles: without a query the static responses are the
// files as built, and the pages they describe name the live endpoint in
// a Link header.
func TestOEmbedStaticFiles(t *testing.T) {
	h := newTestHandler(t)
	if res := do(t, h, http.MethodGet, "/oembed/city/suzhou.json"); res.status != http.StatusOK || res.body != oembedSuzhou {
		t.Errorf("the static response: status %d, body %q; want 200 and the file", res.status, res.body)
	}
	want := `<https://news.example.com/oembed?url=https%3A%2F%2Fnews.example.com%2Fcity%2Fsuzhou&format=json>; rel="alternate"; type="application/json+oembed"`
	for _, target := range []string{"/city/suzhou", "/city/suzhou/"} {
		if got := do(t, h, http.MethodGet, target).header.Get("Link"); got != want {
			t.Errorf("%s: Link %q, want %q", target, got, want)
		}
	}
	if got := do(t, h, http.MethodGet, "/").header.Get("Link"); !strings.Contains(got, "url=https%3A%2F%2Fnews.example.com%2F&") {
		t.Errorf("/: Link %q, want the overview's", got)
	}
	for _, target := range []string{"/city/nanjing", "/style.css", "/oembed/city/suzhou.json"} {
		if got := do(t, h, http.MethodGet, target).header.Get("Link"); got != "" {
			t.Errorf("%s: Link %q, want none", target, got)
		}
	}
}

// TestOEmbedWithoutOrigin: a site built without an origin answers with the
// origin the request came to, and links no endpoint in a header.
func TestOEmbedWithoutOrigin(t *testing.T) {
	dir := newFixture(t)
	writeFile(t, filepath.Join(dir, "oembed", "city", "suzhou.json"), oembedJSON("苏州", "/", "/embed/city/suzhou", "/web/share/suzhou.png"))
	writeFile(t, filepath.Join(dir, "oembed", "index.json"), oembedJSON("江苏", "/", "/embed/", ""))
	h := mustHandler(t, dir)
	res := do(t, h, http.MethodGet, oembedURL("http://example.com/city/suzhou", "maxwidth", "390"))
	if res.status != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", res.status, res.body)
	}
	o := decodeOEmbed(t, res)
	if !strings.Contains(o.HTML, `src="http://example.com/embed/city/suzhou"`) || o.ThumbnailURL != "http://example.com/web/share/suzhou.png" || o.ProviderURL != "http://example.com/" {
		t.Errorf("not made absolute with the request's origin: html %s, thumbnail %q, provider %q", o.HTML, o.ThumbnailURL, o.ProviderURL)
	}
	if res := do(t, h, http.MethodGet, oembedURL("http://elsewhere.example.com/city/suzhou")); res.status != http.StatusNotFound {
		t.Errorf("another host: status %d, want 404", res.status)
	}
	if got := do(t, h, http.MethodGet, "/city/suzhou").header.Get("Link"); got != "" {
		t.Errorf("Link %q, want none", got)
	}
}

func TestPageOf(t *testing.T) {
	const site = "https://news.example.com/maps/jiangsu"
	tests := []struct {
		url  string
		ok   bool
		path string // the page's canonical path and query
	}{
		{"https://news.example.com/maps/jiangsu/city/suzhou", true, "/city/suzhou"},
		{"https://news.example.com/maps/jiangsu/en/city/xuzhou?theme=green", true, "/en/city/xuzhou?theme=green"},
		{"https://news.example.com/maps/jiangsu", true, "/"},
		{"https://news.example.com/maps/jiangsu/", true, "/"},
		{"https://news.example.com/maps/jiangsu/en/embed/", true, "/en/embed/"},
		{"https://news.example.com/maps/jiangsux/city/suzhou", false, ""},
		{"https://news.example.com/city/suzhou", false, ""},
		{"https://news.example.com/maps/jiangsu/city/SUZHOU", false, ""},
		{"ftp://news.example.com/maps/jiangsu/", false, ""},
		{"https://news.example.com:444/maps/jiangsu/", false, ""},
		{"https://[::1/maps/jiangsu/", false, ""},
		{"mailto:x@news.example.com", false, ""},
	}
	for _, tc := range tests {
		s, ok := pageOf(tc.url, site)
		if ok != tc.ok || ok && s.URL() != tc.path {
			t.Errorf("pageOf(%q) = %q, %v; want %q, %v", tc.url, s.URL(), ok, tc.path, tc.ok)
		}
	}
}
