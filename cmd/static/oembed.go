package main

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/jiangsu-map/jsmap/app"
	"github.com/jiangsu-map/jsmap/app/route"
)

// oEmbed sizes. A static file cannot answer maxwidth/maxheight, so every
// response has these; the iframe is width 100% and sizes its own height.
const (
	oembedWidth  = 600
	oembedHeight = 720
)

// oembed is an oEmbed 1.0 "rich" response.
type oembed struct {
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

// oembedFile is where the oEmbed response of a full-site page lives:
// /city/suzhou → oembed/city/suzhou.json, / → oembed/index.json.
func oembedFile(p string) string {
	if strings.HasSuffix(p, "/") {
		p += "index"
	}
	return "oembed" + p + ".json"
}

// writeOEmbed writes a static oEmbed response for every full-site page
// (decoratePage links it from the page's head for discovery). The html is an iframe of the
// page's embed route, preceded by the blockquote WordPress looks for
// (class wp-embedded-content) so that its resize script runs and readers
// of a sanitised copy still get a link.
func writeOEmbed(out string, pages []page, base, origin string) error {
	site := strings.TrimSuffix(origin, "/") + base
	for _, p := range pages {
		s := route.Parse(p.Path)
		if s.Embed || s.NotFound {
			continue
		}
		title := app.Title(s)
		pageURL := site + p.Path
		embedURL := site + route.EmbedPath(s.Lang, s.City)
		markup := fmt.Sprintf(`<blockquote class="wp-embedded-content"><a href="%s">%s</a></blockquote>`+
			`<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="%s" title="%s" width="%d" height="%d" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`,
			attr(pageURL), attr(title), attr(embedURL), attr(title), oembedWidth, oembedHeight)
		o := oembed{
			Type:         "rich",
			Version:      "1.0",
			Title:        title,
			ProviderName: app.Title(route.State{Lang: s.Lang}),
			ProviderURL:  site + route.Path(s.Lang, ""),
			HTML:         markup,
			Width:        oembedWidth,
			Height:       oembedHeight,
			CacheAge:     86400,
		}
		if img := app.ShareImage(s.City); fileExists(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(img, "/")))) {
			o.ThumbnailURL, o.ThumbnailWidth, o.ThumbnailHeight = site+img, 1200, 630
		}
		b, err := json.MarshalIndent(o, "", "  ")
		if err != nil {
			return err
		}
		f := filepath.Join(out, filepath.FromSlash(oembedFile(p.Path)))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(f, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func fileExists(f string) bool {
	_, err := os.Stat(f)
	return err == nil
}

// oembedLink is the discovery link of a page's oEmbed response, or "" for
// pages that have none (embeds, not found).
func oembedLink(p page, site string) string {
	s := route.Parse(p.Path)
	if s.Embed || s.NotFound {
		return ""
	}
	return fmt.Sprintf(`<link rel="alternate" type="application/json+oembed" href="%s" title="%s">`, attr(site+"/"+oembedFile(p.Path)), attr(app.Title(s)))
}

// attr escapes s for HTML text or a double-quoted attribute.
func attr(s string) string { return html.EscapeString(s) }
