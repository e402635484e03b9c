package palette

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestColours(t *testing.T) {
	value := regexp.MustCompile(`^(#[0-9a-f]{6}|rgba\(\d+, \d+, \d+, [0-9.]+\)|transparent|var\(--([a-z-]+)\))$`)
	seen := map[string]bool{}
	for _, c := range Colours {
		if seen[c.Name] {
			t.Errorf("--%s is listed twice", c.Name)
		}
		seen[c.Name] = true
		for _, v := range []string{c.Light, c.Dark} {
			m := value.FindStringSubmatch(v)
			if m == nil {
				t.Errorf("--%s: %q is not #rrggbb, rgba(…), transparent or var(--…)", c.Name, v)
				continue
			}
			if m[2] != "" && !seen[m[2]] {
				t.Errorf("--%s: %q refers to a colour not listed before it", c.Name, v)
			}
		}
	}
}

func TestRGB(t *testing.T) {
	tests := []struct {
		name    string
		r, g, b uint8
	}{
		{"bg", 0xf7, 0xf5, 0xf0},
		{"accent", 0x0f, 0x4c, 0x5c},
		{"selected", 0xc0, 0x39, 0x2b},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := RGB(tc.name)
			if c.R != tc.r || c.G != tc.g || c.B != tc.b || c.A != 0xff {
				t.Errorf("RGB(%q) = %v, want #%02x%02x%02x", tc.name, c, tc.r, tc.g, tc.b)
			}
		})
	}
	defer func() {
		if recover() == nil {
			t.Error("RGB of a var(--…) colour did not panic")
		}
	}()
	RGB("notice-bg")
}

func TestCSS(t *testing.T) {
	css := CSS()
	for _, c := range Colours {
		light, dark := "--"+c.Name+": "+c.Light+";", "--"+c.Name+": "+c.Dark+";"
		if n := strings.Count(css, light); n < 1 {
			t.Errorf("CSS has no %q", light)
		}
		if n := strings.Count(css, dark); c.Dark != c.Light && n != 2 {
			t.Errorf("CSS has %q %d times, want 2 (system dark theme and dark=true)", dark, n)
		}
	}
	for _, sel := range []string{":root {", `:root:not([data-dark="false"]) {`, `:root[data-dark="true"] {`, "color-scheme: light;", "color-scheme: dark;"} {
		if !strings.Contains(css, sel) {
			t.Errorf("CSS has no %q", sel)
		}
	}
}

// withoutPrint drops the stylesheet's @media print blocks, where white
// paper overrides the background colours.
func withoutPrint(css string) string {
	for {
		i := strings.Index(css, "@media print {")
		if i < 0 {
			return css
		}
		depth, j := 0, i
		for ; j < len(css); j++ {
			if css[j] == '{' {
				depth++
			} else if css[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		css = css[:i] + css[min(j+1, len(css)):]
	}
}

// The stylesheet holds the marker once and no colour definitions of its
// own: every custom property it uses for colour comes from here.
func TestStylesheet(t *testing.T) {
	b, err := os.ReadFile("../../web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	css := withoutPrint(string(b))
	if n := strings.Count(css, Marker); n != 1 {
		t.Errorf("web/app.css has %d palette markers, want 1", n)
	}
	for _, c := range Colours {
		if strings.Contains(css, "--"+c.Name+":") {
			t.Errorf("web/app.css defines --%s itself; it belongs in app/palette", c.Name)
		}
	}
	used := regexp.MustCompile(`var\(--([a-z-]+)\)`).FindAllStringSubmatch(css, -1)
	if len(used) == 0 {
		t.Fatal("web/app.css uses no custom property; the test reads the wrong file")
	}
	for _, m := range used {
		if _, ok := Light(m[1]); !ok && !strings.Contains(css, "--"+m[1]+":") {
			t.Errorf("web/app.css uses --%s, which neither the palette nor the stylesheet defines", m[1])
		}
	}
}
