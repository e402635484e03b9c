package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// serverProcess is a cmd/server started by the load test.
type serverProcess struct {
	cmd    *exec.Cmd
	url    string // base URL with a trailing slash
	addr   string // host:port
	exited chan struct{}
	err    error // the Wait result, once exited is closed
	// exitedAt is when the process was seen to end.
	exitedAt time.Time
}

// startServer runs bin -dir dir on a free loopback port and returns once it
// prints its address. Its standard error goes to stderr.
func startServer(ctx context.Context, bin, dir string, grace time.Duration, stderr io.Writer) (*serverProcess, error) {
	cmd := exec.Command(bin, "-dir", dir, "-addr", "127.0.0.1:0", "-grace", grace.String())
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the server: %w", err)
	}
	p := &serverProcess{cmd: cmd, exited: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		p.exitedAt = time.Now()
		close(p.exited)
	}()

	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-lines:
		// "serving DIR on http://HOST:PORT/"
		i := strings.LastIndex(line, " on http://")
		if i < 0 {
			p.kill()
			return nil, fmt.Errorf("the server printed %q, want its address", line)
		}
		p.url = strings.TrimSpace(line[i+len(" on "):])
		p.addr = strings.TrimSuffix(strings.TrimPrefix(p.url, "http://"), "/")
		return p, nil
	case <-p.exited:
		return nil, fmt.Errorf("the server exited at start: %v", p.err)
	case <-time.After(30 * time.Second):
		p.kill()
		return nil, errors.New("the server did not print its address within 30s")
	case <-ctx.Done():
		p.kill()
		return nil, ctx.Err()
	}
}

// kill ends the process if it still runs.
func (p *serverProcess) kill() {
	select {
	case <-p.exited:
	default:
		p.cmd.Process.Kill()
		<-p.exited
	}
}

// sigterm asks the server to shut down.
func (p *serverProcess) sigterm() error {
	return p.cmd.Process.Signal(syscall.SIGTERM)
}

// wait waits up to limit for the process to end and returns its exit code.
func (p *serverProcess) wait(limit time.Duration) (int, error) {
	select {
	case <-p.exited:
	case <-time.After(limit):
		return -1, fmt.Errorf("the server still runs %s later", limit)
	}
	var exit *exec.ExitError
	if errors.As(p.err, &exit) {
		return exit.ExitCode(), nil
	}
	if p.err != nil {
		return -1, p.err
	}
	return 0, nil
}

// memory is a process's resident memory, in bytes.
type memory struct {
	RSS  int64 // VmRSS: resident now
	Peak int64 // VmHWM: the most it has been resident
}

// readMemory reads the resident memory of process pid from /proc.
func readMemory(pid int) (memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, err
	}
	return parseStatus(string(b))
}

// parseStatus reads VmRSS and VmHWM from the text of /proc/PID/status.
func parseStatus(status string) (memory, error) {
	var m memory
	var found int
	for line := range strings.Lines(status) {
		name, value, ok := strings.Cut(line, ":")
		if !ok || name != "VmRSS" && name != "VmHWM" {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) != 2 || fields[1] != "kB" {
			return memory{}, fmt.Errorf("unexpected %s line %q", name, line)
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return memory{}, fmt.Errorf("%s: %w", name, err)
		}
		if name == "VmRSS" {
			m.RSS = kb << 10
		} else {
			m.Peak = kb << 10
		}
		found++
	}
	if found != 2 {
		return memory{}, errors.New("no VmRSS and VmHWM in the process status")
	}
	return m, nil
}
