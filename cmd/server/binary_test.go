package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/server"
)

// runMainEnv makes the test binary act as the server: the tests below run
// the real main, with its signal handling and exit codes, without a
// separate build.
const runMainEnv = "JSMAP_SERVER_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// serverCommand returns a command running the server's main with args.
func serverCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	return cmd
}

// startProcess runs the server's main with args on a free loopback port
// and returns once it serves, with its standard error going to a file
// (read it with stderrOf). The process is killed when the test ends if it
// is still running.
func startProcess(t *testing.T, args ...string) *server.Process {
	t.Helper()
	cmd := serverCommand(t, append(args, "-addr", "127.0.0.1:0")...)
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	cmd.Stderr = f
	p, err := server.StartProcess(cmd)
	if err != nil {
		t.Fatalf("%v (stderr: %s)", err, stderrOf(cmd))
	}
	t.Cleanup(p.Kill)
	return p
}

// stderrOf returns what the process of cmd has written to standard error so far.
func stderrOf(cmd *exec.Cmd) string {
	f, ok := cmd.Stderr.(*os.File)
	if !ok {
		return "(not captured)"
	}
	b, err := os.ReadFile(f.Name())
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// wait waits for the process to end and returns its exit code.
func wait(t *testing.T, p *server.Process) int {
	t.Helper()
	code, err := p.Wait(waitLimit)
	if err != nil {
		t.Fatalf("%v (stderr: %s)", err, stderrOf(p.Cmd))
	}
	return code
}

func TestExitCodes(t *testing.T) {
	site := newSite(t)
	empty := t.TempDir()
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"help", []string{"-h"}, 0, "-frame-ancestors"},
		{"unknown flag", []string{"-port", "80"}, 2, "flag provided but not defined: -port"},
		{"bad duration", []string{"-grace", "soon"}, 2, `invalid value "soon" for flag -grace`},
		{"bad frame-ancestors", []string{"-dir", site, "-frame-ancestors", "'self'; script-src *"}, 2, "not a CSP source expression"},
		{"stray argument", []string{"-dir", site, "extra"}, 2, "unexpected arguments"},
		{"missing dir", []string{"-dir", filepath.Join(empty, "nope")}, 1, "server: site directory"},
		{"empty dir", []string{"-dir", empty}, 1, "has no index.html"},
		{"empty dir flag", []string{"-dir", ""}, 1, "-dir must not be empty"},
		{"negative grace", []string{"-dir", site, "-grace", "-1s"}, 1, "-grace must not be negative"},
		{"bad address", []string{"-dir", site, "-addr", "127.0.0.1:99999"}, 1, "server: listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := serverCommand(t, tt.args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.wantCode {
				t.Errorf("got exit code %d, want %d (stderr: %s)", code, tt.wantCode, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("got stderr %q, want it to contain %q", stderr.String(), tt.wantStderr)
			}
			if stdout.Len() > 0 {
				t.Errorf("got stdout %q, want nothing", stdout.String())
			}
		})
	}
}

// outcome is what one client request came to.
type outcome int

const (
	complete outcome = iota // a whole response, Content-Length honoured
	refused                 // the connection was refused (after SIGTERM)
	broken                  // anything else: an error or a short body
)

// fetch sends GET url with Accept-Encoding ae and reads the whole response.
func fetch(client *http.Client, url, ae string) (outcome, string) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return broken, err.Error()
	}
	req.Header.Set("Accept-Encoding", ae)
	res, err := client.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) {
			return refused, err.Error()
		}
		return broken, err.Error()
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	switch {
	case err != nil:
		return broken, fmt.Sprintf("%s: body cut after %d bytes: %v", url, n, err)
	case res.ContentLength < 0 || n != res.ContentLength:
		return broken, fmt.Sprintf("%s: got %d body bytes, Content-Length %d", url, n, res.ContentLength)
	case res.StatusCode != http.StatusOK:
		return broken, fmt.Sprintf("%s: got status %d, want 200", url, res.StatusCode)
	}
	return complete, ""
}

