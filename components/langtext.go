package components

import (
	"strings"
	"unicode"
	"unicode/utf8"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// langText renders content text. On English pages the Chinese names and
// quotations inside it are wrapped in <span lang="zh-Hans">, so screen
// readers switch voice and browsers pick a Chinese font for them.
func langText(l data.Lang, s string) []goapp.UI {
	if l != data.En {
		return []goapp.UI{goapp.Text(s)}
	}
	var out []goapp.UI
	for _, r := range splitHan(s) {
		if r.han {
			out = append(out, el("span").Lang("zh-Hans").Text(r.text))
		} else {
			out = append(out, goapp.Text(r.text))
		}
	}
	return out
}

type run struct {
	text string
	han  bool
}

// splitHan cuts s into runs of Chinese text and other text. Chinese
// punctuation (《》、，“” inside Chinese, full-width forms) joins the Chinese
// run it touches; digits, ASCII and spaces between Chinese characters stay in
// it too when Chinese follows, so “2024年专精特新” is one run.
func splitHan(s string) []run {
	var runs []run
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isHan(r2) {
					break
				}
				j += n2
			}
			runs = appendRun(runs, s[i:j], false)
			i = j
			continue
		}
		// A Chinese run: extend over Chinese and over non-Chinese stretches
		// without spaces that are followed by more Chinese.
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isHan(r2) {
				j += n2
				continue
			}
			k := j
			for k < len(s) {
				r3, n3 := utf8.DecodeRuneInString(s[k:])
				if isHan(r3) || unicode.IsSpace(r3) || r3 == '(' || r3 == ')' || r3 == ',' || r3 == ';' {
					break
				}
				k += n3
			}
			if k < len(s) {
				if r3, _ := utf8.DecodeRuneInString(s[k:]); isHan(r3) {
					j = k
					continue
				}
			}
			break
		}
		runs = appendRun(runs, s[i:j], true)
		i = j
	}
	return runs
}

func appendRun(runs []run, text string, han bool) []run {
	if text == "" {
		return runs
	}
	if len(runs) > 0 && runs[len(runs)-1].han == han {
		runs[len(runs)-1].text += text
		return runs
	}
	return append(runs, run{text: text, han: han})
}

// isHan reports whether r is a Chinese character or Chinese punctuation.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation: 、。《》「」
		(r >= 0xFF00 && r <= 0xFFEF) // full-width forms: ，（）：
}

// wordSpace is the space between two pieces of text that meet in markup
// (a label and a title, a button and its hint): a space in English, none
// in Chinese, which sets words, brackets and quotation marks without one.
func wordSpace(l data.Lang) string {
	if l == data.En {
		return " "
	}
	return ""
}

// TextRun is a run of text, Chinese or not.
type TextRun struct {
	Text string
	// Han is set for Chinese text (to be marked lang="zh-Hans" on English
	// pages).
	Han bool
}

// HanRuns cuts s into runs of Chinese text and other text, as langText
// does, for pages written outside go-app (app/demo).
func HanRuns(s string) []TextRun {
	var out []TextRun
	for _, r := range splitHan(s) {
		out = append(out, TextRun{Text: r.text, Han: r.han})
	}
	return out
}

// LangHTML is langText's markup, for pages drawn without the app (the
// story page, app/story): s HTML-escaped, its Chinese runs in
// <span lang="zh-Hans"> on English pages.
func LangHTML(l data.Lang, s string) string {
	var b strings.Builder
	for _, ui := range langText(l, s) {
		b.WriteString(canonicalHTML(goapp.HTMLString(ui)))
	}
	return b.String()
}
