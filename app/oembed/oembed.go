// Package oembed is the site's oEmbed provider (https://oembed.com): the
// "rich" response whose html embeds a page of the map in an article. The
// static generator (cmd/static) writes one response per page, linked
// from the page's head for discovery, which any static host can serve;
// the site's server (app/server) also answers them live, within the
// maxwidth and maxheight a consumer asks for, at the standard endpoint
// (Endpoint) and at the static files' own addresses.
//
// The package has no go-app import: the server uses it.
package oembed

import (
	"fmt"
	"html"
	"strings"
)

// Endpoint is the path of the live oEmbed endpoint, answered by
// app/server: /oembed?url=PAGE&maxwidth=W&maxheight=H&format=json.
const Endpoint = "/oembed"

// The size of the frame when the consumer sets no limit: the width of an
// article's column; the frame then takes the width of its column and
// sizes its own height (WordPress clamps it to 1000 px).
const (
	DefaultWidth  = 600
	DefaultHeight = 720
)

// Response is an oEmbed 1.0 "rich" response.
type Response struct {
	Type            string `json:"type"`
	Version         string `json:"version"`
	Title           string `json:"title"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	CacheAge        int    `json:"cache_age"`
	ThumbnailURL    string `json:"thumbnail_url,omitempty"`
	ThumbnailWidth  int    `json:"thumbnail_width,omitempty"`
	ThumbnailHeight int    `json:"thumbnail_height,omitempty"`
}

// File is where the static response of a page lives in the built site:
// /city/suzhou → oembed/city/suzhou.json, / → oembed/index.json,
// /en/ → oembed/en/index.json.
func File(pagePath string) string {
	if strings.HasSuffix(pagePath, "/") {
		pagePath += "index"
	}
	return "oembed" + pagePath + ".json"
}

// PagePath is the page whose static response is file, the inverse of
// File; ok is false for a name File does not make.
func PagePath(file string) (pagePath string, ok bool) {
	p, ok := strings.CutPrefix(file, "oembed/")
	if !ok {
		return "", false
	}
	p, ok = strings.CutSuffix(p, ".json")
	if !ok || p == "" {
		return "", false
	}
	p = "/" + p
	if strings.HasSuffix(p, "/index") {
		p = strings.TrimSuffix(p, "index")
	}
	return p, true
}

// Fit is the frame's size within a consumer's limits (0 or less: none):
// the default size, made smaller where a limit asks for less.
func Fit(maxWidth, maxHeight int) (width, height int) {
	width, height = DefaultWidth, DefaultHeight
	if maxWidth > 0 && maxWidth < width {
		width = maxWidth
	}
	if maxHeight > 0 && maxHeight < height {
		height = maxHeight
	}
	return width, height
}

// HTML is the markup of a response: an iframe of the page's embed route
// (embedURL), preceded by the blockquote WordPress looks for (class
// wp-embedded-content: its embed script then sizes the frame, and
// readers of a sanitised copy still get a link to pageURL). WordPress
// adds the sandbox and a secret itself; the markup asks for the same
// sandbox everywhere.
func HTML(pageURL, embedURL, title string, width, height int) string {
	return fmt.Sprintf(`<blockquote class="wp-embedded-content"><a href="%s">%s</a></blockquote>`+
		`<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="%s" title="%s" width="%d" height="%d" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`,
		attr(pageURL), attr(title), attr(embedURL), attr(title), width, height)
}

// attr escapes s for HTML text or a double-quoted attribute.
func attr(s string) string { return html.EscapeString(s) }
