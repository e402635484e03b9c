package main

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
)

func TestFileName(t *testing.T) {
	tests := []struct {
		page  string
		width int
		want  string
	}{
		{"/", 390, "index-390.png"},
		{"/en/", 1280, "en-1280.png"},
		{"/en/city/yancheng", 390, "en-city-yancheng-390.png"},
		{"/embed/demo#suzhou", 1280, "embed-demo-suzhou-1280.png"},
		{"/city/suzhou?theme=computing&static=1", 320, "city-suzhou-theme-computing-static-1-320.png"},
	}
	for _, tt := range tests {
		if got := fileName(tt.page, tt.width); got != tt.want {
			t.Errorf("fileName(%q, %d) = %q, want %q", tt.page, tt.width, got, tt.want)
		}
	}
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		args      []string
		wantPages []string
		wantW     []int
		wantUsage bool
	}{
		{nil, defaultPages, []int{390, 1280}, false},
		{[]string{"-pages", " /a , /b#x ", "-widths", "320"}, []string{"/a", "/b#x"}, []int{320}, false},
		{[]string{"-pages", "city/suzhou"}, nil, nil, true},
		{[]string{"-widths", "wide"}, nil, nil, true},
		{[]string{"-widths", "100"}, nil, nil, true},
		{[]string{"-pages", ","}, nil, nil, true},
		{[]string{"extra"}, nil, nil, true},
		{[]string{"-nope"}, nil, nil, true},
	}
	for _, tt := range tests {
		c, err := parseFlags(tt.args, io.Discard)
		if tt.wantUsage {
			if !errors.As(err, new(*cli.UsageError)) {
				t.Errorf("parseFlags(%q): err = %v, want a usage error", tt.args, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseFlags(%q): %v", tt.args, err)
			continue
		}
		if strings.Join(c.pages, " ") != strings.Join(tt.wantPages, " ") || len(c.widths) != len(tt.wantW) || c.widths[0] != tt.wantW[0] {
			t.Errorf("parseFlags(%q) = pages %q widths %v, want %q %v", tt.args, c.pages, c.widths, tt.wantPages, tt.wantW)
		}
	}
}

// TestShoot shoots a phone screen and a full desktop page of the built
// site and checks the files are PNGs of the sizes asked for.
func TestShoot(t *testing.T) {
	harness.RequireEngine(t, "chromium")
	dir := harness.RequireSite(t)
	out := t.TempDir()
	var stdout bytes.Buffer
	err := run(context.Background(), []string{"-dir", dir, "-out", out, "-pages", "/en/city/suzhou", "-widths", "390,1280"}, &stdout, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file    string
		w, minH int
		exactH  bool
	}{
		{"en-city-suzhou-390.png", 390 * 3, 844 * 3, true}, // one phone screen at 3× pixels
		{"en-city-suzhou-1280.png", 1280, 901, false},      // full length: taller than the 900 px window
	}
	for _, tt := range tests {
		path := filepath.Join(out, tt.file)
		if !strings.Contains(stdout.String(), path) {
			t.Errorf("output %q does not list %s", stdout.String(), path)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if cfg.Width != tt.w || cfg.Height < tt.minH || (tt.exactH && cfg.Height != tt.minH) {
			t.Errorf("%s is %d×%d px, want %d wide and %d high (or more: %v)", tt.file, cfg.Width, cfg.Height, tt.w, tt.minH, !tt.exactH)
		}
	}
}
