package main

import (
	"bytes"
	"compress/gzip"
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
	const wasm = "\x00asm\x01\x00\x00\x00 wasm payload"
	for name, content := range map[string]string{
		"index.html":       "<!doctype html><title>Jiangsu map</title>\n",
		"city/suzhou.html": suzhouHTML,
		"404.html":         "<!doctype html><title>Not found</title>\n",
		"app.wasm":         wasm,
		"app.wasm.br":      "BROTLI(app.wasm)",
		"app.wasm.gz":      gzipString(t, wasm),
	} {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}

// gzipString compresses s: the server checks that a .gz sibling is whole.
func gzipString(t *testing.T, s string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := io.WriteString(zw, s); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
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
