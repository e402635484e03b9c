package main

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressible lists the extensions worth precompressing.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".json": true, ".webmanifest": true,
	".svg": true, ".wasm": true, ".txt": true, ".xml": true,
	".csv": true, ".geojson": true,
}

// compressTree writes .br and .gz siblings for every compressible file under
// dir that shrinks by compressing. It returns how many files it compressed.
func compressTree(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[strings.ToLower(filepath.Ext(p))] {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		br, err := encodeBrotli(raw)
		if err != nil {
			return err
		}
		gz, err := encodeGzip(raw)
		if err != nil {
			return err
		}
		wrote := false
		for _, v := range []struct {
			ext string
			b   []byte
		}{{".br", br}, {".gz", gz}} {
			if len(v.b) >= len(raw) {
				continue // not worth serving
			}
			if err := os.WriteFile(p+v.ext, v.b, 0o644); err != nil {
				return err
			}
			wrote = true
		}
		if wrote {
			n++
		}
		return nil
	})
	return n, err
}

func encodeBrotli(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func encodeGzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
