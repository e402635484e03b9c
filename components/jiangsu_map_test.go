package components

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// wantPrefix is the link prefix of a language at the site root.
func wantPrefix(l data.Lang) string {
	if l == data.En {
		return "/en"
	}
	return ""
}

func TestJiangsuMapRegions(t *testing.T) {
	const wantRegions = 13 // Jiangsu's prefecture-level cities
	if got := len(data.IDs()); got != wantRegions {
		t.Fatalf("data has %d cities, want %d", got, wantRegions)
	}
	tests := []struct {
		lang     data.Lang
		selected string
	}{
		{data.Zh, ""},
		{data.En, ""},
		{data.Zh, "suzhou"},
		{data.En, "suzhou"},
		{data.Zh, "yancheng"},
		{data.En, "taizhou"},
		{data.En, "atlantis"}, // unknown ids select nothing
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%q", tc.lang, tc.selected), func(t *testing.T) {
			root := render(t, &JiangsuMap{Nav: route.State{Lang: tc.lang, City: tc.selected}})

			if got, want := root.Tag, "svg"; got != want {
				t.Fatalf("root is <%s>, want <%s>", got, want)
			}
			if got, want := root.Attrs["aria-labelledby"], "map-title map-desc"; got != want {
				t.Errorf("svg aria-labelledby = %q, want %q", got, want)
			}
			if got, want := one(t, root, "#map-title", byAttr("id", "map-title")).text(), MapTitle.In(tc.lang); got != want {
				t.Errorf("map title = %q, want %q", got, want)
			}
			if got, want := one(t, root, "#map-desc", byAttr("id", "map-desc")).text(), txtMapDesc.In(tc.lang); got != want {
				t.Errorf("map description = %q, want %q", got, want)
			}

			regions := root.findAll(and(byTag("a"), byClass("region")))
			if len(regions) != wantRegions {
				t.Fatalf("got %d region links, want %d", len(regions), wantRegions)
			}
			current := 0
			for _, c := range data.Cities() {
				r := one(t, root, "region "+c.ID, and(byTag("a"), byAttr("data-id", c.ID)))
				if got, want := r.Attrs["href"], wantPrefix(tc.lang)+"/city/"+c.ID; got != want {
					t.Errorf("%s: href = %q, want %q", c.ID, got, want)
				}
				if got, want := r.Attrs["aria-label"], RegionLabel(c, tc.lang); got != want {
					t.Errorf("%s: aria-label = %q, want %q", c.ID, got, want)
				}
				if got, want := one(t, r, c.ID+" title", byTag("title")).text(), c.Name.In(tc.lang); got != want {
					t.Errorf("%s: title = %q, want %q", c.ID, got, want)
				}
				shape, _ := data.ShapeOf(c.ID)
				if got := one(t, r, c.ID+" shape", byClass("region-shape")).Attrs["d"]; got != shape.D {
					t.Errorf("%s: region path differs from data.ShapeOf", c.ID)
				}
				if !byClass("region--" + statusClass(c.Status))(r) {
					t.Errorf("%s: data-class = %q, want it to hold region--%s", c.ID, r.Attrs[svgClass], statusClass(c.Status))
				}
				selected := c.ID == tc.selected
				cur, hasCur := r.attr("aria-current")
				switch {
				case selected && cur != "page":
					t.Errorf("%s: aria-current = %q, want \"page\"", c.ID, cur)
				case !selected && hasCur:
					t.Errorf("%s: aria-current = %q on an unselected region, want none", c.ID, cur)
				}
				if hasCur {
					current++
				}
				if got := byClass("is-selected")(r); got != selected {
					t.Errorf("%s: is-selected = %v, want %v", c.ID, got, selected)
				}
			}
			_, known := data.CityByID(tc.selected)
			if want := map[bool]int{true: 1, false: 0}[known]; current != want {
				t.Errorf("%d regions have aria-current, want %d", current, want)
			}

			highlights := root.findAll(byClass("region-highlight"))
			if !known {
				if len(highlights) != 0 {
					t.Errorf("got %d highlight paths with nothing selected, want 0", len(highlights))
				}
			} else {
				if len(highlights) != 1 {
					t.Fatalf("got %d highlight paths, want 1", len(highlights))
				}
				h := highlights[0]
				shape, _ := data.ShapeOf(tc.selected)
				if h.Tag != "path" || h.Attrs["d"] != shape.D {
					t.Errorf("highlight is <%s> with another shape, want the path of %s", h.Tag, tc.selected)
				}
				if got := h.Attrs["aria-hidden"]; got != "true" {
					t.Errorf("highlight aria-hidden = %q, want \"true\"", got)
				}
			}

			labels := root.findAll(and(byTag("text"), byClass("region-label")))
			if len(labels) != wantRegions {
				t.Errorf("got %d region labels, want %d", len(labels), wantRegions)
			}
			for _, lb := range labels {
				c, ok := data.CityByID(lb.Attrs["data-id"])
				if !ok {
					t.Errorf("label with unknown data-id %q", lb.Attrs["data-id"])
					continue
				}
				if got, want := lb.text(), c.Name.In(tc.lang); got != want {
					t.Errorf("label %s = %q, want %q", c.ID, got, want)
				}
				if lb.Attrs["aria-hidden"] != "true" {
					t.Errorf("label %s is not aria-hidden; the link already names the city", c.ID)
				}
			}
		})
	}
}

