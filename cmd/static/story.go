package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/app/story"
	"github.com/jiangsu-map/jsmap/components"
)

// storyMainRe is the story page's main element as the app renders it:
// empty, for the story to be written in (app/page.go).
var storyMainRe = regexp.MustCompile(`<main [^>]*id="` + components.StoryMainID + `"[^>]*>\s*</main>`)

// noWasmMeta tells web/page.js and app.js (cmd/static/appjs.go) that the
// page is complete as it is and must not start the WebAssembly app, which
// would render the page anew without the story.
const noWasmMeta = `<meta name="jsmap-wasm" content="none">`

// writeStory writes the story (app/story) into the prerendered story page
// p, and marks the page as one the WebAssembly does not start on. Other
// pages are left alone.
func writeStory(out string, p page, base string) error {
	s := route.Parse(p.Path)
	if !s.Story {
		return nil
	}
	f := filepath.Join(out, filepath.FromSlash(p.File))
	b, err := os.ReadFile(f)
	if err != nil {
		return err
	}
	html := string(b)
	if n := len(storyMainRe.FindAllString(html, -1)); n != 1 {
		return fmt.Errorf("page %s: found %d empty story main elements, want 1 (app/page.go renders it)", p.Path, n)
	}
	const charset = `<meta charset="UTF-8">`
	if strings.Count(html, charset) != 1 {
		return fmt.Errorf("page %s: go-app's head markup changed (charset); update cmd/static", p.Path)
	}
	body, err := story.Main(s.Lang, base)
	if err != nil {
		return fmt.Errorf("page %s: %w", p.Path, err)
	}
	html = storyMainRe.ReplaceAllLiteralString(html, `<main id="`+components.StoryMainID+`" class="story" data-story>`+"\n"+body+`</main>`)
	html = strings.Replace(html, charset, charset+"\n"+noWasmMeta, 1)
	return os.WriteFile(f, []byte(html), 0o644)
}
