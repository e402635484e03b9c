package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
)

// sitePaths are the responses whose brotli size the site section reports.
var sitePaths = []struct{ key, path string }{
	{KeyWasmBrotli, "/web/app.wasm"},
	{KeyCityHTMLBrotli, "/city/suzhou"},
	{KeyHomeHTMLBrotli, "/"},
}

// siteSection fetches each of sitePaths from the server as a browser
// would, asking for brotli, and records the size of the body on the wire.
// A response that is not brotli gets a note (its size is still recorded).
func siteSection(ctx context.Context, base string) (Section, error) {
	s := Samples{}
	var notes []string
	for _, sp := range sitePaths {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+sp.path, nil)
		if err != nil {
			return Section{}, err
		}
		// Set explicitly, so that the transport neither asks for gzip nor
		// decompresses: the body is counted as sent.
		req.Header.Set("Accept-Encoding", "br, gzip")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return Section{}, err
		}
		n, err := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if err != nil {
			return Section{}, fmt.Errorf("reading %s: %w", sp.path, err)
		}
		if res.StatusCode != http.StatusOK {
			return Section{}, fmt.Errorf("GET %s: %s", sp.path, res.Status)
		}
		if ce := res.Header.Get("Content-Encoding"); ce != "br" {
			notes = append(notes, fmt.Sprintf("%s is served with Content-Encoding %q, not br", sp.path, ce))
		}
		s.Add(sp.key, float64(n))
	}
	sec := s.Section("site", "Built site (response bodies as served with Accept-Encoding: br)", siteFigures)
	sec.Notes = notes
	return sec, nil
}

var versionMeta = regexp.MustCompile(`<meta name="jsmap-version" content="([^"]*)"`)

// buildVersion returns the jsmap-version of the built site in dist, or "".
func buildVersion(dist string) string {
	b, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		return ""
	}
	if m := versionMeta.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

// loadAverage returns the first three fields of /proc/loadavg, or "".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	var a, c, d string
	if _, err := fmt.Sscan(string(b), &a, &c, &d); err != nil {
		return ""
	}
	return a + " " + c + " " + d
}
