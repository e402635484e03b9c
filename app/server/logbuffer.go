package server

import (
	"bytes"
	"sync"
)

// LogBuffer collects what a server writes to its logs (Config's error and
// access logs, a process's output) for a caller to read while the server
// keeps writing: a bytes.Buffer safe for concurrent writers and readers.
// The load tool and the tests read the logs they check from one.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns everything written so far.
func (b *LogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
