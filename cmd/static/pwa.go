package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/jiangsu-map/jsmap/app"
	"github.com/jiangsu-map/jsmap/data"
)

// writeManifests replaces go-app's manifest with ours, one per language.
func writeManifests(out, base string) error {
	for _, l := range data.Langs {
		dst := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(app.ManifestPath(l), "/")))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, app.Manifest(l, base), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// goappFiles are the files go-app generates from the Handler settings; a
// change to any of them must reach readers as a new version.
var goappFiles = []string{"/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest"}

// buildVersion derives the service-worker version from everything a build
// serves: the hash of web/ (the wasm, styles, icons) and go-app's generated
// files as the Handler settings make them (rendered once with a
// placeholder version). Identical inputs give an identical version, and a
// change to the settings, the worker template or go-app itself gives a new
// one. Pages are not hashed: go-app prints attributes in random order, and
// their content comes from the wasm, which is hashed.
func buildVersion(base, webHash string) (string, error) {
	const placeholder = "version-placeholder"
	h := app.Handler(base, placeholder)
	sum := sha256.New()
	fmt.Fprintf(sum, "web\x00%s\x00", webHash)
	for _, p := range goappFiles {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		if rec.Code != 200 {
			return "", fmt.Errorf("go-app's %s: status %d", p, rec.Code)
		}
		body := strings.ReplaceAll(rec.Body.String(), placeholder, "")
		fmt.Fprintf(sum, "%s\x00%d\x00%s", p, len(body), body)
	}
	for _, sp := range scriptPatches {
		for _, p := range sp.patches {
			fmt.Fprintf(sum, "patch\x00%s\x00%s\x00%s\x00", sp.file, p.old, p.new)
		}
	}
	for _, l := range data.Langs {
		fmt.Fprintf(sum, "manifest\x00%s\x00", app.Manifest(l, base))
	}
	return hex.EncodeToString(sum.Sum(nil))[:12], nil
}
