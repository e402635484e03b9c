// Package palette holds the map's colours: the one source of the colour
// custom properties of web/app.css (cmd/static writes them into the built
// stylesheet, CSS), of the share images (app/shareimg, RGB) and of the
// manifest's theme and background colours (app).
package palette

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
)

// Colour is one CSS custom property, in the light and the dark theme. A
// value is a CSS colour: #rrggbb, rgba(…), or var(--name) of another.
type Colour struct {
	Name        string // the custom property without its leading "--"
	Light, Dark string
}

// Colours are the site's colours, in the order the stylesheet lists them.
var Colours = []Colour{
	{"bg", "#f7f5f0", "#15191b"},
	{"ink", "#1d2327", "#eef0ef"},
	{"muted", "#4d5559", "#b5bcbf"},
	{"rule", "#d8d3c8", "#3a4145"},
	{"card", "#ffffff", "#1e2427"},
	{"accent", "#0f4c5c", "#7cc4d4"},
	{"trillion", "#0f4c5c", "#1d6b7c"},
	{"trillion-dot", "#7fb7c4", "#5fb0c2"},
	{"trillion-ink", "#ffffff", "#ffffff"},
	{"aspiring", "#f2b134", "#e0a22e"},
	{"aspiring-line", "#8a5a00", "#6b4500"},
	{"aspiring-ink", "#1d2327", "#15191b"},
	{"uncovered", "#e6e2d9", "#3a4145"},
	{"uncovered-ink", "#4d5559", "#d6dbdd"},
	{"border", "#5c5650", "#c9c3b8"},
	// Region outlines: 3:1 against the region's own fill, so two
	// neighbours of the same status stay apart.
	{"stroke-trillion", "#ffffff", "#ffffff"},
	{"stroke-aspiring", "#5c3d00", "#15191b"},
	{"stroke-uncovered", "#5c5650", "#c9c3b8"},
	{"selected", "#c0392b", "#ff7a66"},
	{"focus", "#1d2327", "#ffffff"},
	// Text on an accent fill, the loader badge, the update notice.
	{"on-accent", "#ffffff", "#15191b"},
	{"loader-bg", "rgba(255, 255, 255, 0.9)", "rgba(30, 36, 39, 0.9)"},
	{"notice-bg", "var(--ink)", "var(--card)"},
	{"notice-ink", "#ffffff", "var(--ink)"},
	{"notice-border", "transparent", "var(--rule)"},
	{"notice-button-bg", "#ffffff", "var(--accent)"},
	{"notice-button-ink", "var(--ink)", "#15191b"},
}

// Light returns the light theme's value of the colour name, and whether
// there is one.
func Light(name string) (string, bool) {
	for _, c := range Colours {
		if c.Name == name {
			return c.Light, true
		}
	}
	return "", false
}

// RGB returns the light theme's colour name, which must be a #rrggbb value
// (share images are drawn in the light theme). It panics otherwise: the
// callers name colours of this table, and TestRGB checks them.
func RGB(name string) color.RGBA {
	v, ok := Light(name)
	if !ok || len(v) != 7 || v[0] != '#' {
		panic(fmt.Sprintf("palette: %q is not a #rrggbb colour of the light theme (%q)", name, v))
	}
	n, err := strconv.ParseUint(v[1:], 16, 32)
	if err != nil {
		panic(fmt.Sprintf("palette: %q: %v", name, err))
	}
	return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 0xff}
}

// Marker is the line of web/app.css that CSS's rules replace in the built
// stylesheet.
const Marker = "/* @palette: the colours, written here by cmd/static from app/palette */"

// CSS is the stylesheet's colour rules: the light theme on :root; the dark
// theme where the system asks for it unless the page says dark=false, and
// where the page says dark=true (the embed option, applied by web/page.js).
func CSS() string {
	var b strings.Builder
	block := func(selector, indent string, dark bool) {
		b.WriteString(indent + selector + " {\n")
		scheme := "light"
		for _, c := range Colours {
			v := c.Light
			if dark {
				v, scheme = c.Dark, "dark"
			}
			fmt.Fprintf(&b, "%s  --%s: %s;\n", indent, c.Name, v)
		}
		fmt.Fprintf(&b, "%s  color-scheme: %s;\n%s}\n", indent, scheme, indent)
	}
	block(":root", "", false)
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	block(`:root:not([data-dark="false"])`, "  ", true)
	b.WriteString("}\n")
	block(`:root[data-dark="true"]`, "", true)
	return b.String()
}
