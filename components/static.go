package components

import (
	"sort"
	"strings"
	"sync"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// static renders a subtree that has no event handlers and no components
// inside as one piece of HTML (go-app's Raw). go-app then builds it in the
// browser with a single innerHTML, where element by element it would cross
// from Go to JavaScript for every element, attribute and text, and it
// compares it with the previous render as one string: an unchanged part
// costs nothing, a changed one is replaced whole. Links inside still open
// in the app: go-app routes every click on an <a> from the window.
//
// The markup is go-app's own (goapp.HTMLString, as in the prerendered
// pages: text escaped, attribute values quoted), made canonical so that
// the same tree always gives the same string:
//   - go-app writes attributes in map order, which changes from one render
//     to the next; they are sorted by name;
//   - go-app writes an attribute whose value is "true" bare, which for
//     aria-hidden and aria-current means "" (not set): those get ="true";
//   - go-app puts a newline between the children of an element, which a
//     browser renders as a space between inline elements ("Yanwu ( 燕舞
//     )"); the content holds no newline of its own (data.Check), so all of
//     them go.
func static(ui goapp.UI) goapp.UI {
	return goapp.Raw(canonicalHTML(goapp.HTMLString(ui)))
}

// staticByKey is static for a subtree that depends on nothing but key (say,
// the language): its markup is built once per key, and a later render of
// the same key hands go-app the very same string, which it compares in no
// time. Parts that re-render with every click but never change (the
// masthead's text) cost nothing then. The site's base path is part of
// every key, as links carry it.
func staticByKey(key string, build func() goapp.UI) goapp.UI {
	key = RootPrefix() + "\x00" + key
	staticMu.Lock()
	m, ok := staticMarkup[key]
	staticMu.Unlock()
	if !ok {
		m = canonicalHTML(goapp.HTMLString(build()))
		staticMu.Lock()
		staticMarkup[key] = m
		staticMu.Unlock()
	}
	return goapp.Raw(m)
}

// staticMarkup holds staticByKey's markup by key. Prerendering may render
// pages concurrently. (A map and a mutex: sync.Map would add 10 KB to the
// WebAssembly.)
var (
	staticMu     sync.Mutex
	staticMarkup = map[string]string{}
)

// canonicalHTML sorts the attributes of every start tag of go-app's markup
// m by name and drops its newlines. In go-app's markup every '<' starts a
// tag (text is escaped), and attribute values are Go-quoted strings.
func canonicalHTML(m string) string {
	m = strings.ReplaceAll(m, "\n", "")
	var b strings.Builder
	b.Grow(len(m))
	for {
		i := strings.IndexByte(m, '<')
		if i < 0 {
			b.WriteString(m)
			return b.String()
		}
		b.WriteString(m[:i])
		m = m[i:]
		n := startTag(&b, m)
		m = m[n:]
	}
}

// startTag writes the tag at the start of m (which starts with '<') with
// sorted attributes, and returns its length. End tags and anything it
// cannot read are written as they are.
func startTag(b *strings.Builder, m string) int {
	end := len(m)
	name := 1
	for name < len(m) && m[name] != ' ' && m[name] != '>' {
		name++
	}
	if m[1] == '/' || name == len(m) || m[name] == '>' {
		if k := strings.IndexByte(m, '>'); k >= 0 {
			end = k + 1
		}
		b.WriteString(m[:end])
		return end
	}
	var attrs []string
	i := name
	for i < len(m) && m[i] == ' ' {
		j := i + 1
		for j < len(m) && m[j] != '=' && m[j] != ' ' && m[j] != '>' {
			j++
		}
		if j < len(m) && m[j] == '=' && j+1 < len(m) && m[j+1] == '"' {
			j += 2
			for j < len(m) && m[j] != '"' {
				if m[j] == '\\' {
					j++
				}
				j++
			}
			j++ // the closing quote
		}
		if j > len(m) {
			break
		}
		a := m[i:j]
		if strings.HasPrefix(a, " aria-") && !strings.Contains(a, "=") {
			a += `="true"`
		}
		attrs = append(attrs, a)
		i = j
	}
	if i >= len(m) || m[i] != '>' {
		// Not go-app's markup: leave it alone.
		k := strings.IndexByte(m, '>')
		if k < 0 {
			k = len(m) - 1
		}
		b.WriteString(m[:k+1])
		return k + 1
	}
	sort.Strings(attrs)
	b.WriteString(m[:name])
	for _, a := range attrs {
		b.WriteString(a)
	}
	b.WriteByte('>')
	return i + 1
}