// SVG elements ignore className, so the map must style them through
// data-class only.
func TestJiangsuMapSVGHasNoClassAttribute(t *testing.T) {
	root := render(t, &JiangsuMap{Nav: route.State{Lang: data.Zh, City: "suzhou"}})
	for _, n := range root.findAll(func(n *node) bool { _, ok := n.Attrs["class"]; return ok }) {
		t.Errorf("<%s> has class=%q; SVG elements must use %s", n.Tag, n.Attrs["class"], svgClass)
	}
}

func TestJiangsuMapBasePath(t *testing.T) {
	t.Setenv("GOAPP_ROOT_PREFIX", "/news/map")
	for _, l := range data.Langs {
		t.Run(string(l), func(t *testing.T) {
			root := render(t, &JiangsuMap{Nav: route.State{Lang: l}})
			r := one(t, root, "suzhou region", and(byTag("a"), byAttr("data-id", "suzhou")))
			if got, want := r.Attrs["href"], "/news/map"+wantPrefix(l)+"/city/suzhou"; got != want {
				t.Errorf("href = %q, want %q", got, want)
			}
		})
	}
}

// Every region link must route clicks itself: go-app only intercepts clicks
// on HTML <a> elements, so an SVG link without a handler reloads the page.
func TestJiangsuMapRegionsHandleClicks(t *testing.T) {
	// svg: title, desc, svg.map-shapes (defs, g.regions, ...), ...
	const shapesChild, regionsChild = 2, 1
	for _, selected := range []string{"", "nanjing"} {
		t.Run(fmt.Sprintf("%q", selected), func(t *testing.T) {
			m := &JiangsuMap{Nav: route.State{Lang: data.En, City: selected}}
			d := goapp.NewServerTester(m)
			defer d.Close()

			if err := goapp.TestMatch(m, goapp.TestUIDescriptor{
				Path:     goapp.TestPath(0, shapesChild, regionsChild),
				Expected: svg("g").Attr(svgClass, "regions"),
			}); err != nil {
				t.Fatalf("regions group: %v", err)
			}
			for i, c := range geoOrder(data.Cities()) {
				class := "region region--" + statusClass(c.Status)
				want := svg("a").
					Attr("href", "/en/city/"+c.ID).
					Attr("data-id", c.ID).
					Aria("label", RegionLabel(c, data.En)).
					OnClick(func(goapp.Context, goapp.Event) {}).
					OnKeyDown(func(goapp.Context, goapp.Event) {})
				if c.ID == selected {
					class += " is-selected"
					want.Aria("current", "page")
				}
				want.Attr(svgClass, class)
				if err := goapp.TestMatch(m, goapp.TestUIDescriptor{
					Path:     goapp.TestPath(0, shapesChild, regionsChild, i),
					Expected: want,
				}); err != nil {
					t.Errorf("region %d (%s): %v", i, c.ID, err)
				}
			}
		})
	}
}

// TestGeoOrder pins the keyboard order: rows from north to south, west to
// east within a row.
func TestGeoOrder(t *testing.T) {
	want := []string{"xuzhou", "lianyungang", "suqian", "huaian", "yancheng", "yangzhou", "nanjing", "zhenjiang", "taizhou", "nantong", "changzhou", "wuxi", "suzhou"}
	var got []string
	for _, c := range geoOrder(data.Cities()) {
		got = append(got, c.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("geoOrder = %v, want %v", got, want)
	}
}

// The map's texts are placed in percentages of its box (JiangsuMap.Render),
// so the stylesheet must keep the box at the map's own aspect ratio, and
// turn every height limit into the matching width limit.
func TestMapStylesKeepAspectRatio(t *testing.T) {
	b, err := os.ReadFile("../web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%v / %v", data.MapWidth, data.MapHeight)
	ratios := regexp.MustCompile(`(?:aspect-ratio: |\* )(\d+ / \d+)`).FindAllStringSubmatch(string(b), -1)
	if len(ratios) == 0 {
		t.Fatal("web/app.css gives the map no aspect ratio")
	}
	for _, m := range ratios {
		if m[1] != want {
			t.Errorf("web/app.css: %q, want the map's ratio %s (data.MapWidth / data.MapHeight)", m[0], want)
		}
	}
	if regexp.MustCompile(`\[data-class~="map"\][^{]*\{[^}]*max-height`).Match(b) {
		t.Error("web/app.css limits the map's height, which breaks its aspect ratio: limit its width instead")
	}
}
