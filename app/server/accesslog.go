package server

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Longest path and user agent written to the access log; longer values are
// cut, so a hostile request cannot blow up the log.
const (
	maxLoggedPath      = 512
	maxLoggedUserAgent = 256
)

// accessLog wraps next so that every request is logged, once answered, as one
// structured record: method, path, status, bytes of body sent, content
// coding, duration, client address and user agent. The query string is not
// logged.
func accessLog(next http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		status := rec.status
		if status == 0 {
			status = http.StatusOK // nothing written: net/http sends 200
		}
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", truncate(r.URL.EscapedPath(), maxLoggedPath)),
			slog.Int("status", status),
			slog.Int64("bytes", rec.bytes),
			slog.String("encoding", w.Header().Get("Content-Encoding")),
			slog.Float64("ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", host),
			slog.String("proto", r.Proto),
			slog.String("user_agent", truncate(r.UserAgent(), maxLoggedUserAgent)),
		)
	})
}

// newAccessLogger returns the logger for access records: JSON lines on w.
func newAccessLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, nil))
}

// truncate cuts s to at most n bytes, marking the cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// statusRecorder remembers the status and counts the body bytes written
// through it.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// ReadFrom keeps the underlying writer's sendfile path for file bodies.
func (w *statusRecorder) ReadFrom(src io.Reader) (int64, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := io.Copy(w.ResponseWriter, src)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
