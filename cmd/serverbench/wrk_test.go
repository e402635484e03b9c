package main

import (
	"testing"
	"time"
)

func TestParseWrk(t *testing.T) {
	const report = `Running 5s test @ http://127.0.0.1:8080/city/suzhou
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52ms    2.10ms  40.12ms   91.00%
    Req/Sec    21.50k     1.20k   24.00k    70.00%
  Latency Distribution
     50%    1.01ms
     75%    1.60ms
     90%    2.90ms
     99%   11.34ms
  214000 requests in 5.00s, 3.51GB read
`
	tests := []struct {
		name    string
		out     string
		want    result
		wantErr bool
	}{
		{"clean", report + "Requests/sec:  42800.25\nTransfer/sec:    702.15MB\n", result{RPS: 42800.25, P99: 11340 * time.Microsecond}, false},
		{"errors", report + "  Socket errors: connect 0, read 3, write 0, timeout 12\n  Non-2xx or 3xx responses: 7\nRequests/sec:  100.5\n",
			result{RPS: 100.5, P99: 11340 * time.Microsecond, Non2xx: 7, Socket: "connect 0, read 3, write 0, timeout 12"}, false},
		{"p99 in seconds", "     99%    1.20s\nRequests/sec:  5.00\n", result{RPS: 5, P99: 1200 * time.Millisecond}, false},
		{"p99 in microseconds", "     99%  830.00us\nRequests/sec:  5.00\n", result{RPS: 5, P99: 830 * time.Microsecond}, false},
		{"no rate", report, result{}, true},
		{"no latency", "Requests/sec:  5.00\n", result{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWrk(tt.out)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseWrk: got error %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && got != tt.want {
				t.Errorf("parseWrk = %+v, want %+v", got, tt.want)
			}
		})
	}
	if p := (result{Non2xx: 2}).problems(); p != "2 non-2xx responses" {
		t.Errorf("problems = %q", p)
	}
}
