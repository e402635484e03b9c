//go:build !wasm

// Package shareimg renders the social share image (og:image) of each page
// at build time: a 1200×630 PNG of the Jiangsu map, drawn in Go from the
// same outlines as the interactive map (data.ShapeOf).
//
// The 13 cities are filled by status in the site's colours and patterns
// (dots for trillion-yuan cities, diagonal hatching for aspiring ones, so
// the statuses differ without colour too) and outlined; a city page's image
// outlines its city in the selection red, marks its label point and fades
// the other cities. A brand band runs down the left edge. There is no text,
// so no font is needed.
//
// Output is deterministic: the same city gives the same bytes.
package shareimg

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"sync"

	"golang.org/x/image/vector"

	"github.com/jiangsu-map/jsmap/app/palette"
	"github.com/jiangsu-map/jsmap/data"
)

// Width and Height are the size of every share image, in pixels: the 1.91:1
// size that the large social cards use.
const (
	Width  = 1200
	Height = 630
)

// Layout, in pixels.
const (
	bandWidth   = 40  // brand band down the left edge
	stripeWidth = 6   // accent stripe beside the band
	margin      = 36  // clear space around the map
	shadowDX    = 3.0 // the map's drop shadow offset
	shadowDY    = 4.0

	outlineWidth   = 1.6  // every city's outline
	highlightWidth = 5.0  // the selected city's red outline
	haloWidth      = 9.0  // white halo under the red outline
	markerRadius   = 10.0 // selected city's marker: red disc with a white ring
	markerRing     = 3.0

	dotPeriod   = 9.0 // trillion pattern: dots on a square grid
	dotRadius   = 1.9
	hatchPeriod = 8.0 // aspiring pattern: 45° lines
	hatchHalf   = 1.2 // half the hatch line's width

	fade = 0.45 // how far unselected cities blend into the background
)

// Colours, from the palette's light theme (the stylesheet's), and the
// one the image alone has: the map's shadow.
var (
	colBg        = palette.RGB("bg")
	colBand      = palette.RGB("accent")
	colStripe    = palette.RGB("aspiring")
	colShadow    = rgb(0xe4e0d6)
	colSelected  = palette.RGB("selected")
	colWhite     = palette.RGB("card")
	colTrillion  = palette.RGB("trillion")
	colTrilDot   = palette.RGB("trillion-dot")
	colTrilLine  = palette.RGB("stroke-trillion")
	colAspiring  = palette.RGB("aspiring")
	colAspHatch  = palette.RGB("aspiring-line")
	colAspLine   = palette.RGB("stroke-aspiring")
	colUncovered = palette.RGB("uncovered")
	colUncLine   = palette.RGB("stroke-uncovered")
)

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// mix blends a toward b by t (0 gives a, 1 gives b).
func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 {
		return uint8(math.Round(float64(x)*(1-t) + float64(y)*t))
	}
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xff}
}

type patternKind int

const (
	plain patternKind = iota
	dots
	hatch
)

// style is how one city is painted.
type style struct {
	fill, ink, outline color.RGBA // ink draws the pattern over fill
	pattern            patternKind
}

func styleOf(s data.Status, faded bool) style {
	var st style
	switch s {
	case data.Trillion:
		st = style{colTrillion, colTrilDot, colTrilLine, dots}
	case data.Aspiring:
		st = style{colAspiring, colAspHatch, colAspLine, hatch}
	default:
		st = style{colUncovered, colUncovered, colUncLine, plain}
	}
	if faded {
		st.fill = mix(st.fill, colBg, fade)
		st.ink = mix(st.ink, colBg, fade)
		st.outline = mix(st.outline, colBg, fade)
	}
	return st
}

// keyColours are the colours the image is made of; quantizing keeps them
// exact and spends the rest of the palette on antialiased edges.
func keyColours() []color.RGBA {
	out := []color.RGBA{colBg, colBand, colStripe, colShadow, colSelected, colWhite}
	for _, s := range []data.Status{data.Trillion, data.Aspiring, data.NotCovered} {
		for _, faded := range []bool{false, true} {
			st := styleOf(s, faded)
			out = append(out, st.fill, st.ink, st.outline)
		}
	}
	return out
}

// shapes holds every city's parsed outline, by id, parsed once.
var shapes = sync.OnceValues(func() (map[string][]subpath, error) {
	out := make(map[string][]subpath)
	for _, c := range data.Cities() {
		s, ok := data.ShapeOf(c.ID)
		if !ok {
			return nil, fmt.Errorf("shareimg: no shape for city %q", c.ID)
		}
		subs, err := parsePath(s.D)
		if err != nil {
			return nil, fmt.Errorf("shareimg: city %q: %w", c.ID, err)
		}
		out[c.ID] = subs
	}
	return out, nil
})

// mapTransform places the map: scaled to fit the area right of the band
// within the margins, and centred there.
type mapTransform struct{ scale, x0, y0 float64 }

