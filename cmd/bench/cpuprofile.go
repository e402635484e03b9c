package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// CPU profiles (-cpu-profile DIR): where the page's main thread spends its
// time during a cold load (until data-app="ready") and during the latency
// clicks, from V8's sampling profiler (100 µs). Each profile is written to
// DIR as a .cpuprofile file (DevTools, Performance panel: load profile)
// and summarized by kind of work and by function. The deployed wasm has no
// function names; -wasm-names names V8's wasm-function[N] frames from an
// unstripped build of the same code (make profile builds one), after
// checking that its code is the served wasm's.

// wasmNames maps a wasm function index to its Go name.
type wasmNames map[int]string

// wasmSections returns the sections of a wasm module by id (custom
// sections, id 0, by name).
func wasmSections(b []byte) (map[string][]byte, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a WebAssembly module")
	}
	secs := map[string][]byte{}
	r := bytes.NewReader(b[8:])
	for r.Len() > 0 {
		id, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		size, err := binary.ReadUvarint(r)
		if err != nil || size > uint64(r.Len()) {
			return nil, errors.New("truncated section")
		}
		body := make([]byte, size)
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, err
		}
		key := strconv.Itoa(int(id))
		if id == 0 {
			br := bytes.NewReader(body)
			n, err := binary.ReadUvarint(br)
			if err != nil || n > uint64(br.Len()) {
				return nil, errors.New("bad custom section")
			}
			name := make([]byte, n)
			io.ReadFull(br, name)
			key = string(name)
			body = body[len(body)-br.Len():]
		}
		secs[key] = body
	}
	return secs, nil
}

// readWasmNames reads the function names of the unstripped module named,
// which must have the same code section as the served module served.
func readWasmNames(named, served string) (wasmNames, error) {
	nb, err := os.ReadFile(named)
	if err != nil {
		return nil, err
	}
	sb, err := os.ReadFile(served)
	if err != nil {
		return nil, err
	}
	ns, err := wasmSections(nb)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", named, err)
	}
	ss, err := wasmSections(sb)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", served, err)
	}
	if !bytes.Equal(ns["10"], ss["10"]) {
		return nil, fmt.Errorf("%s is not a build of the code in %s (the code sections differ): rebuild both (make profile)", named, served)
	}
	body, ok := ns["name"]
	if !ok {
		return nil, fmt.Errorf("%s has no name section (built with -ldflags=-s?)", named)
	}
	names := wasmNames{}
	r := bytes.NewReader(body)
	for r.Len() > 0 {
		sub, _ := r.ReadByte()
		size, err := binary.ReadUvarint(r)
		if err != nil || size > uint64(r.Len()) {
			return nil, errors.New("bad name section")
		}
		data := make([]byte, size)
		io.ReadFull(r, data)
		if sub != 1 { // function names
			continue
		}
		fr := bytes.NewReader(data)
		count, _ := binary.ReadUvarint(fr)
		for range count {
			idx, err1 := binary.ReadUvarint(fr)
			n, err2 := binary.ReadUvarint(fr)
			if err1 != nil || err2 != nil || n > uint64(fr.Len()) {
				return nil, errors.New("bad function name map")
			}
			name := make([]byte, n)
			io.ReadFull(fr, name)
			names[int(idx)] = string(name)
		}
	}
	return names, nil
}

// wasmFuncRe matches V8's name for a wasm function without a name.
var wasmFuncRe = regexp.MustCompile(`^wasm-function\[(\d+)\]$`)

// frameName names a profile frame, Go functions by their name in names.
func frameName(cf *runtime.CallFrame, names wasmNames) string {
	if m := wasmFuncRe.FindStringSubmatch(cf.FunctionName); m != nil {
		i, _ := strconv.Atoi(m[1])
		if n, ok := names[i]; ok {
			return n
		}
	}
	if cf.FunctionName == "" {
		if cf.URL == "" {
			return "(anonymous)"
		}
		return "(anonymous) " + filepath.Base(cf.URL)
	}
	return cf.FunctionName
}

