// Package components holds the go-app components the map is built from, one
// per file and named after it:
//
//   - the page's parts: Masthead (with LangSwitch), ThemeChips, JiangsuMap,
//     Legend, CityList, SiteFooter (with SourceCredit, EmbedControl and
//     InstallButton), UpdateNotice, and for embeds EmbedCredit;
//   - the panel beside the map, one of: CityPanel (with ShareButton),
//     Overview (with Timeline) or NotFound;
//   - CompareView, the comparison page's body.
//
// Components are presentational. They receive what they show through
// exported fields (props) and select cities with plain links, so the URL
// stays the only state and every component works in the prerendered page
// before the WebAssembly has loaded.
//
// Each component receives what it renders, once. A component whose links
// or content depend on the page's state takes Nav, the route.State the
// page parsed from its URL (language, open city, theme, embed or not, and
// the options links keep); one that only shows text takes Lang. go-app
// re-renders a child only when one of its exported fields changed, so a
// component that does not depend on the open city must not receive it: it
// is then left alone when the reader opens another city.
//
// The interface's strings, in both languages, are in i18n.go.
package components
