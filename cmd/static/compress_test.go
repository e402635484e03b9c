package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// decompressed reads a .br or .gz file back to its original bytes.
func decompressed(t *testing.T, file string) []byte {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader
	switch filepath.Ext(file) {
	case ".br":
		r = brotli.NewReader(f)
	case ".gz":
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		defer zr.Close()
		r = zr
	default:
		t.Fatalf("%s is not compressed", file)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decompressing %s: %v", file, err)
	}
	return b
}

func TestCompressTree(t *testing.T) {
	big := strings.Repeat("<p>江苏新质生产力地图 Jiangsu map</p>\n", 200)
	files := map[string]string{
		"index.html":        big,
		"en/city/wuxi.html": big + "wuxi",
		"app.js":            strings.Repeat("console.log(1);", 100),
		"web/app.css":       strings.Repeat("body { margin: 0 }\n", 100),
		"web/app.wasm":      strings.Repeat("\x00asm\x01\x00\x00\x00", 200),
		"web/APP.SVG":       strings.Repeat("<svg></svg>", 100), // extensions match case-insensitively
		"web/icons/a.png":   big,                                // not compressible
		"tiny.txt":          "a",                                // does not shrink
	}
	tests := []struct {
		file       string
		compressed bool
	}{
		{"index.html", true},
		{"en/city/wuxi.html", true},
		{"app.js", true},
		{"web/app.css", true},
		{"web/app.wasm", true},
		{"web/APP.SVG", true},
		{"web/icons/a.png", false},
		{"tiny.txt", false},
	}
	dir := t.TempDir()
	writeTree(t, dir, files)
	n, err := compressTree(dir)
	if err != nil {
		t.Fatalf("compressTree: %v", err)
	}
	want := 0
	for _, tc := range tests {
		if tc.compressed {
			want++
		}
	}
	if n != want {
		t.Errorf("compressTree compressed %d files, want %d", n, want)
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			raw := []byte(files[tc.file])
			for _, ext := range []string{".br", ".gz"} {
				p := filepath.Join(dir, filepath.FromSlash(tc.file)) + ext
				_, err := os.Stat(p)
				if !tc.compressed {
					if err == nil {
						t.Errorf("%s%s exists, want none", tc.file, ext)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s%s: %v", tc.file, ext, err)
				}
				got := decompressed(t, p)
				if !bytes.Equal(got, raw) {
					t.Errorf("%s%s decompresses to %d bytes that differ from the %d-byte original", tc.file, ext, len(got), len(raw))
				}
			}
		})
	}

	t.Run("second run", func(t *testing.T) {
		// Compressed siblings are not compressed again.
		n, err := compressTree(dir)
		if err != nil {
			t.Fatalf("compressTree: %v", err)
		}
		if n != want {
			t.Errorf("second run compressed %d files, want %d", n, want)
		}
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			name := d.Name()
			if strings.Contains(name, ".br.") || strings.Contains(name, ".gz.") {
				t.Errorf("%s: a compressed file was compressed again", p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestEncodersRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"text", []byte(strings.Repeat("苏州 Suzhou ", 50))},
		{"binary", bytes.Repeat([]byte{0, 1, 2, 255}, 300)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			br, err := encodeBrotli(tc.in)
			if err != nil {
				t.Fatalf("encodeBrotli: %v", err)
			}
			gz, err := encodeGzip(tc.in)
			if err != nil {
				t.Fatalf("encodeGzip: %v", err)
			}
			writeTree(t, dir, map[string]string{"f.br": string(br), "f.gz": string(gz)})
			for _, f := range []string{"f.br", "f.gz"} {
				if got := decompressed(t, filepath.Join(dir, f)); !bytes.Equal(got, tc.in) {
					t.Errorf("%s: got %d bytes back, want the %d-byte input", f, len(got), len(tc.in))
				}
			}
		})
	}
}
