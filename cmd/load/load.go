package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jiangsu-map/jsmap/app/server"
)

// Problem kinds: each is a failed check.
const (
	problemError    = "request failed"                  // no response, before any SIGTERM
	problemDropped  = "request failed after SIGTERM"    // no response, and not refused or reset
	problemCutOff   = "response cut off"                // the body ended early or broke
	problemStatus   = "unexpected status"               // not the status wanted
	problemEncoding = "unexpected Content-Encoding"     // not the coding wanted
	problemLength   = "missing or wrong Content-Length" // none, or not the body's size
	problemBody     = "body of no build"                // not byte-identical to the file of a build
	problemAccepted = "new connection accepted after one was refused"
)

// maxExamples is how many examples of each problem the report keeps.
const maxExamples = 5

// shared is the state all connections see.
type shared struct {
	sigtermAt      atomic.Int64 // unix nanoseconds when SIGTERM was sent; 0 before
	firstRefusedAt atomic.Int64 // unix nanoseconds of the first refused connection
	// acceptedAfterRefusal counts connections that were dialled after
	// another had been refused, and still connected.
	acceptedAfterRefusal atomic.Int64
}

// stats is what one connection (or, merged, the whole test) saw.
type stats struct {
	latencies []time.Duration // of every complete response, body included
	byTarget  map[string]map[int]int
	byBuild   map[string]int // complete bodies per build they match
	bytes     int64
	complete  int
	// After SIGTERM: connections refused, connections reset before any
	// response (accepted by the kernel but never by the server), and
	// responses started before the signal and finished after it.
	refused, reset, finishedAfterSigterm int
	problems                             map[string]int
	examples                             map[string][]string
}

func newStats() *stats {
	return &stats{byTarget: map[string]map[int]int{}, byBuild: map[string]int{}, problems: map[string]int{}, examples: map[string][]string{}}
}

func (s *stats) problem(kind, format string, a ...any) {
	s.problems[kind]++
	if len(s.examples[kind]) < maxExamples {
		s.examples[kind] = append(s.examples[kind], fmt.Sprintf(format, a...))
	}
}

// merge adds o into s.
func (s *stats) merge(o *stats) {
	s.latencies = append(s.latencies, o.latencies...)
	for name, m := range o.byTarget {
		if s.byTarget[name] == nil {
			s.byTarget[name] = map[int]int{}
		}
		for code, n := range m {
			s.byTarget[name][code] += n
		}
	}
	for b, n := range o.byBuild {
		s.byBuild[b] += n
	}
	s.bytes += o.bytes
	s.complete += o.complete
	s.refused += o.refused
	s.reset += o.reset
	s.finishedAfterSigterm += o.finishedAfterSigterm
	for kind, n := range o.problems {
		s.problems[kind] += n
		for _, e := range o.examples[kind] {
			if len(s.examples[kind]) < maxExamples {
				s.examples[kind] = append(s.examples[kind], e)
			}
		}
	}
}

// builds is what the bodies may be: per build (one, or two while
// redeploying), per target, the bytes of its file. nil checks nothing.
type builds struct {
	names  []string   // "A", "B"
	bodies [][][]byte // [build][target]
}

// readBuilds reads, for each site directory, the file of every target.
func readBuilds(dirs []string, targets []target) (*builds, error) {
	if len(dirs) == 0 || dirs[0] == "" {
		return nil, nil
	}
	b := &builds{}
	for i, dir := range dirs {
		b.names = append(b.names, string(rune('A'+i)))
		bodies := make([][]byte, len(targets))
		for j, t := range targets {
			body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(t.File)))
			if err != nil {
				return nil, fmt.Errorf("%s: the site has no %s (run `make build` first?): %w", t.Name, t.File, err)
			}
			bodies[j] = body
		}
		b.bodies = append(b.bodies, bodies)
	}
	return b, nil
}

// differ reports whether the builds' files for target i differ, so that a
// body tells which build answered.
func (b *builds) differ(i int) bool {
	for _, bodies := range b.bodies[1:] {
		if !bytes.Equal(bodies[i], b.bodies[0][i]) {
			return true
		}
	}
	return false
}

// match returns the build whose file for target i is body, or "".
func (b *builds) match(i int, body []byte) string {
	for k, bodies := range b.bodies {
		if bytes.Equal(bodies[i], body) {
			return b.names[k]
		}
	}
	return ""
}

// conn is one client connection sending requests in a loop.
type conn struct {
	client  *http.Client
	base    string
	targets []target
	builds  *builds
	shared  *shared
	stats   *stats
	body    bytes.Buffer // the last response's body
}

