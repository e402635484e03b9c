//go:build !wasm

package shareimg

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/data"
)

const maxBytes = 100 * 1024

// rendered caches one Render per page, so the tests below share them.
var rendered = struct {
	sync.Mutex
	m map[string][]byte
}{m: map[string][]byte{}}

func render(t *testing.T, id string) []byte {
	t.Helper()
	rendered.Lock()
	defer rendered.Unlock()
	if b, ok := rendered.m[id]; ok {
		return b
	}
	b, err := Render(id)
	if err != nil {
		t.Fatalf("Render(%q): %v", id, err)
	}
	rendered.m[id] = b
	return b
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return img
}

// pages is "" (the overview) and every city id.
func pages() []string {
	out := []string{""}
	for _, c := range data.Cities() {
		out = append(out, c.ID)
	}
	return out
}

func name(id string) string {
	if id == "" {
		return "overview"
	}
	return id
}

func TestRenderSizeAndBytes(t *testing.T) {
	for _, id := range pages() {
		t.Run(name(id), func(t *testing.T) {
			b := render(t, id)
			cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if format != "png" || cfg.Width != 1200 || cfg.Height != 630 {
				t.Errorf("got %s %d×%d, want png 1200×630", format, cfg.Width, cfg.Height)
			}
			if len(b) >= maxBytes {
				t.Errorf("%d bytes, want under %d", len(b), maxBytes)
			}
			t.Logf("%d bytes", len(b))
		})
	}
}

func TestRenderDeterministic(t *testing.T) {
	for _, id := range []string{"", "suzhou", "xuzhou", "suqian"} {
		t.Run(name(id), func(t *testing.T) {
			again, err := Render(id)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(render(t, id), again) {
				t.Errorf("two renders differ")
			}
		})
	}
}

func TestRenderUnknownCity(t *testing.T) {
	for _, id := range []string{"shanghai", "Suzhou", " suzhou", "overview"} {
		t.Run(id, func(t *testing.T) {
			if b, err := Render(id); err == nil {
				t.Errorf("Render(%q) = %d bytes, want an error", id, len(b))
			}
		})
	}
}

// TestRenderHighlight checks that a city's own image visibly marks it:
// its label point differs from the overview there.
func TestRenderHighlight(t *testing.T) {
	overview := decode(t, render(t, ""))
	tr := layout()
	for _, c := range data.Cities() {
		t.Run(c.ID, func(t *testing.T) {
			img := decode(t, render(t, c.ID))
			p := labelPoint(c.ID, tr)
			x, y := int(p.X), int(p.Y)
			got, was := rgbaAt(img, x, y), rgbaAt(overview, x, y)
			if got == was {
				t.Errorf("pixel (%d,%d) at the label point is %v in both renders", x, y, got)
			}
			if got != colSelected {
				t.Errorf("pixel (%d,%d) at the label point is %v, want the selection red %v", x, y, got, colSelected)
			}
		})
	}
}

// TestRenderStatusColours is a golden-ish check of the overview: around
// each city's label point the most common colour is its status's fill, and
// every pixel there is of that status's colours (fill, or pattern ink, or a
// blend of the two).
func TestRenderStatusColours(t *testing.T) {
	img := decode(t, render(t, ""))
	tr := layout()
	for _, c := range data.Cities() {
		t.Run(c.ID, func(t *testing.T) {
			st := styleOf(c.Status, false)
			p := labelPoint(c.ID, tr)
			counts := map[color.RGBA]int{}
			const r = 4
			for y := int(p.Y) - r; y <= int(p.Y)+r; y++ {
				for x := int(p.X) - r; x <= int(p.X)+r; x++ {
					got := rgbaAt(img, x, y)
					counts[got]++
					if !between(got, st.fill, st.ink) {
						t.Errorf("pixel (%d,%d) is %v, not between %v and %v", x, y, got, st.fill, st.ink)
					}
				}
			}
			var top color.RGBA
			for col, n := range counts {
				if n > counts[top] || (n == counts[top] && pack(col.R, col.G, col.B) < pack(top.R, top.G, top.B)) {
					top = col
				}
			}
			if top != st.fill {
				t.Errorf("most common colour near the label point is %v, want %v", top, st.fill)
			}
		})
	}
}

// TestRenderFaded checks that a city page fades the other cities: a pixel
// well inside another city is lighter than in the overview.
func TestRenderFaded(t *testing.T) {
	overview := decode(t, render(t, ""))
	img := decode(t, render(t, "xuzhou"))
	p := labelPoint("suzhou", layout())
	// Offset a little from the label point to stay clear of the marker
	// (not drawn for suzhou here anyway) and land on the plain fill.
	x, y := int(p.X)+2, int(p.Y)+14
	was, got := rgbaAt(overview, x, y), rgbaAt(img, x, y)
	if luma(got) <= luma(was) {
		t.Errorf("suzhou at (%d,%d): %v on xuzhou's image, %v on the overview; want it lighter (faded)", x, y, got, was)
	}
}

// TestRenderWriteFiles writes every image to $SHAREIMG_OUT (when set) for
// a look, and logs sizes and the time one full set takes.
func TestRenderWriteFiles(t *testing.T) {
	dir := os.Getenv("SHAREIMG_OUT")
	start := time.Now()
	total := 0
	for _, id := range pages() {
		b, err := Render(id)
		if err != nil {
			t.Fatal(err)
		}
		total += len(b)
		if dir != "" {
			f := filepath.Join(dir, "share-"+name(id)+".png")
			if err := os.WriteFile(f, b, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes", f, len(b))
		}
	}
	t.Logf("%d images, %d bytes in all, rendered in %v", len(pages()), total, time.Since(start))
}

func rgbaAt(img image.Image, x, y int) color.RGBA {
	return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
}

// between reports whether c lies on the segment from a to b in RGB, give
// or take rounding.
func between(c, a, b color.RGBA) bool {
	in := func(v, x, y uint8) bool {
		lo, hi := min(x, y), max(x, y)
		return int(v) >= int(lo)-2 && int(v) <= int(hi)+2
	}
	return in(c.R, a.R, b.R) && in(c.G, a.G, b.G) && in(c.B, a.B, b.B)
}

func luma(c color.RGBA) int { return 299*int(c.R) + 587*int(c.G) + 114*int(c.B) }
