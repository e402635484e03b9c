package main

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// result is what one wrk run measured.
type result struct {
	RPS    float64
	P99    time.Duration
	Non2xx int // "Non-2xx or 3xx responses"
	Socket string
}

// problems says what went wrong, or "" when every response was good.
func (r result) problems() string {
	var p []string
	if r.Non2xx > 0 {
		p = append(p, fmt.Sprintf("%d non-2xx responses", r.Non2xx))
	}
	if r.Socket != "" {
		p = append(p, "socket errors: "+r.Socket)
	}
	return strings.Join(p, "; ")
}

// runWrk runs wrk on url with the Accept-Encoding header.
func runWrk(ctx context.Context, wrk string, cfg config, url, accept string) (result, error) {
	cmd := exec.CommandContext(ctx, wrk,
		"-t"+strconv.Itoa(cfg.Threads), "-c"+strconv.Itoa(cfg.Conns), "-d"+cfg.Duration.String(),
		"--latency", "-H", "Accept-Encoding: "+accept, url)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return result{}, fmt.Errorf("wrk: %v\n%s", err, out)
	}
	return parseWrk(string(out))
}

var (
	rpsRe    = regexp.MustCompile(`(?m)^Requests/sec:\s+([0-9.]+)`)
	p99Re    = regexp.MustCompile(`(?m)^\s+99%\s+([0-9.]+)(us|ms|s)\b`)
	non2xxRe = regexp.MustCompile(`(?m)^\s*Non-2xx or 3xx responses:\s+([0-9]+)`)
	socketRe = regexp.MustCompile(`(?m)^\s*Socket errors:\s+(.+)$`)
)

// parseWrk reads wrk --latency's report.
func parseWrk(out string) (result, error) {
	var r result
	m := rpsRe.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("no Requests/sec in wrk's output:\n%s", out)
	}
	r.RPS, _ = strconv.ParseFloat(m[1], 64)
	m = p99Re.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("no 99%% latency in wrk's output:\n%s", out)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second}[m[2]]
	r.P99 = time.Duration(v * float64(unit))
	if m := non2xxRe.FindStringSubmatch(out); m != nil {
		r.Non2xx, _ = strconv.Atoi(m[1])
	}
	if m := socketRe.FindStringSubmatch(out); m != nil {
		r.Socket = strings.TrimSpace(m[1])
	}
	return r, nil
}

func gomaxprocs() int { return runtime.GOMAXPROCS(0) }
