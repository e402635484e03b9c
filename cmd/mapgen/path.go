package main

import (
	"strconv"
	"strings"
)

// pathData writes rings as compact SVG path data: each ring is a relative
// moveto followed by implicit relative linetos and a closepath. (The first
// moveto of a path is absolute; later ones are relative to the previous
// ring's start, where closepath leaves the current point.) Coordinates are
// grid units of 10^-decimals map units. Numbers are separated only where the
// grammar needs it: "m12.5-3.2.4" is 12.5, -3.2, 0.4.
func pathData(rings [][]gridPoint, decimals int) string {
	w := pathWriter{decimals: decimals}
	var start gridPoint
	for _, r := range rings {
		w.command('m')
		w.number(r[0].x - start.x)
		w.number(r[0].y - start.y)
		for i := 1; i < len(r); i++ {
			w.number(r[i].x - r[i-1].x)
			w.number(r[i].y - r[i-1].y)
		}
		w.command('z')
		start = r[0]
	}
	return w.b.String()
}

// pathWriter builds path data, inserting separators only where needed.
type pathWriter struct {
	b        strings.Builder
	decimals int
	last     string // previous number, "" after a command letter
}

func (w *pathWriter) command(c byte) {
	w.b.WriteByte(c)
	w.last = ""
}

func (w *pathWriter) number(v int64) {
	s := formatNumber(v, w.decimals)
	if w.last != "" && needsSeparator(w.last, s) {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(s)
	w.last = s
}

// needsSeparator reports whether number next, written right after number
// prev, would run into it.
func needsSeparator(prev, next string) bool {
	switch next[0] {
	case '-':
		return false
	case '.':
		return !strings.Contains(prev, ".")
	}
	return true
}

// formatNumber writes v/10^decimals as briefly as possible (decimals 0 or 1):
// no trailing ".0" and no leading zero ("-.5").
func formatNumber(v int64, decimals int) string {
	if decimals == 0 || v%10 == 0 {
		if decimals == 1 {
			v /= 10
		}
		return strconv.FormatInt(v, 10)
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	whole := ""
	if v >= 10 {
		whole = strconv.FormatInt(v/10, 10)
	}
	return sign + whole + "." + strconv.FormatInt(v%10, 10)
}
