package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// suzhouHTML is the body of the test site's /city/suzhou.
const suzhouHTML = "<!doctype html><title>Suzhou</title>\n"

// newSite writes a small built site to a temporary directory and returns
// its path: enough for the main's tests, whose handler is tested in
// app/server.
func newSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dist")
	for name, content := range map[string]string{
		"index.html":       "<!doctype html><title>Jiangsu map</title>\n",
		"city/suzhou.html": suzhouHTML,
		"404.html":         "<!doctype html><title>Not found</title>\n",
		"app.wasm":         "\x00asm\x01\x00\x00\x00 wasm payload",
		"app.wasm.br":      "BROTLI(app.wasm)",
		"app.wasm.gz":      "GZIP(app.wasm)",
	} {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