func layout() mapTransform {
	left := float64(bandWidth + stripeWidth)
	aw := float64(Width) - left - 2*margin
	ah := float64(Height) - 2*margin
	s := math.Min(aw/data.MapWidth, ah/data.MapHeight)
	return mapTransform{
		scale: s,
		x0:    left + (float64(Width)-left-s*data.MapWidth)/2,
		y0:    (float64(Height) - s*data.MapHeight) / 2,
	}
}

func (t mapTransform) apply(p point) point {
	return point{t.x0 + p.X*t.scale, t.y0 + p.Y*t.scale}
}

// Render returns the share image for the page of city selected (a data
// city id), or for the overview when selected is "". An unknown id is an
// error.
func Render(selected string) ([]byte, error) {
	subs, err := shapes()
	if err != nil {
		return nil, err
	}
	if _, ok := subs[selected]; selected != "" && !ok {
		return nil, fmt.Errorf("shareimg: unknown city %q", selected)
	}
	img := compose(subs, selected)
	pal := quantize(img, keyColours(), 256)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, pal); err != nil {
		return nil, fmt.Errorf("shareimg: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// compose paints the image in full colour.
func compose(shapes map[string][]subpath, selected string) *image.RGBA {
	bounds := image.Rect(0, 0, Width, Height)
	img := image.NewRGBA(bounds)
	draw.Draw(img, bounds, image.NewUniform(colBg), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, bandWidth, Height), image.NewUniform(colBand), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(bandWidth, 0, bandWidth+stripeWidth, Height), image.NewUniform(colStripe), image.Point{}, draw.Src)

	t := layout()
	cities := data.Cities()
	px := make(map[string][]subpath, len(cities)) // outlines in pixels
	for _, c := range cities {
		px[c.ID] = transform(shapes[c.ID], t)
	}
	z := vector.NewRasterizer(Width, Height)

	// Drop shadow: the whole province, offset.
	var l layer
	for _, c := range cities {
		for _, s := range px[c.ID] {
			l.ring(s.Pts, point{shadowDX, shadowDY})
		}
	}
	l.fill(img, z, colShadow)

	// Fills.
	for _, c := range cities {
		l = layer{}
		for _, s := range px[c.ID] {
			l.ring(s.Pts, point{})
		}
		l.paint(img, z, styleOf(c.Status, selected != "" && c.ID != selected))
	}

	// Outlines, one colour at a time: light ones first, so that the darker
	// outlines win on borders that two statuses share; the selected city's
	// outline goes last, under its highlight.
	faded := selected != ""
	for _, status := range []data.Status{data.Trillion, data.Aspiring, data.NotCovered} {
		l = layer{}
		for _, c := range cities {
			if c.Status == status && c.ID != selected {
				for _, s := range px[c.ID] {
					l.stroke(s, outlineWidth/2)
				}
			}
		}
		l.fill(img, z, styleOf(status, faded).outline)
	}
	if selected == "" {
		return img
	}

	// The selected city: its outline, then a white halo and the red
	// highlight, then a marker at its label point.
	var sel data.City
	for _, c := range cities {
		if c.ID == selected {
			sel = c
		}
	}
	for _, w := range []struct {
		half float64
		col  color.RGBA
	}{
		{outlineWidth / 2, styleOf(sel.Status, false).outline},
		{haloWidth / 2, colWhite},
		{highlightWidth / 2, colSelected},
	} {
		l = layer{}
		for _, s := range px[selected] {
			l.stroke(s, w.half)
		}
		l.fill(img, z, w.col)
	}
	lp := labelPoint(selected, t)
	for _, d := range []struct {
		r   float64
		col color.RGBA
	}{
		{markerRadius + markerRing, colWhite},
		{markerRadius, colSelected},
	} {
		l = layer{}
		l.poly(circle(lp, d.r))
		l.fill(img, z, d.col)
	}
	return img
}

// labelPoint is city id's label point, in pixels.
func labelPoint(id string, t mapTransform) point {
	s, _ := data.ShapeOf(id)
	return t.apply(point{s.LabelX, s.LabelY})
}

func transform(subs []subpath, t mapTransform) []subpath {
	out := make([]subpath, len(subs))
	for i, s := range subs {
		pts := make([]point, len(s.Pts))
		for j, p := range s.Pts {
			pts[j] = t.apply(p)
		}
		out[i] = subpath{pts, s.Closed}
	}
	return out
}

func blend(dst, src uint8, a float64) uint8 {
	return uint8(math.Round(float64(dst)*(1-a) + float64(src)*a))
}

// patternCoverage is how much of pixel (x, y) the pattern's ink covers,
// from 0 to 1, antialiased by distance from the pixel's centre. Patterns
// are anchored to the image, so neighbouring cities of one status share
// one continuous pattern.
func patternCoverage(k patternKind, x, y int) float64 {
	cx, cy := float64(x)+0.5, float64(y)+0.5
	var d, r float64
	switch k {
	case dots:
		fx := math.Mod(cx, dotPeriod) - dotPeriod/2
		fy := math.Mod(cy, dotPeriod) - dotPeriod/2
		d, r = math.Hypot(fx, fy), dotRadius
	case hatch:
		u := (cx + cy) / math.Sqrt2 // distance across the lines
		d, r = math.Abs(math.Mod(u+hatchPeriod/2, hatchPeriod)-hatchPeriod/2), hatchHalf
	default:
		return 0
	}
	return math.Max(0, math.Min(1, r+0.5-d))
}

// layer collects polygons, in pixels, to rasterize together: where they
// overlap, their coverage adds up (and saturates), so a union of pieces
// wound the same way round has no seams.
type layer struct {
	polys    [][]point
	min, max point
}

// ring adds a closed polygon, shifted by off, as it is wound: holes, wound
// the other way round, cut out of their outer rings.
func (l *layer) ring(pts []point, off point) {
	if len(pts) < 3 {
		return
	}
	if len(l.polys) == 0 {
		l.min = point{math.Inf(1), math.Inf(1)}
		l.max = point{math.Inf(-1), math.Inf(-1)}
	}
	out := make([]point, len(pts))
	for i, p := range pts {
		p = point{p.X + off.X, p.Y + off.Y}
		out[i] = p
		l.min = point{math.Min(l.min.X, p.X), math.Min(l.min.Y, p.Y)}
		l.max = point{math.Max(l.max.X, p.X), math.Max(l.max.Y, p.Y)}
	}
	l.polys = append(l.polys, out)
}

// poly adds a convex polygon, always wound the same way round, so that
// overlapping pieces of one stroke never cancel each other out.
func (l *layer) poly(pts []point) {
	var area float64
	for i, p := range pts {
		q := pts[(i+1)%len(pts)]
		area += p.X*q.Y - q.X*p.Y
	}
	if area > 0 {
		for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
			pts[i], pts[j] = pts[j], pts[i]
		}
	}
	l.ring(pts, point{})
}

