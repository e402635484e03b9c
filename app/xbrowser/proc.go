package xbrowser

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// proc is a started helper process (a browser, a driver, Xvfb) in a
// process group of its own, so that stopping it also stops every process
// it started (content processes, MiniBrowser).
type proc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
	err  error         // its exit status, once done

	mu  sync.Mutex
	out bytes.Buffer // the tail of its stderr and stdout
}

// startProc starts cmd in a new process group, collecting its output.
func startProc(name string, cmd *exec.Cmd) (*proc, error) {
	p := &proc{name: name, cmd: cmd, done: make(chan struct{})}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if cmd.Stdout == nil {
		cmd.Stdout = p
	}
	if cmd.Stderr == nil {
		cmd.Stderr = p
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// Write keeps the last 16 KiB of the process's output for error messages.
func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out.Write(b)
	if n := p.out.Len(); n > 16<<10 {
		p.out.Next(n - 16<<10)
	}
	return len(b), nil
}

// output returns the kept output.
func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop asks the process group to end (SIGTERM), kills it after grace, and
// waits for the leader.
func (p *proc) stop(grace time.Duration) {
	if p == nil || p.exited() {
		return
	}
	pgid := p.cmd.Process.Pid
	syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(grace):
		syscall.Kill(-pgid, syscall.SIGKILL)
		<-p.done
	}
	// Children that outlived the leader.
	syscall.Kill(-pgid, syscall.SIGKILL)
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// lookPath finds the first of names on $PATH (an absolute name is taken
// as is when it exists).
func lookPath(names ...string) (string, error) {
	for _, n := range names {
		if n == "" {
			continue
		}
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: none of %q found", ErrNotInstalled, names)
}

// xvfb is a private X server on a display that it chose itself.
type xvfb struct {
	*proc
	display string // e.g. ":3"
}

// startXvfb starts Xvfb on a free display (-displayfd), with a screen of
// w×h pixels.
func startXvfb(w, h int) (*xvfb, error) {
	bin, err := lookPath("Xvfb")
	if err != nil {
		return nil, err
	}
	r, wr, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command(bin, "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	p, err := startProc("Xvfb", cmd)
	wr.Close()
	if err != nil {
		return nil, err
	}
	got := make(chan string, 1)
	go func() {
		var b []byte
		buf := make([]byte, 16)
		for {
			n, err := r.Read(buf)
			b = append(b, buf[:n]...)
			if bytes.IndexByte(b, '\n') >= 0 || err != nil {
				break
			}
		}
		got <- string(bytes.TrimSpace(b))
	}()
	select {
	case d := <-got:
		if _, err := strconv.Atoi(d); err != nil {
			p.stop(time.Second)
			return nil, fmt.Errorf("xvfb printed no display number (%q): %s", d, p.output())
		}
		return &xvfb{proc: p, display: ":" + d}, nil
	case <-time.After(20 * time.Second):
		p.stop(time.Second)
		return nil, fmt.Errorf("xvfb did not start within 20s: %s", p.output())
	}
}
