//go:build !wasm

package shareimg

import (
	"cmp"
	"image"
	"image/color"
	"slices"
)

// quantize maps an opaque image onto a palette of at most n colours: the
// key colours first, kept exact, then the most frequent other colours (the
// antialiased edges between them); every pixel takes its nearest palette
// colour. With few distinct colours this is lossless. It is deterministic:
// ties are broken by colour value, never by map order.
func quantize(img *image.RGBA, keys []color.RGBA, n int) *image.Paletted {
	b := img.Bounds()
	counts := make(map[uint32]int)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):]
		for x := 0; x < b.Dx(); x++ {
			counts[pack(row[4*x], row[4*x+1], row[4*x+2])]++
		}
	}

	var pal color.Palette
	inPal := make(map[uint32]bool)
	add := func(v uint32) {
		if !inPal[v] && len(pal) < n {
			inPal[v] = true
			pal = append(pal, unpack(v))
		}
	}
	for _, k := range keys {
		add(pack(k.R, k.G, k.B))
	}
	others := make([]uint32, 0, len(counts))
	for v := range counts {
		if !inPal[v] {
			others = append(others, v)
		}
	}
	slices.SortFunc(others, func(a, b uint32) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, v := range others {
		add(v)
	}

	index := make(map[uint32]uint8, len(counts))
	for v := range counts {
		index[v] = nearest(pal, unpack(v))
	}
	out := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):]
		orow := out.Pix[out.PixOffset(b.Min.X, y):]
		for x := 0; x < b.Dx(); x++ {
			orow[x] = index[pack(row[4*x], row[4*x+1], row[4*x+2])]
		}
	}
	return out
}

// nearest is the index of the palette colour closest to c (squared RGB
// distance; the first one on a tie).
func nearest(pal color.Palette, c color.RGBA) uint8 {
	best, bestD := 0, -1
	for i, pc := range pal {
		p := pc.(color.RGBA)
		dr := int(p.R) - int(c.R)
		dg := int(p.G) - int(c.G)
		db := int(p.B) - int(c.B)
		d := dr*dr + dg*dg + db*db
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}

func pack(r, g, b uint8) uint32 { return uint32(r)<<16 | uint32(g)<<8 | uint32(b) }

func unpack(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}
