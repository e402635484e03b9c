package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
)

func TestKindOf(t *testing.T) {
	const wasm = "wasm://wasm/0a1b2c"
	tests := []struct {
		name, url, want string
	}{
		{"(idle)", "", kindIdle},
		{"(program)", "", kindBrowser},
		{"(garbage collector)", "", kindGC},
		{"github.com_jiangsu_map_jsmap_components.__JiangsuMap_.Render", wasm, kindOurs},
		{"github.com_maxence_charriere_go_app_v9_pkg_app.__htmlElement_.mount", wasm, kindGoApp},
		{"runtime.mallocgc", wasm, kindRuntime},
		{"internal_runtime_maps.__Iter_.Next", wasm, kindRuntime},
		{"syscall_js.makeValue", wasm, kindBridge},
		{"strconv.Itoa", wasm, kindStd},
		{"wasm-function[12]", "", kindGo},
		{"wasm-function[12]", wasm, kindGo},
		{"syscall/js.valueCall", "http://127.0.0.1:1/wasm_exec.js", kindBridge},
		{"storeValue", "http://127.0.0.1:1/wasm_exec.js", kindBridge},
		{"swap", "http://127.0.0.1:1/web/page.js", kindPageJS},
		{"goappInitWebAssembly", "http://127.0.0.1:1/app.js", kindAppJS},
		{"setAttribute", "", kindDOM},
		{"f", "http://elsewhere/x.js", kindOtherJS},
		{"hit", probeURL, kindBench},
		{"", "", kindBench},
	}
	for _, tc := range tests {
		if got := kindOf(&runtime.CallFrame{FunctionName: tc.name, URL: tc.url}, tc.name); got != tc.want {
			t.Errorf("kindOf(%q, %q) = %q, want %q", tc.name, tc.url, got, tc.want)
		}
	}
}

// module assembles a wasm module from sections (id, body); id 0 bodies
// start with their name.
func module(sections ...[]byte) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range sections {
		b = append(b, s[0], byte(len(s)-1))
		b = append(b, s[1:]...)
	}
	return b
}

func nameSection(names map[byte]string) []byte {
	var fn []byte
	fn = append(fn, byte(len(names)))
	for i := byte(0); i < 255; i++ {
		if n, ok := names[i]; ok {
			fn = append(fn, i, byte(len(n)))
			fn = append(fn, n...)
		}
	}
	body := append([]byte{0, 4}, "name"...)
	body = append(body, 0, 1, 'm') // a module name subsection, skipped
	body = append(body, 1, byte(len(fn)))
	body = append(body, fn...)
	return body
}

func TestReadWasmNames(t *testing.T) {
	code := []byte{10, 3, 1, 2, 3}
	names := map[byte]string{3: "main.main", 4: "runtime.mallocgc"}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	served := write("served.wasm", module(code))
	tests := []struct {
		name    string
		named   []byte
		want    map[int]string
		wantErr string
	}{
		{"same code", module(code, nameSection(names)), map[int]string{3: "main.main", 4: "runtime.mallocgc"}, ""},
		{"other code", module([]byte{10, 3, 1, 2, 4}, nameSection(names)), nil, "not a build of the code"},
		{"no names", module(code), nil, "no name section"},
		{"not wasm", []byte("hello world"), nil, "not a WebAssembly module"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readWasmNames(write(strings.ReplaceAll(tc.name, " ", "-")+".wasm", tc.named), served)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want one saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("names %v, want %v", got, tc.want)
			}
			for i, n := range tc.want {
				if got[i] != n {
					t.Errorf("function %d: %q, want %q", i, got[i], n)
				}
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	wasm := "wasm://wasm/0a1b2c"
	p := &profiler.Profile{
		Nodes: []*profiler.ProfileNode{
			{ID: 1, CallFrame: &runtime.CallFrame{FunctionName: "(root)"}},
			{ID: 2, CallFrame: &runtime.CallFrame{FunctionName: "(idle)"}},
			{ID: 3, CallFrame: &runtime.CallFrame{FunctionName: "wasm-function[3]", URL: wasm}},
			{ID: 4, CallFrame: &runtime.CallFrame{FunctionName: "setAttribute"}},
		},
		StartTime:  100,
		EndTime:    5100,
		Samples:    []int64{3, 3, 4, 2},
		TimeDeltas: []int64{0, 1000, 2000, 500},
	}
	s := summarize("t", p, wasmNames{3: "github.com_jiangsu_map_jsmap_app.__Page_.Render"}, 10)
	if s.MS != 5 {
		t.Errorf("sampled %v ms, want 5", s.MS)
	}
	wantKinds := []share{{kindOurs, 3}, {kindIdle, 1.5}, {kindDOM, 0.5}}
	if len(s.Kinds) != len(wantKinds) {
		t.Fatalf("kinds %v, want %v", s.Kinds, wantKinds)
	}
	for i, k := range wantKinds {
		if s.Kinds[i] != k {
			t.Errorf("kind %d: %v, want %v", i, s.Kinds[i], k)
		}
	}
	wantTop := []share{{"github.com_jiangsu_map_jsmap_app.__Page_.Render", 3}, {"setAttribute", 0.5}}
	if len(s.Top) != len(wantTop) || s.Top[0] != wantTop[0] || s.Top[1] != wantTop[1] {
		t.Errorf("top %v, want %v", s.Top, wantTop)
	}
}
