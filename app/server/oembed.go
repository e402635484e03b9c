package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jiangsu-map/jsmap/app/oembed"
	"github.com/jiangsu-map/jsmap/app/route"
)

// The live oEmbed endpoint (app/oembed): /oembed?url=PAGE&maxwidth=W&
// maxheight=H&format=json answers the page's response at a size within
// the limits asked. It never fetches anything: the URL is mapped through
// app/route to a page of the snapshot, whose static response (written by
// cmd/static) gives the title, provider and thumbnail. The static
// responses' own addresses, which the pages' discovery links name, answer
// the same way when a consumer adds a query (WordPress adds maxwidth,
// maxheight, url and format), and as the files they are without one.
// Pages with a response carry a Link header naming the endpoint.

// oembedSite is what the snapshot knows about its oEmbed responses.
type oembedSite struct {
	// site is the origin and base path the build wrote into its
	// responses, as "https://news.example.com/maps"; without an origin
	// (a build without ORIGIN) only the base path, and the origin a
	// request came to stands in.
	site string
	// pages holds the static response of every page that has one, by
	// the page's path (as app/route writes it).
	pages map[string]*oembedPage
}

// oembedPage is one page's static response.
type oembedPage struct {
	resp    oembed.Response
	modTime time.Time
}

// readOEmbed collects the site's static oEmbed responses from bodies and
// marks their files (and the pages they describe, with a Link header).
func (s *snapshot) readOEmbed(bodies map[string][]byte) {
	s.oembed.pages = map[string]*oembedPage{}
	names := make([]string, 0, 64)
	for name := range s.files {
		if _, ok := oembed.PagePath(name); ok {
			names = append(names, name)
		}
	}
	slices.Sort(names) // the same site whatever the map order
	for _, name := range names {
		p, _ := oembed.PagePath(name)
		var resp oembed.Response
		if json.Unmarshal(bodies[name], &resp) != nil || resp.Type != "rich" {
			continue
		}
		st := route.Parse(p)
		if st.NotFound || st.Embed || st.Path() != p {
			continue
		}
		site, ok := strings.CutSuffix(resp.ProviderURL, route.Path(st.Lang, ""))
		if !ok {
			continue
		}
		if len(s.oembed.pages) == 0 {
			s.oembed.site = site
		} else if site != s.oembed.site {
			continue // not of this site
		}
		s.oembed.pages[p] = &oembedPage{resp: resp, modTime: s.files[name].modTime}
		s.files[name].oembedPage = p
	}
	if !isAbsolute(s.oembed.site) {
		return
	}
	for p := range s.oembed.pages {
		if f, ok := s.resolve(p); ok && f != nil && strings.HasSuffix(f.name, ".html") {
			f.link = []string{"<" + s.oembed.site + oembed.Endpoint + "?url=" + url.QueryEscape(s.oembed.site+p) + `&format=json>; rel="alternate"; type="application/json+oembed"`}
		}
	}
}

// isAbsolute reports whether site starts with an http or https origin.
func isAbsolute(site string) bool {
	return strings.HasPrefix(site, "https://") || strings.HasPrefix(site, "http://")
}

var jsonType = []string{"application/json"}

// serveOEmbed answers the oEmbed endpoint, for the page at pagePath or,
// when it is "", the page the url parameter names.
func (h *handler) serveOEmbed(w http.ResponseWriter, r *http.Request, snap *snapshot, pagePath string) {
	q, _ := url.ParseQuery(r.URL.RawQuery) // lenient, like app/route
	if f := q.Get("format"); f != "" && !strings.EqualFold(f, "json") {
		http.Error(w, "501 not implemented: only format=json", http.StatusNotImplemented)
		return
	}
	site := snap.oembed.site
	if !isAbsolute(site) {
		origin, ok := requestOrigin(r)
		if !ok {
			http.Error(w, "404 page not found", http.StatusNotFound)
			return
		}
		site = origin + site
	}
	var s route.State
	if pagePath != "" {
		// The static response's address names the page; a url
		// naming the same page brings its display options.
		s = route.Parse(pagePath)
		if named, ok := pageOf(q.Get("url"), site); ok && named.Path() == pagePath {
			s = named
		}
	} else {
		raw := q.Get("url")
		if raw == "" {
			http.Error(w, "400 bad request: the url parameter is missing", http.StatusBadRequest)
			return
		}
		var ok bool
		if s, ok = pageOf(raw, site); !ok {
			http.Error(w, "404 page not found: not a page of this site", http.StatusNotFound)
			return
		}
	}
	page := s
	page.Embed = false
	pg := snap.oembed.pages[page.Path()]
	if pg == nil {
		http.Error(w, "404 page not found: not a page of this site", http.StatusNotFound)
		return
	}
	width, height := oembed.Fit(dimension(q, "maxwidth"), dimension(q, "maxheight"))
	// The display options of the URL (theme, colour scheme, static)
	// follow the page into the frame.
	opts := route.State{Theme: s.Theme, Dark: s.Dark, Static: s.Static}.Query()
	if opts != "" {
		opts = "?" + opts
	}
	resp := pg.resp
	resp.HTML = oembed.HTML(site+page.Path()+opts, site+route.EmbedPath(s.Lang, s.City)+opts, resp.Title, width, height)
	resp.Width, resp.Height = width, height
	resp.ProviderURL = site + route.Path(s.Lang, "")
	if !isAbsolute(resp.ThumbnailURL) && strings.HasPrefix(resp.ThumbnailURL, "/") {
		origin, _ := requestOrigin(r)
		resp.ThumbnailURL = origin + resp.ThumbnailURL
	}
	body, err := json.Marshal(resp)
	if err != nil {
		h.errorLog.Printf("oEmbed %s: %v", r.URL, err)
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	body = append(body, '\n')
	sum := sha256.Sum256(body)
	hdr := w.Header()
	hdr["Content-Type"] = jsonType
	hdr["Cache-Control"] = noCache
	hdr["Etag"] = []string{`"` + hex.EncodeToString(sum[:12]) + `"`}
	// Preconditions, ranges and HEAD: net/http's implementation.
	http.ServeContent(w, r, "", pg.modTime, bytes.NewReader(body))
}

// dimension reads a positive size parameter; anything else is no limit.
func dimension(q url.Values, name string) int {
	n, err := strconv.Atoi(q.Get(name))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// pageOf maps a URL to the page of the site (an origin and base path) it
// names; ok is false for a URL of another site or no page.
func pageOf(raw, site string) (s route.State, ok bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.User != nil {
		return s, false
	}
	su, err := url.Parse(site)
	if err != nil || !strings.EqualFold(u.Scheme, su.Scheme) || !sameHost(u, su) {
		return s, false
	}
	p, ok := strings.CutPrefix(u.Path, su.Path)
	if !ok || p != "" && p[0] != '/' {
		return s, false
	}
	if p == "" {
		p = "/"
	}
	s = route.ParseURL(&url.URL{Path: p, RawQuery: u.RawQuery})
	return s, !s.NotFound
}

// sameHost compares the hosts and ports of two URLs of the same scheme,
// a missing port being the scheme's own.
func sameHost(a, b *url.URL) bool {
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		if strings.EqualFold(u.Scheme, "https") {
			return "443"
		}
		return "80"
	}
	return strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

// requestOrigin is the origin a request came to, for a site built without
// one.
func requestOrigin(r *http.Request) (string, bool) {
	if r.Host == "" || strings.ContainsAny(r.Host, "/\\@ \"<>") {
		return "", false
	}
	if r.TLS != nil {
		return "https://" + r.Host, true
	}
	return "http://" + r.Host, true
}