// Kinds of work a sample is counted under.
const (
	kindIdle    = "idle"
	kindBrowser = "browser: parsing, style, layout, paint (\"(program)\")"
	kindGC      = "JavaScript garbage collector"
	kindOurs    = "Go: our code (app, components, data)"
	kindGoApp   = "Go: go-app"
	kindRuntime = "Go: runtime (allocation, GC, scheduler)"
	kindStd     = "Go: other standard library"
	kindGo      = "Go (no function names: see -wasm-names)"
	kindBridge  = "Go↔JavaScript calls (syscall/js, wasm_exec.js)"
	kindDOM     = "DOM and browser APIs called from script"
	kindPageJS  = "web/page.js"
	kindAppJS   = "go-app's app.js (patched)"
	kindOtherJS = "other JavaScript"
	kindBench   = "the benchmark's own probe and evaluations"
)

// kindOf sorts a frame into a kind of work.
func kindOf(cf *runtime.CallFrame, name string) string {
	switch {
	case name == "(idle)":
		return kindIdle
	case name == "(program)":
		return kindBrowser
	case name == "(garbage collector)":
		return kindGC
	case strings.HasPrefix(cf.URL, "wasm://") || wasmFuncRe.MatchString(cf.FunctionName):
		switch {
		case wasmFuncRe.MatchString(name):
			return kindGo
		case strings.HasPrefix(name, "github.com_jiangsu_map"):
			return kindOurs
		case strings.HasPrefix(name, "github.com_maxence_charriere_go_app"):
			return kindGoApp
		case strings.HasPrefix(name, "runtime.") || strings.HasPrefix(name, "internal_runtime") || strings.HasPrefix(name, "runtime_"):
			return kindRuntime
		case strings.HasPrefix(name, "syscall_js."):
			return kindBridge
		}
		return kindStd
	case strings.HasSuffix(cf.URL, probeURL) || cf.FunctionName == "" && cf.URL == "":
		return kindBench
	case strings.HasSuffix(cf.URL, "/wasm_exec.js") || strings.HasPrefix(name, "syscall/js."):
		return kindBridge
	case strings.HasSuffix(cf.URL, "/web/page.js"):
		return kindPageJS
	case strings.HasSuffix(cf.URL, "/app.js"):
		return kindAppJS
	case cf.URL == "":
		return kindDOM
	}
	return kindOtherJS
}

// share is a slice of a profile's time.
type share struct {
	Name string  `json:"name"`
	MS   float64 `json:"ms"`
}

// CPUSummary is one profile, summarized.
type CPUSummary struct {
	Title string  `json:"title"`
	File  string  `json:"file"`
	MS    float64 `json:"ms"`    // sampled, idle included
	Kinds []share `json:"kinds"` // by kind of work, largest first
	Top   []share `json:"top"`   // functions by self time, idle, "(program)" and the benchmark's scripts left out
}

// summarize sorts a profile's samples by kind and by function.
func summarize(title string, p *profiler.Profile, names wasmNames, top int) CPUSummary {
	nodes := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		nodes[n.ID] = n
	}
	kinds, funcs := map[string]float64{}, map[string]float64{}
	s := CPUSummary{Title: title}
	// Sample i lasts until sample i+1 (TimeDeltas[i+1]); the last one
	// until the profile's end.
	var last int64
	for _, d := range p.TimeDeltas {
		last += d
	}
	for i, id := range p.Samples {
		n, ok := nodes[id]
		if !ok {
			continue
		}
		var us int64
		if i+1 < len(p.TimeDeltas) {
			us = p.TimeDeltas[i+1]
		} else {
			us = max(0, int64(p.EndTime-p.StartTime)-last)
		}
		ms := float64(us) / 1000
		name := frameName(n.CallFrame, names)
		k := kindOf(n.CallFrame, name)
		kinds[k] += ms
		if k != kindIdle && k != kindBrowser && k != kindBench {
			funcs[name] += ms
		}
		s.MS += ms
	}
	s.Kinds = sortShares(kinds, 0)
	s.Top = sortShares(funcs, top)
	return s
}

