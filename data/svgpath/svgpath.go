// Package svgpath reads the SVG path data cmd/mapgen writes for the map's
// outlines (data.ShapeOf), for the Go code that draws or checks them: the
// share images (app/shareimg) and the geometry tests of package data.
//
// It is a package of its own, not part of data, so that the WebAssembly
// app, which imports data and only hands the path data to the browser,
// does not link a parser it never uses.
package svgpath

import (
	"fmt"
	"strconv"
)

// Point is a position in the path's coordinates.
type Point struct{ X, Y float64 }

// Subpath is one polyline of a path: a ring when Closed.
type Subpath struct {
	Pts    []Point
	Closed bool
}

// Parse reads SVG path data made of straight segments only: moveto
// (M/m), lineto (L/l), horizontal and vertical lineto (H/h, V/v) and
// closepath (Z/z), with implicit repeats (extra coordinate pairs after a
// moveto are linetos) and compact number separators ("-3.2.4" is -3.2 then
// .4). Curves and arcs are reported as errors: the map data has none.
func Parse(d string) ([]Subpath, error) {
	p := pathParser{s: d}
	return p.parse()
}

type pathParser struct {
	s   string
	i   int
	out []Subpath
	cur Point // current point
	beg Point // start of the current subpath
	sub *Subpath
}

func (p *pathParser) parse() ([]Subpath, error) {
	var cmd byte // current command; 0 before the first one
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			break
		}
		c := p.s[p.i]
		if isCommand(c) {
			p.i++
			cmd = c
			if cmd == 'z' || cmd == 'Z' {
				p.closePath()
				continue
			}
		} else if !startsNumber(c) {
			return nil, fmt.Errorf("svgpath: unexpected %q at offset %d", c, p.i)
		} else {
			// Implicit repeat of the previous command.
			switch cmd {
			case 0:
				return nil, fmt.Errorf("svgpath: number before any command at offset %d", p.i)
			case 'z', 'Z':
				return nil, fmt.Errorf("svgpath: number after closepath at offset %d", p.i)
			}
		}
		switch cmd {
		case 'M', 'm', 'L', 'l':
			x, err := p.number()
			if err != nil {
				return nil, err
			}
			y, err := p.number()
			if err != nil {
				return nil, err
			}
			if cmd == 'm' || cmd == 'l' {
				x, y = p.cur.X+x, p.cur.Y+y
			}
			if cmd == 'M' || cmd == 'm' {
				p.moveTo(Point{x, y})
				// Further pairs are implicit linetos.
				if cmd == 'M' {
					cmd = 'L'
				} else {
					cmd = 'l'
				}
			} else {
				p.lineTo(Point{x, y})
			}
		case 'H', 'h':
			x, err := p.number()
			if err != nil {
				return nil, err
			}
			if cmd == 'h' {
				x += p.cur.X
			}
			p.lineTo(Point{x, p.cur.Y})
		case 'V', 'v':
			y, err := p.number()
			if err != nil {
				return nil, err
			}
			if cmd == 'v' {
				y += p.cur.Y
			}
			p.lineTo(Point{p.cur.X, y})
		default:
			return nil, fmt.Errorf("svgpath: unsupported command %q", cmd)
		}
	}
	p.flush()
	return p.out, nil
}

func (p *pathParser) moveTo(pt Point) {
	p.flush()
	p.cur, p.beg = pt, pt
	p.sub = &Subpath{Pts: []Point{pt}}
}

func (p *pathParser) lineTo(pt Point) {
	if p.sub == nil {
		// A drawing command right after closepath starts a new subpath at
		// the closed one's start, which is the current point.
		p.sub = &Subpath{Pts: []Point{p.cur}}
		p.beg = p.cur
	}
	p.sub.Pts = append(p.sub.Pts, pt)
	p.cur = pt
}

func (p *pathParser) closePath() {
	if p.sub != nil {
		p.sub.Closed = true
		p.flush()
	}
	p.cur = p.beg
}

func (p *pathParser) flush() {
	if p.sub != nil {
		p.out = append(p.out, *p.sub)
		p.sub = nil
	}
}

func (p *pathParser) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r', '\f', ',':
			p.i++
		default:
			return
		}
	}
}

// number reads one number, SVG style: an optional sign, digits with at
// most one decimal point, and an optional exponent. A second point or a
// sign ends the number, so "-3.2.4" reads as -3.2 and then .4.
func (p *pathParser) number() (float64, error) {
	p.skipSpace()
	start := p.i
	if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		p.i++
	}
	digits := 0
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		p.i++
		digits++
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		for p.i < len(p.s) && isDigit(p.s[p.i]) {
			p.i++
			digits++
		}
	}
	if digits == 0 {
		if start >= len(p.s) {
			return 0, fmt.Errorf("svgpath: missing number at end")
		}
		return 0, fmt.Errorf("svgpath: bad number at offset %d", start)
	}
	// An exponent only if digits follow it, so "1e" is not swallowed.
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		j := p.i + 1
		if j < len(p.s) && (p.s[j] == '+' || p.s[j] == '-') {
			j++
		}
		if j < len(p.s) && isDigit(p.s[j]) {
			for j < len(p.s) && isDigit(p.s[j]) {
				j++
			}
			p.i = j
		}
	}
	v, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil {
		return 0, fmt.Errorf("svgpath: bad number %q: %v", p.s[start:p.i], err)
	}
	return v, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func startsNumber(c byte) bool { return isDigit(c) || c == '.' || c == '+' || c == '-' }

func isCommand(c byte) bool {
	switch c {
	case 'M', 'm', 'L', 'l', 'H', 'h', 'V', 'v', 'Z', 'z':
		return true
	case 'C', 'c', 'S', 's', 'Q', 'q', 'T', 't', 'A', 'a':
		return true // recognised, rejected in parse as unsupported
	}
	return false
}
