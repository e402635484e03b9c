package server

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"
)

// startLimit bounds how long a server process may take to print its
// address.
const startLimit = 30 * time.Second

// Process is a server running as its own process, for the tests and tools
// that need one: to send it signals or to read its resident memory. Start
// it with StartProcess.
type Process struct {
	// URL is the base URL, without trailing slash.
	URL string
	// Addr is the address it bound, host:port.
	Addr string
	// Cmd is the running command.
	Cmd *exec.Cmd

	exited   chan struct{}
	err      error     // the Wait result, once exited is closed
	exitedAt time.Time // when the process was seen to end
}

// StartProcess starts cmd, a server binary with its flags (or any program
// that prints ServingLine first), and returns once it has printed its
// address. Give it -addr HOST:0 to serve on a free port. The caller owns
// cmd.Stderr; standard output after the first line is discarded.
func StartProcess(cmd *exec.Cmd) (*Process, error) {
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the server: %w", err)
	}
	p := &Process{Cmd: cmd, exited: make(chan struct{})}
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		io.Copy(io.Discard, stdout)
		// Wait closes stdout, so it must come after the reading.
		p.err = cmd.Wait()
		p.exitedAt = time.Now()
		close(p.exited)
	}()
	select {
	case line := <-lines:
		url, ok := parseServingLine(line)
		if !ok {
			p.Kill()
			return nil, fmt.Errorf("the server printed %q, want its address (exit: %v)", line, p.err)
		}
		p.URL, p.Addr = url, url[len("http://"):]
		return p, nil
	case <-time.After(startLimit):
		p.Kill()
		return nil, fmt.Errorf("the server did not print its address within %s", startLimit)
	}
}

// Pid is the process id.
func (p *Process) Pid() int { return p.Cmd.Process.Pid }

// Signal sends sig to the process.
func (p *Process) Signal(sig os.Signal) error { return p.Cmd.Process.Signal(sig) }

// Exited is closed when the process has ended.
func (p *Process) Exited() <-chan struct{} { return p.exited }

// ExitedAt is when the process was seen to end; valid once Exited is
// closed.
func (p *Process) ExitedAt() time.Time { return p.exitedAt }

// Wait waits up to limit for the process to end and returns its exit code.
func (p *Process) Wait(limit time.Duration) (int, error) {
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

// Kill ends the process if it still runs, and waits for it.
func (p *Process) Kill() {
	select {
	case <-p.exited:
	default:
		p.Cmd.Process.Kill()
		<-p.exited
	}
}

// Stop asks the process to shut down (SIGINT) and waits up to limit for
// it, killing it after that.
func (p *Process) Stop(limit time.Duration) error {
	select {
	case <-p.exited:
		return nil
	default:
	}
	p.Signal(os.Interrupt)
	if _, err := p.Wait(limit); err != nil {
		p.Kill()
		return err
	}
	return nil
}

// binaryPackage is cmd/server's import path, which `go build` finds from
// any directory inside the module.
const binaryPackage = "github.com/jiangsu-map/jsmap/cmd/server"

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// Binary returns a cmd/server binary: the one named by $JSMAP_SERVER_BIN,
// or one built once per process into a temporary directory. The working
// directory must be inside the module.
func Binary() (string, error) {
	if bin := os.Getenv("JSMAP_SERVER_BIN"); bin != "" {
		return bin, nil
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "jsmap-server-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "server")
		if out, err := exec.Command("go", "build", "-o", binPath, binaryPackage).CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building %s: %v\n%s", binaryPackage, err, out)
		}
	})
	return binPath, buildErr
}
