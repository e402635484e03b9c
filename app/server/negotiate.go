package server

import (
	"path"
	"slices"
	"strconv"
	"strings"
)

// acceptableEncodings parses Accept-Encoding header values (RFC 9110
// §12.5.3) and returns the codings this server can send, most preferred
// first: "br", "gzip" and "identity". Codings with q=0 are left out, except
// that "identity" is always present, last unless the header weighs it
// explicitly (or through "*"): serving the original bytes beats a 406. On
// equal q, br beats gzip, and both beat identity. No header at all means
// identity only.
func acceptableEncodings(values []string) []string {
	if len(values) == 0 {
		return []string{"identity"}
	}
	q := map[string]float64{}
	for _, v := range values {
		for item := range strings.SplitSeq(v, ",") {
			coding, weight, ok := parseCoding(item)
			if !ok {
				continue
			}
			if coding == "x-gzip" {
				coding = "gzip"
			}
			q[coding] = weight
		}
	}
	weightOf := func(coding string) float64 {
		if w, ok := q[coding]; ok {
			return w
		}
		if w, ok := q["*"]; ok {
			return w
		}
		// Includes an unmentioned identity: it stays acceptable (RFC 9110
		// §12.5.3) but ranks after every coding the client listed, and
		// is appended as the fallback below.
		return 0
	}

	type choice struct {
		coding string
		q      float64
	}
	var choices []choice
	for _, c := range []string{"br", "gzip", "identity"} {
		if w := weightOf(c); w > 0 {
			choices = append(choices, choice{c, w})
		}
	}
	slices.SortStableFunc(choices, func(a, b choice) int {
		switch {
		case a.q > b.q:
			return -1
		case a.q < b.q:
			return 1
		}
		return 0
	})
	out := make([]string, 0, 3)
	for _, c := range choices {
		out = append(out, c.coding)
	}
	if !slices.Contains(out, "identity") {
		out = append(out, "identity")
	}
	return out
}

// parseCoding parses one Accept-Encoding element such as "gzip;q=0.5". The
// coding is lower-cased; q defaults to 1. Elements that are empty or carry an
// invalid q are rejected.
func parseCoding(item string) (coding string, q float64, ok bool) {
	coding, params, _ := strings.Cut(item, ";")
	coding = strings.ToLower(strings.TrimSpace(coding))
	if coding == "" {
		return "", 0, false
	}
	q = 1
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || f < 0 || f > 1 {
			return "", 0, false
		}
		q = f
	}
	return coding, q, true
}

// cacheControl decides how long a response for the file name may be cached,
// given the request's ?v= value. Content-hashed or versioned files never
// change under their URL and are cached for a year as immutable;
// everything else (pages, the manifest, the service worker, app.js and an
// unhashed app.wasm) must be revalidated on every use. HTML and the
// service worker are always revalidated.
func cacheControl(name, version string) string {
	base := path.Base(name)
	if path.Ext(base) == ".html" || base == serviceWorker {
		return cacheRevalidate
	}
	if isHashedPath(name) || isVersionToken(version) {
		return cacheImmutable
	}
	return cacheRevalidate
}

// isHashedPath reports whether a slash-separated path has a segment with a
// dot-separated part that looks like a content hash, as in
// "app.3f2a9c1b.css" or "3f2a9c1b/app.css": at least 8 hex digits with both
// a digit and a letter, so that dates ("20240101") and words don't count.
func isHashedPath(name string) bool {
	for seg := range strings.SplitSeq(name, "/") {
		for part := range strings.SplitSeq(seg, ".") {
			if looksLikeHash(part) {
				return true
			}
		}
	}
	return false
}

func looksLikeHash(s string) bool {
	if len(s) < 8 {
		return false
	}
	var digit, letter bool
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digit = true
		case 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
			letter = true
		default:
			return false
		}
	}
	return digit && letter
}

// isVersionToken reports whether a ?v= value names a build: 8 or more hex
// digits (a hash or a numeric build stamp).
func isVersionToken(v string) bool {
	if len(v) < 8 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// commonAcceptEncodings are Accept-Encoding values browsers, crawlers and
// tools send, parsed once: acceptedCodings answers them without parsing.
var commonAcceptEncodings = func() map[string][]string {
	m := map[string][]string{}
	for _, v := range []string{
		"gzip, deflate, br, zstd", "gzip, deflate, br", "gzip, deflate", "gzip", "br",
		"br, gzip", "gzip, br", "identity", "deflate, gzip", "gzip,deflate,br", "gzip,deflate",
	} {
		m[v] = acceptableEncodings([]string{v})
	}
	return m
}()

// acceptedCodings is acceptableEncodings for a request's Accept-Encoding
// values, from commonAcceptEncodings when it holds them. The result must
// not be changed.
func acceptedCodings(values []string) []string {
	if len(values) == 1 {
		if c, ok := commonAcceptEncodings[values[0]]; ok {
			return c
		}
	}
	return acceptableEncodings(values)
}
