package route

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/data"
)

// pageOptions is what web/page.js's readOptions returns.
type pageOptions struct {
	Dark     string  `json:"dark"`
	IsStatic bool    `json:"isStatic"`
	ChildID  *string `json:"childId"`
}

// TestPageJSOptions runs one table of query strings through ParseURL and
// through web/page.js's readOptions (with Node): the page script, which
// runs before and without the WebAssembly, must read dark, static and
// childId exactly as the app does. (page.js reads no other option.)
func TestPageJSOptions(t *testing.T) {
	long := strings.Repeat("a", MaxChildIDLen)
	queries := []string{
		"",
		"dark=true", "dark=TRUE", "dark=False", "dark=auto", "dark=AUTO", "dark=yes", "dark=", "dark",
		"dark=true&dark=false", "dark=%zz&dark=true", "dark=%FF&dark=true", "dark=true%",
		"%64ark=true", "dark=tr%75e", "dark=TR%55E", "dark=true;static=1", "dark=true+", "dark=+true",
		"&&dark=false&&", "dark=%E4%B8%AD",
		"static=1", "static=TRUE", "static=True", "static=true", "static=0", "static=yes", "static=",
		"static", "static=1&static=0", "static=0&static=1", "static=%31", "static=1;", "Static=1",
		"childId=abc_-9", "childId=a%20b", "childId=a+b", "childId=" + long, "childId=" + long + "a",
		"childId=x&childId=y", "childId=&childId=y", "childId=%3Cscript%3E", "childId=%78",
		"childid=x", "theme=green&dark=true&static=1&childId=pym-1",
		"__proto__=1&dark=false", "toString=1&static=1", "constructor=x&childId=c",
		"dark=true&lang=en", "a=%zz;&static=TRUE",
	}
	var got []pageOptions
	runPageJS(t, []string{"readOptions(search)"}, `queries.map((q) => readOptions(q === "" ? "" : "?" + q))`, "queries", queries, &got)
	if len(got) != len(queries) {
		t.Fatalf("got %d results, want %d", len(got), len(queries))
	}
	for i, q := range queries {
		s := ParseURL(&url.URL{Path: "/", RawQuery: q})
		js := got[i]
		childID := ""
		if js.ChildID != nil {
			childID = *js.ChildID
		}
		if js.Dark != s.Dark || js.IsStatic != s.Static || childID != s.ChildID {
			t.Errorf("?%s: page.js read dark %q, static %v, childId %q; ParseURL dark %q, static %v, childId %q",
				q, js.Dark, js.IsStatic, childID, s.Dark, s.Static, s.ChildID)
		}
	}
	// The table must exercise every option both ways.
	var dark, static, child int
	for _, q := range queries {
		s := ParseURL(&url.URL{Path: "/", RawQuery: q})
		if s.Dark != DarkAuto {
			dark++
		}
		if s.Static {
			static++
		}
		if s.ChildID != "" {
			child++
		}
	}
	if dark < 5 || static < 5 || child < 5 {
		t.Errorf("the table sets dark %d, static %d, childId %d times; want at least 5 each", dark, static, child)
	}
}

// runPageJS runs functions of web/page.js (named by their signatures,
// like "readOptions(search)") with Node: the JavaScript expression expr,
// which sees in as the variable name, gives the JSON decoded into out. It
// skips the test when Node is missing.
func runPageJS(t *testing.T, functions []string, expr, name string, in, out any) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("Node.js is not installed: this test runs functions of web/page.js with it (make test's CI installs it)")
	}
	src, err := os.ReadFile("../../web/page.js")
	if err != nil {
		t.Fatal(err)
	}
	var script strings.Builder
	for _, f := range functions {
		script.WriteString(jsFunction(t, string(src), "function "+f+" {") + "\n")
	}
	script.WriteString("const " + name + ` = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(` + expr + `));
`)
	stdin, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "-e", script.String())
	cmd.Stdin = strings.NewReader(string(stdin))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("node printed %q: %v", b, err)
	}
}

// jsFunction cuts the function that starts with head out of JavaScript
// source, up to its matching closing brace.
func jsFunction(t *testing.T, src, head string) string {
	t.Helper()
	start := strings.Index(src, head)
	if start < 0 {
		t.Fatalf("web/page.js has no %q", head)
	}
	depth := 0
	for i := start; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return src[start : i+1]
			}
		}
	}
	t.Fatalf("web/page.js: %q is not closed", head)
	return ""
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// pageState is what web/page.js's pageState returns.
type pageState struct {
	Base  string `json:"base"`
	Lang  string `json:"lang"`
	Embed bool   `json:"embed"`
	City  string `json:"city"`
	Theme string `json:"theme"`
}

// TestPageJSState runs one table of URLs through Parse and through
// web/page.js's pageState (with Node), under the site's root and under a
// base path: the page script, which builds the address a host page's
// request (jsmap:select) opens, must read the language, the kind of page,
// the city and the theme as the app does.
func TestPageJSState(t *testing.T) {
	var themes []string
	for _, th := range data.Themes() {
		themes = append(themes, string(th.ID))
	}
	urls := []string{
		"/", "/en/", "/en", "/city/suzhou", "/city/suzhou/", "/en/city/yancheng", "/en/city/yancheng/",
		"/embed/", "/embed", "/embed/city/wuxi", "/en/embed/", "/en/embed", "/en/embed/city/nanjing/",
		"/city/suzhou?theme=computing", "/embed/city/suzhou?theme=green&static=1", "/en/embed/?theme=TEleportation",
		"/en/?theme=low-altitude&theme=green", "/embed/?theme=", "/embed/city/xuzhou?dark=true&theme=clusters&childId=a",
		"/?theme=%63omputing", "/embed/?theme=computing;x", "/city/huaian?theme=learning%", "/en/city/huaian?theme=learning",
	}
	type sample struct {
		Path, Search string
	}
	var in []sample
	for _, base := range []string{"", "/news/jiangsu-map"} {
		for _, u := range urls {
			p, q, _ := strings.Cut(u, "?")
			if q != "" {
				q = "?" + q
			}
			in = append(in, sample{base + p, q})
		}
	}
	var got []pageState
	runPageJS(t, []string{"readOptions(search)", "pageState(path, search, themes)"}, `input[0].map((s) => pageState(s.Path, s.Search, input[1]))`, "input", []any{in, themes}, &got)
	if len(got) != len(in) {
		t.Fatalf("got %d results, want %d", len(got), len(in))
	}
	for i, s := range in {
		base := ""
		if strings.HasPrefix(s.Path, "/news/") {
			base = "/news/jiangsu-map"
		}
		st := ParseURL(&url.URL{Path: strings.TrimPrefix(s.Path, base), RawQuery: strings.TrimPrefix(s.Search, "?")})
		if st.NotFound {
			t.Fatalf("%s%s: not a page of the site; the table holds pages only", s.Path, s.Search)
		}
		want := pageState{Base: base, Lang: string(st.Lang), Embed: st.Embed, City: st.City, Theme: st.Theme}
		if got[i] != want {
			t.Errorf("%s%s: page.js read %+v, Parse %+v", s.Path, s.Search, got[i], want)
		}
	}
}
