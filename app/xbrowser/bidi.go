package xbrowser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/coder/websocket"
)

// This file is a minimal WebDriver BiDi client: commands with ids over one
// WebSocket, their responses, and events. See
// https://w3c.github.io/webdriver-bidi/.

// BiDiError is an error answered to a WebDriver BiDi command.
type BiDiError struct {
	Method  string // the command, e.g. "script.evaluate"
	Code    string // the error code, e.g. "no such frame"
	Message string
}

func (e *BiDiError) Error() string {
	return fmt.Sprintf("bidi %s: %s: %s", e.Method, e.Code, e.Message)
}

// errBiDiClosed is returned for commands on a closed connection.
var errBiDiClosed = errors.New("bidi: connection closed")

// bidiMessage is any message from the remote end.
type bidiMessage struct {
	Type    string          `json:"type"` // "success", "error" or "event"
	ID      *int64          `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
	Method  string          `json:"method"` // of an event
	Params  json.RawMessage `json:"params"` // of an event
}

// bidiConn is one WebDriver BiDi connection.
type bidiConn struct {
	ws      *websocket.Conn
	onEvent func(method string, params json.RawMessage)

	mu      sync.Mutex
	next    int64
	pending map[int64]chan bidiMessage
	closed  chan struct{}
	err     error // why the connection closed
	cancel  context.CancelFunc
}

// dialBiDi connects to url (ws://host:port/session). onEvent, if not nil,
// is called from the reading goroutine for every event.
func dialBiDi(ctx context.Context, url string, onEvent func(method string, params json.RawMessage)) (*bidiConn, error) {
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return nil, fmt.Errorf("bidi: dialing %s: %w", url, err)
	}
	// Results such as page text can be far larger than the default 32 KiB.
	ws.SetReadLimit(64 << 20)
	rctx, cancel := context.WithCancel(context.Background())
	c := &bidiConn{
		ws:      ws,
		onEvent: onEvent,
		pending: map[int64]chan bidiMessage{},
		closed:  make(chan struct{}),
		cancel:  cancel,
	}
	go c.read(rctx)
	return c, nil
}

// read dispatches incoming messages until the connection fails.
func (c *bidiConn) read(ctx context.Context) {
	var err error
	for {
		var b []byte
		_, b, err = c.ws.Read(ctx)
		if err != nil {
			break
		}
		var m bidiMessage
		if err = json.Unmarshal(b, &m); err != nil {
			err = fmt.Errorf("bidi: bad message %.200q: %w", b, err)
			break
		}
		if m.Type == "event" {
			if c.onEvent != nil {
				c.onEvent(m.Method, m.Params)
			}
			continue
		}
		if m.ID == nil {
			// An error about a message that could not be parsed at all.
			err = fmt.Errorf("bidi: %s: %s", m.Error, m.Message)
			break
		}
		c.mu.Lock()
		ch := c.pending[*m.ID]
		delete(c.pending, *m.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
	c.mu.Lock()
	c.err = err
	close(c.closed)
	c.mu.Unlock()
}

// call sends the command method with params and decodes its result into
// out (which may be nil).
func (c *bidiConn) call(ctx context.Context, method string, params, out any) error {
	if params == nil {
		params = struct{}{}
	}
	ch := make(chan bidiMessage, 1)
	c.mu.Lock()
	select {
	case <-c.closed:
		c.mu.Unlock()
		return fmt.Errorf("%w (%v)", errBiDiClosed, c.err)
	default:
	}
	c.next++
	id := c.next
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()

	b, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return err
	}
	if err := c.ws.Write(ctx, websocket.MessageText, b); err != nil {
		return fmt.Errorf("bidi %s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Type == "error" {
			return &BiDiError{Method: method, Code: m.Error, Message: m.Message}
		}
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(m.Result, out); err != nil {
			return fmt.Errorf("bidi %s: decoding %.200q: %w", method, m.Result, err)
		}
		return nil
	case <-c.closed:
		return fmt.Errorf("bidi %s: %w (%v)", method, errBiDiClosed, c.err)
	case <-ctx.Done():
		return fmt.Errorf("bidi %s: %w", method, ctx.Err())
	}
}

// close ends the connection.
func (c *bidiConn) close() error {
	err := c.ws.Close(websocket.StatusNormalClosure, "")
	c.cancel()
	<-c.closed
	return err
}

// bidiRemoteValue is a script.RemoteValue; only primitives are decoded.
type bidiRemoteValue struct {
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
}

// bidiEvaluateResult is a script.EvaluateResult.
type bidiEvaluateResult struct {
	Type             string          `json:"type"` // "success" or "exception"
	Result           bidiRemoteValue `json:"result"`
	ExceptionDetails struct {
		Text      string          `json:"text"`
		Exception bidiRemoteValue `json:"exception"`
	} `json:"exceptionDetails"`
}

// str returns the string a successful evaluation produced.
func (r bidiEvaluateResult) str() (string, error) {
	if r.Type == "exception" {
		return "", fmt.Errorf("javascript exception: %s", r.ExceptionDetails.Text)
	}
	if r.Result.Type != "string" {
		return "", fmt.Errorf("evaluation returned a %s, want a string", r.Result.Type)
	}
	var s string
	err := json.Unmarshal(r.Result.Value, &s)
	return s, err
}
