package main

import (
	"fmt"
	"math"
)

// Unit is how a figure is measured, compared and printed.
type Unit string

// The units of the figures.
const (
	Millis Unit = "ms"    // milliseconds
	Bytes  Unit = "bytes" // bytes; printed in decimal KB (1,000) and MB (1,000,000)
	Count  Unit = "count" // a number of things, such as requests
	Score  Unit = "score" // a Lighthouse category score, 0 to 100
	Shift  Unit = "cls"   // a layout-shift score
)

// Format prints v in unit u, compactly and with the precision the figure
// deserves: "12.3 ms", "1.541 MB", "12.7 KB", "0.000".
func (u Unit) Format(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	switch u {
	case Millis:
		if math.Abs(v) < 100 {
			return fmt.Sprintf("%.1f ms", v)
		}
		return fmt.Sprintf("%.0f ms", v)
	case Bytes:
		switch a := math.Abs(v); {
		case a >= 1e6:
			return fmt.Sprintf("%.3f MB", v/1e6)
		case a >= 1e3:
			return fmt.Sprintf("%.1f KB", v/1e3)
		default:
			return fmt.Sprintf("%.0f B", v)
		}
	case Shift:
		return fmt.Sprintf("%.3f", v)
	default: // Count, Score
		return fmt.Sprintf("%.0f", v)
	}
}

// Figure describes one measured quantity.
type Figure struct {
	Key   string // stable name, used in JSON and budgets
	Label string // what the table calls it
	Unit  Unit
}

// The keys of the figures.
const (
	// The built site, measured once over HTTP.
	KeyWasmBrotli     = "wasmBrotli"
	KeyCityHTMLBrotli = "cityHTMLBrotli"
	KeyHomeHTMLBrotli = "homeHTMLBrotli"

	// A network profile, medians of the runs.
	KeyFCP              = "fcp"
	KeyClickable        = "clickable"
	KeyUsable           = "usable"
	KeyFirstCityBytes   = "firstCityBytes"
	KeyReady            = "ready"
	KeyCLS              = "cls"
	KeyColdBytes        = "coldBytes"
	KeyColdPageBytes    = "coldPageBytes"
	KeyColdSWBytes      = "coldSWBytes"
	KeyColdRequests     = "coldRequests"
	KeyColdPageRequests = "coldPageRequests"
	KeyColdSWRequests   = "coldSWRequests"
	KeyClickP50         = "clickP50"
	KeyClickP95         = "clickP95"
	KeyWasmMemory       = "wasmMemory"
	KeyJSHeap           = "jsHeap"
	KeyRepeatBytes      = "repeatBytes"
	KeyRepeatRequests   = "repeatRequests"
	KeyRepeatReady      = "repeatReady"

	// Lighthouse, medians of its runs on one page.
	KeyLHPerformance = "lhPerformance"
	KeyLHTBT         = "lhTBT"
	KeyLHFCP         = "lhFCP"
	KeyLHLCP         = "lhLCP"
	KeyLHSpeedIndex  = "lhSpeedIndex"
	KeyLHCLS         = "lhCLS"
)

// siteFigures, profileFigures and lighthouseFigures list the figures of each
// kind of section, in the order of the table.
var (
	siteFigures = []Figure{
		{KeyWasmBrotli, "WebAssembly (web/app.wasm), brotli", Bytes},
		{KeyCityHTMLBrotli, "/city/suzhou HTML, brotli", Bytes},
		{KeyHomeHTMLBrotli, "/ HTML, brotli", Bytes},
	}
	profileFigures = []Figure{
		{KeyColdBytes, "cold transfer, all (page + service worker)", Bytes},
		{KeyColdPageBytes, "  of which the page's requests", Bytes},
		{KeyColdSWBytes, "  of which the service worker's precache", Bytes},
		{KeyColdRequests, "cold requests, all", Count},
		{KeyColdPageRequests, "  of which the page's", Count},
		{KeyColdSWRequests, "  of which the service worker's", Count},
		{KeyFCP, "first contentful paint", Millis},
		{KeyClickable, "map clickable (13 regions hit-testable)", Millis},
		{KeyUsable, "usable (click on a city → its panel shown)", Millis},
		{KeyFirstCityBytes, "  bytes on the wire until that panel shows", Bytes},
		{KeyReady, "WebAssembly ready (data-app=ready), cold", Millis},
		{KeyCLS, "cumulative layout shift, whole load", Shift},
		{KeyClickP50, "click latency after ready, p50", Millis},
		{KeyClickP95, "click latency after ready, p95", Millis},
		{KeyWasmMemory, "WebAssembly memory after the clicks", Bytes},
		{KeyJSHeap, "JS heap used after the clicks (after GC)", Bytes},
		{KeyRepeatBytes, "repeat visit: bytes from the network", Bytes},
		{KeyRepeatRequests, "repeat visit: requests to the network", Count},
		{KeyRepeatReady, "repeat visit: WebAssembly ready", Millis},
	}
	lighthouseFigures = []Figure{
		{KeyLHPerformance, "performance score", Score},
		{KeyLHTBT, "total blocking time", Millis},
		{KeyLHFCP, "first contentful paint", Millis},
		{KeyLHLCP, "largest contentful paint", Millis},
		{KeyLHSpeedIndex, "speed index", Millis},
		{KeyLHCLS, "cumulative layout shift", Shift},
	}
)

// figureByKey finds a figure of any kind by its key.
func figureByKey(key string) (Figure, bool) {
	for _, list := range [][]Figure{siteFigures, profileFigures, lighthouseFigures} {
		for _, f := range list {
			if f.Key == key {
				return f, true
			}
		}
	}
	return Figure{}, false
}