func newConn(base string, targets []target, bs *builds, sh *shared, timeout time.Duration) *conn {
	tr := &http.Transport{
		Proxy:               nil,
		DisableCompression:  true, // the body is checked as sent
		MaxIdleConnsPerHost: 1,
		MaxConnsPerHost:     1,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
	}
	return &conn{
		client:  &http.Client{Transport: tr, Timeout: timeout},
		base:    base,
		targets: targets,
		builds:  bs,
		shared:  sh,
		stats:   newStats(),
	}
}

// loop sends the scheduled requests, starting at offset, until end or
// until the server refuses the connection.
func (c *conn) loop(ctx context.Context, sched []int, offset int, end time.Time) {
	defer c.client.CloseIdleConnections()
	for j := offset; ctx.Err() == nil && time.Now().Before(end); j++ {
		if !c.do(ctx, sched[j%len(sched)]) {
			return
		}
	}
}

// do sends one request for target i and checks the answer. It returns
// false when the server is gone (the connection was refused or reset after
// SIGTERM).
func (c *conn) do(ctx context.Context, i int) bool {
	t := c.targets[i]
	var dialStart time.Time
	trace := &httptrace.ClientTrace{
		ConnectStart: func(string, string) { dialStart = time.Now() },
		ConnectDone: func(_, _ string, err error) {
			now := time.Now().UnixNano()
			switch {
			case err != nil && errors.Is(err, syscall.ECONNREFUSED):
				c.shared.firstRefusedAt.CompareAndSwap(0, now)
			case err == nil:
				if first := c.shared.firstRefusedAt.Load(); first != 0 && dialStart.UnixNano() > first {
					c.shared.acceptedAfterRefusal.Add(1)
				}
			}
		},
	}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, c.base+t.Path, nil)
	if err != nil {
		c.stats.problem(problemError, "%s: %v", t.Name, err)
		return false
	}
	if t.Accept != "" {
		req.Header.Set("Accept-Encoding", t.Accept)
	}
	start := time.Now()
	res, err := c.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return false // interrupted
		}
		if c.shared.sigtermAt.Load() == 0 {
			c.stats.problem(problemError, "%s: %v", t.Name, err)
			return true
		}
		switch {
		case errors.Is(err, syscall.ECONNREFUSED):
			c.stats.refused++
		case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			c.stats.reset++
		default:
			c.stats.problem(problemDropped, "%s: %v", t.Name, err)
		}
		return false
	}
	c.body.Reset()
	n, err := c.body.ReadFrom(res.Body)
	res.Body.Close()
	end := time.Now()

	if c.stats.byTarget[t.Name] == nil {
		c.stats.byTarget[t.Name] = map[int]int{}
	}
	c.stats.byTarget[t.Name][res.StatusCode]++
	c.stats.bytes += n
	ok := true
	switch {
	case err != nil:
		c.stats.problem(problemCutOff, "%s: %d of %d bytes, then %v", t.Name, n, res.ContentLength, err)
		ok = false
	case res.ContentLength < 0:
		c.stats.problem(problemLength, "%s: no Content-Length (%d bytes sent)", t.Name, n)
		ok = false
	case n != res.ContentLength:
		c.stats.problem(problemCutOff, "%s: %d bytes, Content-Length %d", t.Name, n, res.ContentLength)
		ok = false
	case c.builds != nil:
		build := c.builds.match(i, c.body.Bytes())
		if build == "" {
			c.stats.problem(problemBody, "%s: %d bytes, not the file %s of any build", t.Name, n, t.File)
			ok = false
		} else if c.builds.differ(i) {
			c.stats.byBuild[build]++
		}
	}
	if res.StatusCode != t.Status {
		c.stats.problem(problemStatus, "%s: got %d, want %d", t.Name, res.StatusCode, t.Status)
		ok = false
	}
	if got := res.Header.Get("Content-Encoding"); got != t.Encoding {
		c.stats.problem(problemEncoding, "%s: got %q, want %q", t.Name, got, t.Encoding)
		ok = false
	}
	if ok {
		c.stats.complete++
		c.stats.latencies = append(c.stats.latencies, end.Sub(start))
		if st := c.shared.sigtermAt.Load(); st != 0 && start.UnixNano() < st {
			c.stats.finishedAfterSigterm++
		}
	}
	return true
}

// report is the outcome of a load test.
type report struct {
	cfg     config
	base    string
	elapsed time.Duration // from the first request to the last answer
	stats   *stats
	pid     int
	before  memory // server memory before the load
	after   memory // and after it (or at SIGTERM)
	memErr  error
	sigterm *shutdownReport
	deploys []deployStep // the redeploys done, in order
	extra   []string     // failed checks beyond the per-request ones
	// serverLog is what the server wrote on standard error.
	serverLog string
}

