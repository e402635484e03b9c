package main

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/jiangsu-map/jsmap/app"
	"github.com/jiangsu-map/jsmap/app/oembed"
	"github.com/jiangsu-map/jsmap/app/route"
)

// writeOEmbed writes a static oEmbed response (app/oembed) for every
// full-site page, at the default size: a static file cannot answer
// maxwidth and maxheight (app/server answers them live). decoratePage
// links it from the page's head for discovery.
func writeOEmbed(out string, pages []page, base, origin string) error {
	site := strings.TrimSuffix(origin, "/") + base
	for _, p := range pages {
		s := route.Parse(p.Path)
		if s.Embed || s.NotFound {
			continue
		}
		title := app.Title(s)
		o := oembed.Response{
			Type:         "rich",
			Version:      "1.0",
			Title:        title,
			ProviderName: app.Title(route.State{Lang: s.Lang}),
			ProviderURL:  site + route.Path(s.Lang, ""),
			HTML:         oembed.HTML(site+p.Path, site+route.EmbedPath(s.Lang, s.City), title, oembed.DefaultWidth, oembed.DefaultHeight),
			Width:        oembed.DefaultWidth,
			Height:       oembed.DefaultHeight,
			CacheAge:     86400,
		}
		if img := app.ShareImage(s.City); fileExists(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(img, "/")))) {
			o.ThumbnailURL, o.ThumbnailWidth, o.ThumbnailHeight = site+img, 1200, 630
		}
		b, err := json.MarshalIndent(o, "", "  ")
		if err != nil {
			return err
		}
		f := filepath.Join(out, filepath.FromSlash(oembed.File(p.Path)))
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
	return fmt.Sprintf(`<link rel="alternate" type="application/json+oembed" href="%s" title="%s">`, attr(site+"/"+oembed.File(p.Path)), attr(app.Title(s)))
}

// attr escapes s for HTML text or a double-quoted attribute.
func attr(s string) string { return html.EscapeString(s) }
