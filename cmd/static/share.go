package main

import (
	"fmt"
	"os"
	"path/filepath"
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

// socialTags completes a page's Open Graph and Twitter card data in its
// language: site name, locale, the share image of its city (img, absolute
// when the public origin is known, as crawlers require) and its text.
// go-app's own og:image tag is filled in by decoratePage.
func socialTags(s route.State, img string) string {
	locale := "zh_CN"
	if s.Lang == data.En {
		locale = "en_US"
	}
	return fmt.Sprintf(`<meta property="og:site_name" content="%s">`+
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
}
