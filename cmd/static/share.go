package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/jiangsu-map/jsmap/app"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/app/shareimg"
	"github.com/jiangsu-map/jsmap/data"
)

// writeShareImages draws the social share images (1200×630 PNG): the whole
// map for the overview pages, and the map with each city highlighted.
func writeShareImages(out string) error {
	for _, id := range append([]string{""}, data.IDs()...) {
		b, err := shareimg.Render(id)
		if err != nil {
			return fmt.Errorf("share image %q: %w", id, err)
		}
		f := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(app.ShareImage(id), "/")))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

var ogImageRe = regexp.MustCompile(`<meta [^>]*property="og:image"[^>]*>`)

// socialMeta completes each page's Open Graph and Twitter card data in its
// language: site name, locale, the share image of its city (absolute when
// the public origin is known, as crawlers require) and its description.
func socialMeta(out string, pages []page, base, origin string) error {
	for _, p := range pages {
		s := route.Parse(p.Path)
		f := filepath.Join(out, filepath.FromSlash(p.File))
		locale := "zh_CN"
		if s.Lang == data.En {
			locale = "en_US"
		}
		img := strings.TrimSuffix(origin, "/") + base + app.ShareImage(s.City)
		extra := fmt.Sprintf(`<meta property="og:site_name" content="%s">`+
			`<meta property="og:locale" content="%s">`+
			`<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">`+
			`<meta property="og:image:alt" content="%s">`+
			`<meta name="twitter:card" content="summary_large_image">`+
			`<meta name="twitter:title" content="%s">`+
			`<meta name="twitter:description" content="%s">`+
			`<meta name="twitter:image" content="%s">`+
			`<meta name="twitter:image:alt" content="%s">`,
			attr(app.Title(route.State{Lang: s.Lang})), locale, attr(app.ShareImageAlt(s)),
			attr(app.Title(s)), attr(app.Description(s)), attr(img), attr(app.ShareImageAlt(s)))
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		// go-app prints an empty og:image; fill it in.
		html, n := ogImageRe.ReplaceAllString(string(b), `<meta property="og:image" content="`+attr(img)+`">`), len(ogImageRe.FindAllString(string(b), -1))
		if n != 1 {
			return fmt.Errorf("page %s: %d og:image tags, want 1", p.Path, n)
		}
		if err := os.WriteFile(f, []byte(html), 0o644); err != nil {
			return err
		}
		if err := insertHead(f, extra); err != nil {
			return fmt.Errorf("page %s: %w", p.Path, err)
		}
	}
	return nil
}
