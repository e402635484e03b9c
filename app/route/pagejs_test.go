package route

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
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
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("Node.js is not installed: this test runs web/page.js's option parser with it (make test's CI installs it)")
	}
	src, err := os.ReadFile("../../web/page.js")
	if err != nil {
		t.Fatal(err)
	}
	fn := jsFunction(t, string(src), "function readOptions(search) {")

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
	script := fn + `
const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(queries.map((q) => readOptions(q === "" ? "" : "?" + q))));
`
	in, err := json.Marshal(queries)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "-e", script)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	var got []pageOptions
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(queries) {
		t.Fatalf("node printed %q (%v), want %d results", out, err, len(queries))
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