// stroke adds the outline of s, half wide on each side of it, with round
// joins: a quad per segment and a disc per vertex.
func (l *layer) stroke(s subpath, half float64) {
	pts := s.Pts
	n := len(pts)
	segs := n - 1
	if s.Closed {
		segs = n
	}
	for i := 0; i < segs; i++ {
		p, q := pts[i], pts[(i+1)%n]
		dx, dy := q.X-p.X, q.Y-p.Y
		d := math.Hypot(dx, dy)
		if d == 0 {
			continue
		}
		nx, ny := -dy/d*half, dx/d*half
		l.poly([]point{{p.X + nx, p.Y + ny}, {q.X + nx, q.Y + ny}, {q.X - nx, q.Y - ny}, {p.X - nx, p.Y - ny}})
	}
	for _, p := range pts {
		l.poly(circle(p, half))
	}
}

// rasterize loads the layer into z, sized to the layer's pixel bounds
// within the image, and returns those bounds: z's origin is r.Min.
func (l *layer) rasterize(z *vector.Rasterizer) (r image.Rectangle) {
	if len(l.polys) == 0 {
		return image.Rectangle{}
	}
	r = image.Rect(
		int(math.Floor(l.min.X))-1, int(math.Floor(l.min.Y))-1,
		int(math.Ceil(l.max.X))+1, int(math.Ceil(l.max.Y))+1,
	).Intersect(image.Rect(0, 0, Width, Height))
	if r.Empty() {
		return r
	}
	z.Reset(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, pts := range l.polys {
		z.MoveTo(float32(pts[0].X-ox), float32(pts[0].Y-oy))
		for _, p := range pts[1:] {
			z.LineTo(float32(p.X-ox), float32(p.Y-oy))
		}
		z.ClosePath()
	}
	return r
}

// fill composites the layer over img in colour col.
func (l *layer) fill(img *image.RGBA, z *vector.Rasterizer, col color.RGBA) {
	r := l.rasterize(z)
	if r.Empty() {
		return
	}
	z.DrawOp = draw.Over
	z.Draw(img, r, image.NewUniform(col), image.Point{})
}

// paint composites the layer over img in style st: its fill, with its
// pattern's ink on top.
func (l *layer) paint(img *image.RGBA, z *vector.Rasterizer, st style) {
	r := l.rasterize(z)
	if r.Empty() {
		return
	}
	mask := image.NewAlpha(z.Bounds())
	z.DrawOp = draw.Src
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	for y := r.Min.Y; y < r.Max.Y; y++ {
		mrow := mask.Pix[(y-r.Min.Y)*mask.Stride:]
		row := img.Pix[img.PixOffset(0, y):]
		for x := r.Min.X; x < r.Max.X; x++ {
			m := mrow[x-r.Min.X]
			if m == 0 {
				continue
			}
			c := st.fill
			if cov := patternCoverage(st.pattern, x, y); cov > 0 {
				c = mix(st.fill, st.ink, cov)
			}
			a := float64(m) / 255
			i := 4 * x
			row[i] = blend(row[i], c.R, a)
			row[i+1] = blend(row[i+1], c.G, a)
			row[i+2] = blend(row[i+2], c.B, a)
			row[i+3] = 0xff
		}
	}
}

// circle approximates a disc of radius r around c by a polygon.
func circle(c point, r float64) []point {
	n := max(8, int(math.Ceil(r*4)))
	pts := make([]point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}
