package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
)

// waitLimit bounds how long a test waits for something that should happen
// promptly; it guards against hangs and is not itself an assertion.
const waitLimit = 10 * time.Second

var servingLine = regexp.MustCompile(`^serving (.+) on (http://127\.0\.0\.1:([0-9]+)/)\n$`)

func TestRunServesAndShutsDown(t *testing.T) {
	dir := newSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	stdoutR, stdoutW := io.Pipe()
	var stderr bytes.Buffer // read only once run has returned
	done := make(chan error, 1)
	go func() {
		err := run(ctx, []string{"-dir", dir, "-addr", "127.0.0.1:0", "-grace", "5s"}, stdoutW, &stderr)
		stdoutW.Close()
		done <- err
	}()

	stdout := bufio.NewReader(stdoutR)
	line, err := stdout.ReadString('\n')
	if err != nil {
		runErr := <-done
		t.Fatalf("reading the first stdout line: %v (stderr: %s, run: %v)", err, stderr.String(), runErr)
	}
	go io.Copy(io.Discard, stdout) // never block run on later output

	m := servingLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("got first line %q, want %q", line, "serving DIR on http://127.0.0.1:PORT/\n")
	}
	if m[1] != dir {
		t.Errorf("got directory %q in %q, want %q", m[1], line, dir)
	}
	if m[3] == "0" {
		t.Errorf("got port 0 in %q, want the bound port", line)
	}
	url := m[2]

	client := &http.Client{Timeout: waitLimit}
	res, err := client.Get(url + "city/suzhou")
	if err != nil {
		t.Fatalf("GET %scity/suzhou: %v", url, err)
	}
	if body := readAll(t, res); res.StatusCode != http.StatusOK || body != suzhouHTML {
		t.Errorf("GET %scity/suzhou: got %d %.40q, want 200 %.40q", url, res.StatusCode, body, suzhouHTML)
	}
	// Leave an idle keep-alive connection open: shutdown must not wait for it.
	client.CloseIdleConnections()
	keepAlive := &http.Client{Timeout: waitLimit, Transport: &http.Transport{}}
	if res, err := keepAlive.Get(url); err == nil {
		readAll(t, res)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run after cancel: got error %v, want nil (stderr: %s)", err, stderr.String())
		}
	case <-time.After(waitLimit):
		t.Fatalf("run did not return within %s of cancel", waitLimit)
	}

	if res, err := client.Get(url); err == nil {
		res.Body.Close()
		t.Errorf("GET %s after shutdown: got status %d, want a connection error", url, res.StatusCode)
	}
}

func TestRunStartupErrors(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file.txt")
	writeFile(t, file, "x")
	empty := filepath.Join(base, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	site := newSite(t)

	tests := []struct {
		name      string
		args      []string
		wantErr   string
		wantUsage bool
	}{
		{"missing dir", []string{"-dir", filepath.Join(base, "nope"), "-addr", "127.0.0.1:0"}, "does not exist", false},
		{"dir is a file", []string{"-dir", file, "-addr", "127.0.0.1:0"}, "is not a directory", false},
		{"no index.html", []string{"-dir", empty, "-addr", "127.0.0.1:0"}, "has no index.html", false},
		{"bad address", []string{"-dir", site, "-addr", "127.0.0.1:notaport"}, "listen", false},
		{"negative grace", []string{"-dir", site, "-grace", "-1s"}, "-grace", false},
		{"unknown flag", []string{"-port", "80"}, "flag provided but not defined", true},
		{"stray argument", []string{"-dir", site, "extra"}, "unexpected arguments", true},
		{"bad duration", []string{"-dir", site, "-grace", "soon"}, "invalid value", true},
		{"bad boolean", []string{"-dir", site, "-access-log=maybe"}, "invalid boolean", true},
		{"frame-ancestors with a directive", []string{"-dir", site, "-frame-ancestors", "'self'; script-src *"}, "not a CSP source expression", true},
		{"empty frame-ancestors", []string{"-dir", site, "-frame-ancestors", ""}, "must not be empty", true},
		{"empty dir flag", []string{"-dir", "", "-addr", "127.0.0.1:0"}, "must not be empty", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &stdout, &stderr)
			if err == nil {
				t.Fatalf("run(%q): got nil error, want one containing %q", tt.args, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("run(%q): got error %q, want it to contain %q", tt.args, err, tt.wantErr)
			}
			if got := errors.As(err, new(*cli.UsageError)); got != tt.wantUsage {
				t.Errorf("run(%q): got usage error %v, want %v", tt.args, got, tt.wantUsage)
			}
			if got := stdout.String(); got != "" {
				t.Errorf("run(%q): got stdout %q, want nothing", tt.args, got)
			}
		})
	}

	t.Run("help", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"-h"}, &stdout, &stderr)
		if !errors.Is(err, flag.ErrHelp) {
			t.Errorf("got error %v, want flag.ErrHelp", err)
		}
		for _, name := range []string{"-dir", "-addr", "-grace", "-frame-ancestors", "-access-log"} {
			if !strings.Contains(stderr.String(), name) {
				t.Errorf("got usage %q, want it to mention %s", stderr.String(), name)
			}
		}
	})
}
