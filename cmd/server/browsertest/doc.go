// Package browsertest checks cmd/server's Content-Security-Policy in
// headless Chromium against the built site: the app loads, mounts and
// navigates without a single policy violation, on its own and embedded in
// a sandboxed iframe of another origin, and -frame-ancestors is enforced.
//
// It lives apart from cmd/server so that the server's own tests and fuzz
// targets stay quick to build. The tests run when JSMAP_DIST names the
// built site, as `make test` sets it, and are skipped otherwise:
//
//	make build && JSMAP_DIST=$PWD/dist go test ./cmd/server/browsertest/
package browsertest
