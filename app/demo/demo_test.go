package demo

import (
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

func TestPage(t *testing.T) {
	for _, l := range data.Langs {
		t.Run(string(l), func(t *testing.T) {
			b, err := Page(l, "/news/map")
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			frame := strings.Index(page, `<iframe id="`+FrameID+`" data-jsmap src="/news/map`+route.EmbedPath(l, "")+`"`)
			if frame < 0 {
				t.Fatalf("no map iframe of the %s overview under the base path", l)
			}
			// Each step steers the map before it, with a city and theme of
			// the site, and tells what the map then shows.
			last := frame
			for _, s := range Steps {
				if s.City != "" {
					if _, ok := data.CityByID(s.City); !ok {
						t.Errorf("step of unknown city %q", s.City)
					}
				}
				if _, ok := data.ThemeByID(s.Theme); !ok {
					t.Errorf("step of unknown theme %q", s.Theme)
				}
				attr := `data-jsmap-city="` + s.City + `" data-jsmap-theme="` + string(s.Theme) + `"`
				i := strings.Index(page, attr)
				if i < last {
					t.Errorf("the section %s is missing or out of order (at %d, after %d)", attr, i, last)
				}
				last = i
				if c, ok := data.CityByID(s.City); ok && !strings.Contains(page[i:], "<h2>"+c.Name.In(l)) {
					t.Errorf("the section %s is not headed by %s", attr, c.Name.In(l))
				}
			}
			for _, want := range []string{
				`<html lang="` + l.HTMLLang() + `">`,
				"<h1>" + components.DemoTitle.In(l) + "</h1>",
				`<script src="/news/map/web/embed.js" async></script>`,
				"《看江苏万亿之城的“新”动作》",
			} {
				if !strings.Contains(page, want) {
					t.Errorf("lacks %s", want)
				}
			}
			// Chinese inside English text is marked as Chinese.
			if l == data.En && !strings.Contains(page, `<span lang="zh-Hans">《看江苏万亿之城的“新”动作》</span>`) {
				t.Error("the article's Chinese headline is not marked lang=zh-Hans")
			}
		})
	}
}
