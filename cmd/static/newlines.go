package main

import (
	"fmt"
	"strings"
)

// keepText lists the elements whose text is shown as written (or is not
// HTML): their newlines are content, not layout.
var keepText = []string{"textarea", "pre", "script", "style"}

// dropNewlines removes the newlines go-app's printer puts between the
// children of an element from the page's body. A browser renders each as a
// space where inline elements meet text ("Yanwu ( 燕舞 )", a space between
// two Chinese characters), while the app, which builds the same tree
// node by node, has none: without them the first paint shows the text the
// app shows. Text holds no newline of its own (data.Check), except inside
// the elements of keepText, which are left as they are.
func dropNewlines(html string) (string, error) {
	start := strings.Index(html, "<body")
	end := strings.LastIndex(html, "</body>")
	if start < 0 || end < start {
		return "", fmt.Errorf("no <body> … </body>")
	}
	var b strings.Builder
	b.Grow(len(html))
	b.WriteString(html[:start])
	body := html[start:end]
	for {
		i, name := nextKept(body)
		if i < 0 {
			b.WriteString(strings.ReplaceAll(body, "\n", ""))
			break
		}
		b.WriteString(strings.ReplaceAll(body[:i], "\n", ""))
		body = body[i:]
		closing := "</" + name + ">"
		j := strings.Index(body, closing)
		if j < 0 {
			return "", fmt.Errorf("<%s> without %s", name, closing)
		}
		j += len(closing)
		b.WriteString(body[:j])
		body = body[j:]
	}
	b.WriteString(html[end:])
	return b.String(), nil
}

// nextKept finds the first start tag of a keepText element in s: its
// index and name, or -1.
func nextKept(s string) (int, string) {
	first, name := -1, ""
	for _, n := range keepText {
		for from := 0; ; {
			i := strings.Index(s[from:], "<"+n)
			if i < 0 {
				break
			}
			i += from
			// "<pre" must not match "<prefix-element".
			if k := i + 1 + len(n); k < len(s) && (s[k] == '>' || s[k] == ' ') {
				if first < 0 || i < first {
					first, name = i, n
				}
				break
			}
			from = i + 1
		}
	}
	return first, name
}