// shutdownReport describes the server's shutdown after SIGTERM.
type shutdownReport struct {
	at        time.Duration // after the start of the load
	exitCode  int
	exitAfter time.Duration // from SIGTERM to the end of the process
	refusedAt time.Duration // from SIGTERM to the first refused connection; -1 if none
}

// loadTest runs the load described by cfg against base. srv is the server
// process when the load test started it, or nil.
//
// buildDirs are the sites every body must come from, byte for byte (one,
// or two while redeploying; none checks nothing); dep, when not nil,
// redeploys during the load.
func loadTest(ctx context.Context, cfg config, base string, srv *server.Process, buildDirs []string, dep *deployment) (*report, error) {
	bs, err := readBuilds(buildDirs, mix)
	if err != nil {
		return nil, err
	}
	rep := &report{cfg: cfg, base: base, stats: newStats()}
	if srv != nil {
		rep.pid = srv.Pid()
		rep.before, rep.memErr = readMemory(rep.pid)
	}

	sh := new(shared)
	sched := schedule(mix)
	conns := make([]*conn, cfg.Connections)
	for i := range conns {
		conns[i] = newConn(base, mix, bs, sh, cfg.Timeout)
	}
	start := time.Now()
	end := start.Add(cfg.Duration)
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Go(func() { c.loop(ctx, sched, i, end) })
	}
	var deployed chan []deployStep
	if dep != nil {
		deployed = make(chan []deployStep, 1)
		go func() { deployed <- dep.run(ctx, cfg.Redeploy, end) }()
	}

	if cfg.Sigterm > 0 && srv != nil {
		select {
		case <-time.After(time.Until(start.Add(cfg.Sigterm))):
		case <-ctx.Done():
		}
		if ctx.Err() == nil {
			rep.after, rep.memErr = readMemoryKeepingError(rep.pid, rep.memErr)
			sent := time.Now()
			sh.sigtermAt.Store(sent.UnixNano())
			if err := srv.Signal(syscall.SIGTERM); err != nil {
				return nil, fmt.Errorf("sending SIGTERM: %w", err)
			}
			code, err := srv.Wait(cfg.Grace + 5*time.Second)
			if err != nil {
				rep.extra = append(rep.extra, fmt.Sprintf("server shutdown: %v", err))
			}
			sd := &shutdownReport{at: sent.Sub(start), exitCode: code, exitAfter: srv.ExitedAt().Sub(sent), refusedAt: -1}
			rep.sigterm = sd
			if code != 0 {
				rep.extra = append(rep.extra, fmt.Sprintf("server exited with code %d after SIGTERM, want 0", code))
			}
			if sd.exitAfter > cfg.Grace {
				rep.extra = append(rep.extra, fmt.Sprintf("server exited %s after SIGTERM, want within the grace period %s", sd.exitAfter, cfg.Grace))
			}
		}
	}
	wg.Wait()
	rep.elapsed = time.Since(start)
	if deployed != nil {
		rep.deploys = <-deployed
		rep.extra = append(rep.extra, dep.failures...)
	}
	for _, c := range conns {
		rep.stats.merge(c.stats)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	switch {
	case srv != nil && rep.sigterm == nil:
		// Plain load: memory after, then a graceful stop must also work.
		rep.after, rep.memErr = readMemoryKeepingError(rep.pid, rep.memErr)
		if err := srv.Signal(syscall.SIGTERM); err != nil {
			return nil, err
		}
		if code, err := srv.Wait(cfg.Grace + 5*time.Second); err != nil || code != 0 {
			rep.extra = append(rep.extra, fmt.Sprintf("server stop after the load: exit code %d, %v", code, err))
		}
	case rep.sigterm != nil:
		if n := sh.acceptedAfterRefusal.Load(); n > 0 {
			rep.stats.problems[problemAccepted] += int(n)
		}
		if first := sh.firstRefusedAt.Load(); first != 0 {
			rep.sigterm.refusedAt = time.Duration(first - sh.sigtermAt.Load())
		}
		// The port is closed for good.
		if c, err := net.DialTimeout("tcp", srv.Addr, 5*time.Second); !errors.Is(err, syscall.ECONNREFUSED) {
			if c != nil {
				c.Close()
			}
			rep.extra = append(rep.extra, fmt.Sprintf("dialing the server after it exited: got %v, want connection refused", err))
		}
		if rep.stats.refused == 0 {
			rep.extra = append(rep.extra, "no connection was refused after SIGTERM")
		}
	}
	if rep.stats.complete == 0 {
		rep.extra = append(rep.extra, "no request completed")
	}
	return rep, nil
}

// readMemoryKeepingError reads pid's memory unless an earlier read failed.
func readMemoryKeepingError(pid int, earlier error) (memory, error) {
	if earlier != nil {
		return memory{}, earlier
	}
	return readMemory(pid)
}
