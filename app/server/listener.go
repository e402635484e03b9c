package server

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"sync"
)

// goErrorHeaders is what net/http writes after the status line of the
// error replies it sends by itself, straight on the connection, for a
// request that never reaches a handler: 431 (header too large), 400
// (malformed request), 501 (unsupported transfer coding) and 505.
const goErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// securedListener hands out connections that add the security headers to
// those replies, so that every response the server writes carries them.
type securedListener struct {
	net.Listener
	// header is the security header lines, each ending in CRLF.
	header []byte
}

// secure wraps ln so that net/http's own error replies carry the security
// headers of csp.
func secure(ln net.Listener, csp string) net.Listener {
	var b bytes.Buffer
	for _, f := range securityHeaders(csp) {
		for _, v := range f.values {
			b.WriteString(f.name + ": " + v + "\r\n")
		}
	}
	return &securedListener{Listener: ln, header: b.Bytes()}
}

func (l *securedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &securedConn{Conn: c, header: l.header}, nil
}

// securedConn is a connection from securedListener.
type securedConn struct {
	net.Conn
	header []byte
	// gathered holds the writes between gather and release, sent as one.
	gathered  *[]byte
	gathering bool
}

// maxGathered is the largest response body sent through gather: a copy
// is cheaper than a second write system call only for small ones.
const maxGathered = 64 << 10

var gatherBuffers = sync.Pool{New: func() any { b := make([]byte, 0, maxGathered+8<<10); return &b }}

// connKey is the context key under which the server's ConnContext puts
// the *securedConn of a request.
type connKey struct{}

// connContext is http.Server's ConnContext: it gives handlers their
// connection, for writeGathered.
func connContext(ctx context.Context, c net.Conn) context.Context {
	if sc, ok := c.(*securedConn); ok {
		return context.WithValue(ctx, connKey{}, sc)
	}
	return ctx
}

// writeGathered writes body through w so that what net/http writes to the
// connection meanwhile (the buffered response header and the body) goes
// out in one write system call instead of two: net/http buffers 4 KiB, so
// a larger body otherwise costs a write for the buffer and another for the
// rest. It is a plain w.Write for large bodies and for connections that
// are not a securedConn.
func writeGathered(w io.Writer, r *http.Request, body []byte) error {
	c, ok := r.Context().Value(connKey{}).(*securedConn)
	if !ok || len(body) > maxGathered {
		_, err := w.Write(body)
		return err
	}
	c.gathering = true
	c.gathered = gatherBuffers.Get().(*[]byte)
	_, err := w.Write(body)
	c.gathering = false
	buf := *c.gathered
	if len(buf) > 0 {
		if _, werr := c.Conn.Write(buf); err == nil {
			err = werr
		}
	}
	*c.gathered = buf[:0]
	gatherBuffers.Put(c.gathered)
	c.gathered = nil
	return err
}

// Write sends p, with the security headers inserted after the status line
// when p is one of net/http's own error replies: a write of its own that
// starts with "HTTP/1.1 " and whose status line is followed by exactly
// goErrorHeaders. A response from the handler never looks like that: its
// header always has Access-Control-Allow-Origin, which net/http writes
// before Content-Type (it sorts the names).
func (c *securedConn) Write(p []byte) (int, error) {
	if c.gathering {
		*c.gathered = append(*c.gathered, p...)
		return len(p), nil
	}
	if !bytes.HasPrefix(p, []byte("HTTP/1.1 ")) {
		return c.Conn.Write(p)
	}
	eol := bytes.Index(p, []byte("\r\n"))
	if eol < 0 || !bytes.HasPrefix(p[eol:], []byte(goErrorHeaders)) {
		return c.Conn.Write(p)
	}
	out := make([]byte, 0, len(p)+len(c.header))
	out = append(out, p[:eol+2]...)
	out = append(out, c.header...)
	out = append(out, p[eol+2:]...)
	if _, err := c.Conn.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// CloseWrite half-closes the connection, as net/http does after an error
// reply so that the client reads it before the connection goes.
func (c *securedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
