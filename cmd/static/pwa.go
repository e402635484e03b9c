package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jiangsu-map/jsmap/app"
	"github.com/jiangsu-map/jsmap/data"
)

// writeManifests replaces go-app's manifest with ours, one per language.
func writeManifests(out, base string) error {
	for _, l := range data.Langs {
		dst := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(app.ManifestPath(l), "/")))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, app.Manifest(l, base), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// stampVersion writes the build version into every page's head, where a
// reader (or a test) can tell which deployment a page came from. It is the
// same version the service worker caches under.
func stampVersion(out string, pages []page, version string) error {
	const anchor = `<meta charset="UTF-8">`
	for _, p := range pages {
		f := filepath.Join(out, filepath.FromSlash(p.File))
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		html := string(b)
		if !strings.Contains(html, anchor) {
			return fmt.Errorf("page %s: no %s to stamp the version after", p.Path, anchor)
		}
		html = strings.Replace(html, anchor, anchor+"\n"+`<meta name="jsmap-version" content="`+version+`">`, 1)
		if err := os.WriteFile(f, []byte(html), 0o644); err != nil {
			return err
		}
	}
	return nil
}
