package route

import (
	"fmt"
	"html"

	"github.com/jiangsu-map/jsmap/data"
)

// EmbedSnippet is the HTML an editor pastes into an article to embed the
// map: an iframe of the embed page of city ("" for the overview) in
// language l, and the host script that sizes it. site is the site's origin
// and base path, like "https://news.example.com/maps/jiangsu".
func EmbedSnippet(site string, l data.Lang, city, title string, height int) string {
	return fmt.Sprintf("<iframe data-jsmap src=%q title=%q width=%q height=%q style=%q loading=%q></iframe>\n<script src=%q async></script>",
		html.EscapeString(site+EmbedPath(l, city)),
		html.EscapeString(title),
		"100%", fmt.Sprint(height), "border:0;width:100%", "lazy",
		html.EscapeString(site+"/web/embed.js"))
}
