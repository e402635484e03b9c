package components

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// node is a parsed element of rendered markup, enough to assert on
// attributes, structure and text without a full HTML parser.
type node struct {
	Tag      string
	Attrs    map[string]string
	Children []*node
	Text     string // for text nodes only (Tag == "")
}

// attr returns an attribute and whether it is present. go-app prints an
// attribute whose value is "true" (or "") without a value; such a bare
// attribute reads as "true" here.
func (n *node) attr(name string) (string, bool) {
	v, ok := n.Attrs[name]
	return v, ok
}

// text is the concatenated text content of n, like the DOM's textContent.
func (n *node) text() string {
	if n.Tag == "" {
		return n.Text
	}
	var b strings.Builder
	for _, c := range n.Children {
		b.WriteString(c.text())
	}
	return b.String()
}

// findAll returns every element under n (n included) that match accepts,
// in document order.
func (n *node) findAll(match func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(e *node) {
		if e.Tag == "" {
			return
		}
		if match(e) {
			out = append(out, e)
		}
		for _, c := range e.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// byTag matches elements by tag name.
func byTag(tag string) func(*node) bool {
	return func(n *node) bool { return n.Tag == tag }
}

// byAttr matches elements that carry attribute name with value value.
func byAttr(name, value string) func(*node) bool {
	return func(n *node) bool {
		v, ok := n.Attrs[name]
		return ok && v == value
	}
}

// byClass matches elements whose class (or, for SVG, data-class) list
// contains class.
func byClass(class string) func(*node) bool {
	return func(n *node) bool {
		for _, a := range []string{"class", svgClass} {
			for _, c := range strings.Fields(n.Attrs[a]) {
				if c == class {
					return true
				}
			}
		}
		return false
	}
}

// and combines matchers.
func and(ms ...func(*node) bool) func(*node) bool {
	return func(n *node) bool {
		for _, m := range ms {
			if !m(n) {
				return false
			}
		}
		return true
	}
}

// one returns the single element under n that match accepts, failing the
// test when there is not exactly one.
func one(t *testing.T, n *node, what string, match func(*node) bool) *node {
	t.Helper()
	got := n.findAll(match)
	if len(got) != 1 {
		t.Fatalf("found %d elements for %s, want 1", len(got), what)
	}
	return got[0]
}

// mountHTML mounts ui with go-app's server tester and returns the markup
// go-app prints for it (the same printer that prerenders pages).
func mountHTML(t *testing.T, ui goapp.UI) string {
	t.Helper()
	d := goapp.NewServerTester(ui)
	defer d.Close()
	var b strings.Builder
	goapp.PrintHTML(&b, ui)
	return b.String()
}

// render mounts ui and parses the markup into a tree.
func render(t *testing.T, ui goapp.UI) *node {
	t.Helper()
	markup := mountHTML(t, ui)
	root, err := parse(markup)
	if err != nil {
		t.Fatalf("parsing the rendered markup: %v\n%s", err, markup)
	}
	return root
}

// parse reads go-app's markup with encoding/xml in its lenient mode, which
// accepts the bare attributes go-app prints.
func parse(markup string) (*node, error) {
	d := xml.NewDecoder(strings.NewReader(markup))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	doc := &node{Tag: "#document"}
	stack := []*node{doc}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{Tag: tok.Name.Local, Attrs: map[string]string{}}
			for _, a := range tok.Attr {
				name := a.Name.Local
				if a.Name.Space != "" && a.Name.Space != "xmlns" {
					name = a.Name.Space + ":" + name
				}
				v := a.Value
				if v == a.Name.Local {
					// A bare attribute (lenient mode gives it its own
					// name as value): go-app prints "true" that way.
					v = "true"
				}
				n.Attrs[name] = v
			}
			top.Children = append(top.Children, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 1 {
				return nil, errors.New("unbalanced end tag " + tok.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			// go-app's printer puts each of several children on its own
			// line; those newlines are layout, not content (no content
			// string holds a newline), so the text reads as the DOM built
			// by the client does.
			if s := strings.ReplaceAll(string(tok), "\n", ""); s != "" {
				top.Children = append(top.Children, &node{Text: s})
			}
		}
	}
	if len(stack) != 1 {
		return nil, errors.New("unclosed element " + stack[len(stack)-1].Tag)
	}
	var elems []*node
	for _, c := range doc.Children {
		if c.Tag != "" {
			elems = append(elems, c)
		}
	}
	if len(elems) != 1 {
		return nil, errors.New("markup does not have exactly one root element")
	}
	return elems[0], nil
}

// TestMain runs the tests at the site root: links depend on the base path
// go-app publishes in GOAPP_ROOT_PREFIX, and tests that need a base path set
// it themselves with t.Setenv.
func TestMain(m *testing.M) {
	os.Unsetenv("GOAPP_ROOT_PREFIX")
	os.Exit(m.Run())
}

func TestParseHelper(t *testing.T) {
	root, err := parse(`<div class="a b" aria-hidden><p>x &amp; <em>y</em></p><svg xmlns="http://www.w3.org/2000/svg" data-class="map"><a href="/z">z</a></svg></div>`)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := root.attr("aria-hidden"); !ok || got != "true" {
		t.Errorf("bare aria-hidden = %q, %v; want \"true\", true", got, ok)
	}
	if got, want := root.text(), "x & yz"; got != want {
		t.Errorf("text() = %q, want %q", got, want)
	}
	if got := len(root.findAll(byClass("b"))); got != 1 {
		t.Errorf("byClass(b) found %d, want 1", got)
	}
	if got := len(root.findAll(byClass("map"))); got != 1 {
		t.Errorf("byClass(map) via data-class found %d, want 1", got)
	}
	if got := len(root.findAll(and(byTag("a"), byAttr("href", "/z")))); got != 1 {
		t.Errorf("a[href=/z] found %d, want 1", got)
	}
}
