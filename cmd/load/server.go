package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/jiangsu-map/jsmap/app/server"
)

// startServer runs bin -dir dir on a free loopback port and returns once it
// serves. Its standard error goes to stderr.
func startServer(bin, dir string, grace time.Duration, stderr io.Writer) (*server.Process, error) {
	cmd := exec.Command(bin, "-dir", dir, "-addr", "127.0.0.1:0", "-grace", grace.String())
	cmd.Stderr = stderr
	return server.StartProcess(cmd)
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