func sortShares(m map[string]float64, n int) []share {
	var l []share
	for k, v := range m {
		l = append(l, share{k, v})
	}
	sort.Slice(l, func(i, j int) bool {
		if l[i].MS != l[j].MS {
			return l[i].MS > l[j].MS
		}
		return l[i].Name < l[j].Name
	})
	if n > 0 && len(l) > n {
		l = l[:n]
	}
	return l
}

// cpuProfiles loads the start page in a fresh browser context with the
// first network profile and records two CPU profiles: the load until the
// app is ready, and the latency clicks. It writes them to dir.
func (b *bench) cpuProfiles(ctx context.Context, dir string, names wasmNames) ([]CPUSummary, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	p := b.opts.Profiles[0]
	t, tctx, done, err := b.openTab(p, "")
	if err != nil {
		return nil, err
	}
	defer done()
	if _, err := chromedp.Call(tctx, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(tctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return nil, err
	}
	record := func(title, file string, work func() error) (CPUSummary, error) {
		if _, err := chromedp.Call(tctx, profiler.Start, cdp.Empty{}); err != nil {
			return CPUSummary{}, err
		}
		if err := work(); err != nil {
			return CPUSummary{}, err
		}
		res, err := chromedp.Call(tctx, profiler.Stop, cdp.Empty{})
		if err != nil {
			return CPUSummary{}, err
		}
		out, err := json.Marshal(res.Profile)
		if err != nil {
			return CPUSummary{}, err
		}
		path := filepath.Join(dir, file)
		if err := os.WriteFile(path, out, 0o644); err != nil {
			return CPUSummary{}, err
		}
		s := summarize(title, res.Profile, names, 20)
		s.File = path
		return s, nil
	}
	load, err := record(fmt.Sprintf("cold load of %s until data-app=\"ready\" (%s)", startPath, p.Name), "load.cpuprofile", func() error {
		doc, err := b.openStart(tctx, t)
		if err != nil {
			return err
		}
		_, err = t.wait(tctx, "the app to be ready", func(e probeEvent) bool { return e.Ev == "ready" && e.Origin == doc.Origin })
		return err
	})
	if err != nil {
		return nil, err
	}
	clicks, err := record(fmt.Sprintf("%d clicks alternating %s and %s once the app is ready (%s)", b.opts.Clicks, b.opts.ClickCities[0], b.opts.ClickCities[1], p.Name), "clicks.cpuprofile", func() error {
		_, err := b.clickLatency(tctx, t)
		return err
	})
	if err != nil {
		return nil, err
	}
	return []CPUSummary{load, clicks}, nil
}

// WriteCPUSummaries prints profile summaries as tables.
func WriteCPUSummaries(w io.Writer, sums []CPUSummary) error {
	var buf bytes.Buffer
	for _, s := range sums {
		fmt.Fprintf(&buf, "CPU profile: %s\n  %.0f ms sampled on the main thread; written to %s\n", s.Title, s.MS, s.File)
		fmt.Fprintf(&buf, "  %-60s %9s %6s\n", "kind of work", "ms", "share")
		for _, k := range s.Kinds {
			fmt.Fprintf(&buf, "  %-60s %9.1f %5.1f%%\n", k.Name, k.MS, 100*k.MS/s.MS)
		}
		fmt.Fprintf(&buf, "  %-60s %9s\n", "functions by self time (idle, browser work, benchmark left out)", "ms")
		for _, f := range s.Top {
			fmt.Fprintf(&buf, "  %-60s %9.1f\n", f.Name, f.MS)
		}
		buf.WriteString("\n")
	}
	_, err := w.Write(buf.Bytes())
	return err
}
