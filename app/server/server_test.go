package server

import (
	"io"
	"log"
	"net/http"
	"testing"
	"time"
)

// waitLimit bounds how long a test waits for something that should happen
// promptly; it guards against hangs and is not itself an assertion.
const waitLimit = 10 * time.Second

func TestServingLine(t *testing.T) {
	line := ServingLine("dist", "http://127.0.0.1:8080")
	if want := "serving dist on http://127.0.0.1:8080/\n"; line != want {
		t.Errorf("ServingLine = %q, want %q", line, want)
	}
	tests := []struct {
		line   string
		want   string
		wantOK bool
	}{
		{line, "http://127.0.0.1:8080", true},
		{"serving /tmp/a on b on http://[::1]:99/\n", "http://[::1]:99", true},
		{"listening on :8080\n", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := parseServingLine(tt.line)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("parseServingLine(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestShutdown(t *testing.T) {
	tests := []struct {
		name      string
		grace     time.Duration
		release   bool // let the in-flight request finish during the grace period
		wantErr   bool
		wantReply bool
	}{
		{"in-flight request finishes", waitLimit, true, false, true},
		{"grace period runs out", 50 * time.Millisecond, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			started := make(chan struct{})
			release := make(chan struct{})
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				close(started)
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
				io.WriteString(w, "done")
			})
			s, err := serve("127.0.0.1:0", newServer(h, log.New(io.Discard, "", 0)), "")
			if err != nil {
				t.Fatal(err)
			}

			type reply struct {
				body string
				err  error
			}
			replies := make(chan reply, 1)
			go func() {
				res, err := (&http.Client{Timeout: waitLimit}).Get(s.URL + "/")
				if err != nil {
					replies <- reply{err: err}
					return
				}
				defer res.Body.Close()
				b, err := io.ReadAll(res.Body)
				replies <- reply{string(b), err}
			}()

			select {
			case <-started:
			case <-time.After(waitLimit):
				t.Fatal("request never reached the handler")
			}
			shut := make(chan error, 1)
			go func() { shut <- s.Shutdown(tt.grace) }()
			if tt.release {
				close(release)
			}

			select {
			case err := <-shut:
				if gotErr := err != nil; gotErr != tt.wantErr {
					t.Errorf("Shutdown: got error %v, want error: %v", err, tt.wantErr)
				}
			case <-time.After(waitLimit):
				t.Fatal("Shutdown did not return")
			}
			if !tt.release {
				close(release)
			}
			select {
			case r := <-replies:
				if got := r.err == nil && r.body == "done"; got != tt.wantReply {
					t.Errorf("got reply %q (error %v), want complete reply: %v", r.body, r.err, tt.wantReply)
				}
			case <-time.After(waitLimit):
				t.Fatal("client never finished")
			}
			if _, err := http.Get(s.URL + "/"); err == nil {
				t.Errorf("GET after Shutdown: got a response, want a connection error")
			}
		})
	}
}
