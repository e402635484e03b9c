package server

import (
	"bytes"
	"net"
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
}

// Write sends p, with the security headers inserted after the status line
// when p is one of net/http's own error replies: a write of its own that
// starts with "HTTP/1.1 " and whose status line is followed by exactly
// goErrorHeaders. A response from the handler never looks like that: its
// header always has Access-Control-Allow-Origin, which net/http writes
// before Content-Type (it sorts the names).
func (c *securedConn) Write(p []byte) (int, error) {
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