// TestGracefulShutdownUnderLoad runs the server process under steady load,
// with one large download in flight, and sends it SIGTERM: new connections
// must be refused at once, the download and every other response already
// started must be sent completely, and the process must exit 0.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	dir := newSite(t)
	// Larger than the loopback socket buffers, so the server is still
	// writing it while the client holds back.
	const size = 32 << 20
	big := make([]byte, size)
	for i := range big {
		big[i] = byte(i*7 + i>>11)
	}
	writeFile(t, filepath.Join(dir, "web", "big.wasm"), string(big))
	const grace = 20 * time.Second
	p := startProcess(t, "-dir", dir, "-grace", grace.String())

	// The slow download: read the header and a little, then stall.
	slow := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	res, err := slow.Get(p.URL + "/web/big.wasm")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	head := make([]byte, 1024)
	if _, err := io.ReadFull(res.Body, head); err != nil {
		t.Fatal(err)
	}

	// Steady load on keep-alive connections until the server is gone.
	const workers = 8
	var (
		mu       sync.Mutex
		counts   = map[outcome]int{}
		problems []string
		wg       sync.WaitGroup
	)
	warm := make(chan struct{})
	var warmOnce sync.Once
	transport := &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: workers}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: waitLimit}
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			targets := []struct{ path, ae string }{{"", "br, gzip"}, {"app.wasm", "br"}, {"city/suzhou", ""}, {"app.wasm", "gzip"}}
			for j := i; ; j++ {
				tg := targets[j%len(targets)]
				got, problem := fetch(client, p.URL+"/"+tg.path, tg.ae)
				mu.Lock()
				counts[got]++
				if got == broken {
					problems = append(problems, problem)
				}
				n := counts[complete]
				mu.Unlock()
				if n >= 200 {
					warmOnce.Do(func() { close(warm) })
				}
				if got != complete {
					return
				}
			}
		}()
	}
	select {
	case <-warm:
	case <-time.After(waitLimit):
		t.Fatal("the load never got going")
	}

	if err := p.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	signalled := time.Now()

	// New connections are refused while the download is still in flight.
	deadline := time.Now().Add(waitLimit)
	for {
		conn, err := net.Dial("tcp", p.Addr)
		if errors.Is(err, syscall.ECONNREFUSED) {
			break
		}
		if err == nil {
			conn.Close()
		}
		if time.Now().After(deadline) {
			t.Fatalf("new connections still accepted %s after SIGTERM (last: %v)", waitLimit, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case <-p.Exited():
		t.Fatalf("server exited (stderr: %s) while a download was in flight", stderrOf(p.Cmd))
	default:
	}

	// The download finishes, whole.
	rest, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("download cut off after %d bytes: %v", len(head)+len(rest), err)
	}
	if got := append(head, rest...); res.ContentLength != size || !bytes.Equal(got, big) {
		t.Errorf("got %d bytes (Content-Length %d), want the whole file of %d", len(got), res.ContentLength, size)
	}

	if code := wait(t, p); code != 0 {
		t.Errorf("got exit code %d, want 0 (stderr: %s)", code, stderrOf(p.Cmd))
	}
	if d := time.Since(signalled); d > grace {
		t.Errorf("exited %s after SIGTERM, want within the grace period of %s", d, grace)
	}
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	for _, problem := range problems {
		t.Errorf("request broken by the shutdown: %s", problem)
	}
	if counts[refused] != workers {
		t.Errorf("got %d workers stopped by a refused connection, want all %d", counts[refused], workers)
	}
	if _, err := net.Dial("tcp", p.Addr); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("dialing after exit: got %v, want connection refused", err)
	}
	t.Logf("%d complete responses under load, %d workers refused after SIGTERM", counts[complete], counts[refused])
}

// TestSighupReloads changes the site under a running server process that
// does not watch it: SIGHUP makes it serve the new build, and a SIGHUP on
// a broken tree leaves the build before serving, with a log line.
func TestSighupReloads(t *testing.T) {
	dir := newSite(t)
	p := startProcess(t, "-dir", dir, "-watch=false")
	get := func() string {
		t.Helper()
		res, err := http.Get(p.URL + "/city/suzhou")
		if err != nil {
			t.Fatal(err)
		}
		return readAll(t, res)
	}
	// waitFor polls until /city/suzhou is want: the signal is handled
	// asynchronously.
	waitFor := func(want string) {
		t.Helper()
		deadline := time.Now().Add(waitLimit)
		for got := get(); got != want; got = get() {
			if time.Now().After(deadline) {
				t.Fatalf("got %q %s after SIGHUP, want %q (stderr: %s)", got, waitLimit, want, stderrOf(p.Cmd))
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	const newPage = "<!doctype html><title>Suzhou, build 2</title>\n"
	writeFile(t, filepath.Join(dir, "city", "suzhou.html"), newPage)
	if got := get(); got != suzhouHTML {
		t.Fatalf("before SIGHUP: got %q, want the build loaded at start", got)
	}
	if err := p.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor(newPage)

	if err := os.Remove(filepath.Join(dir, "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := p.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(waitLimit)
	for !strings.Contains(stderrOf(p.Cmd), "refused") {
		if time.Now().After(deadline) {
			t.Fatalf("no refusal logged %s after SIGHUP on a tree without index.html (stderr: %s)", waitLimit, stderrOf(p.Cmd))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := get(); got != newPage {
		t.Errorf("after a refused reload: got %q, want %q still", got, newPage)
	}
}
