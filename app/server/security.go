package server

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// referrerPolicy sends only the origin to other sites, and nothing when
// going from https to http.
const referrerPolicy = "strict-origin-when-cross-origin"

// headerField is one response header, its name in canonical form.
type headerField struct {
	name   string
	values []string
}

// securityHeaders lists the headers every response carries, the error
// replies net/http writes by itself included (see securedListener). The
// value slices are shared: callers must not change them.
func securityHeaders(csp string) [4]headerField {
	return [4]headerField{
		{"X-Content-Type-Options", nosniff},
		{"Referrer-Policy", referrerPolicyValue},
		// Embedding is governed by the policy's frame-ancestors alone.
		// There is deliberately no X-Frame-Options: news sites embed the
		// pages.
		{"Content-Security-Policy", []string{csp}},
		// The app runs in sandboxed iframes whose opaque origin still has
		// to fetch app.wasm and friends.
		{"Access-Control-Allow-Origin", anyOrigin},
	}
}

var (
	nosniff             = []string{"nosniff"}
	referrerPolicyValue = []string{referrerPolicy}
	anyOrigin           = []string{"*"}
)

// defaultFrameAncestors lets any site embed the pages: news sites do, in
// plain and in sandboxed iframes.
const defaultFrameAncestors = "*"

// contentSecurityPolicy returns the policy sent with every response. It
// allows exactly what the prerendered pages and the go-app runtime use:
//
//   - scripts only from the site itself (wasm_exec.js, app.js, the service
//     worker), no inline script and no eval, plus 'wasm-unsafe-eval' for
//     WebAssembly.instantiateStreaming;
//   - stylesheets from the site (app.css, web/app.css), no inline styles;
//   - images from the site and data: URLs; fonts from the site;
//   - fetches (the wasm, the service worker's cache), the web manifest and
//     the service worker from the site;
//   - frames of the site itself: the sample host article (/embed/demo)
//     embeds the map;
//   - nothing else: no plugins, other frames, forms, <base> or media.
//
// frameAncestors becomes the frame-ancestors directive (see
// checkFrameAncestors).
func contentSecurityPolicy(frameAncestors string) string {
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"frame-src 'self'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors " + frameAncestors,
	}, "; ")
}

// sourceExpression matches one CSP source expression that frame-ancestors
// accepts: *, 'self', a scheme such as https:, or a host such as
// https://*.example.com:443/path. It admits no ';', ',', quotes or
// white space, so a value cannot smuggle in another directive or header.
var sourceExpression = regexp.MustCompile(`^(?:\*|'self'|[A-Za-z][A-Za-z0-9+.-]*:|` +
	`(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:\*|(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::(?:[0-9]{1,5}|\*))?(?:/[A-Za-z0-9._~!$&*+=:@%/-]*)?)$`)

// checkFrameAncestors validates the -frame-ancestors flag and returns it
// normalised to single spaces. It is a space-separated list of source
// expressions, or 'none' alone to forbid embedding.
func checkFrameAncestors(v string) (string, error) {
	if i := strings.IndexFunc(v, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }); i >= 0 {
		return "", fmt.Errorf("-frame-ancestors must not contain a control character, got %q", v)
	}
	fields := strings.Fields(v)
	if len(fields) == 0 {
		return "", fmt.Errorf("-frame-ancestors must not be empty (use \"'none'\" to forbid embedding, \"*\" to allow any site)")
	}
	for _, f := range fields {
		if f == "'none'" {
			if len(fields) > 1 {
				return "", fmt.Errorf("-frame-ancestors: 'none' must stand alone, got %q", v)
			}
			continue
		}
		if !sourceExpression.MatchString(f) {
			return "", fmt.Errorf("-frame-ancestors: %q is not a CSP source expression such as *, 'self', https: or https://news.example.com", f)
		}
	}
	return strings.Join(fields, " "), nil
}
