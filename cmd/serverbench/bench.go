package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/app/server"
)

// config is what the flags ask for.
type config struct {
	Dist       string
	Rounds     int
	Duration   time.Duration
	Threads    int
	Conns      int
	CPUProfile string // file for our server's CPU profile over all its runs
	Only       string // run only the cases whose name contains this
}

func parseFlags(args []string) config {
	var cfg config
	fs := flag.NewFlagSet("serverbench", flag.ExitOnError)
	fs.StringVar(&cfg.Dist, "dist", "dist", "the built site, served by both servers")
	fs.IntVar(&cfg.Rounds, "rounds", 3, "how many times to measure every case with both servers")
	fs.DurationVar(&cfg.Duration, "duration", 5*time.Second, "wrk -d: how long each measurement runs")
	fs.IntVar(&cfg.Threads, "threads", 2, "wrk -t")
	fs.IntVar(&cfg.Conns, "connections", 64, "wrk -c")
	fs.StringVar(&cfg.CPUProfile, "cpu-profile", "", "write a CPU profile of our server under the load to this file (go tool pprof -top FILE)")
	fs.StringVar(&cfg.Only, "only", "", "run only the cases whose name contains this, such as \"br\" or \"wasm\"")
	fs.Parse(args)
	if cfg.Only != "" {
		cases = slices.DeleteFunc(cases, func(c benchCase) bool { return !strings.Contains(c.Name, cfg.Only) })
	}
	if fs.NArg() > 0 || cfg.Rounds < 1 || cfg.Duration <= 0 || cfg.Threads < 1 || cfg.Conns < cfg.Threads {
		fmt.Fprintln(fs.Output(), "serverbench: bad arguments")
		fs.Usage()
		os.Exit(2)
	}
	return cfg
}

// benchCase is one request measured on both servers.
type benchCase struct {
	Name     string
	Path     string
	Accept   string // Accept-Encoding
	Encoding string // the Content-Encoding both must answer with
}

// cases are the requests of issue 14: a city page as browsers ask for it
// (brotli) and as older clients and crawlers do (gzip), and the wasm.
var cases = []benchCase{
	{"/city/suzhou gzip", "/city/suzhou", "gzip", "gzip"},
	{"/city/suzhou br", "/city/suzhou", "gzip, deflate, br", "br"},
	{"/web/app.wasm br", "/web/app.wasm", "gzip, deflate, br", "br"},
}

// target is a server under test.
type target struct {
	name string
	url  string // base URL without trailing slash
}

// measurement is one wrk run of one case on one server.
type measurement struct {
	result
	round  int
	server string
	bcase  int
}

// compare runs the comparison and writes the table.
func compare(ctx context.Context, cfg config, w io.Writer) error {
	dist, err := filepath.Abs(cfg.Dist)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err != nil {
		return fmt.Errorf("no built site in %s (run `make build`): %w", dist, err)
	}
	wrk, err := lookPath("wrk")
	if err != nil {
		return err
	}

	ours, err := server.Start(server.Config{Dir: dist, ErrorLog: log.New(os.Stderr, "server: ", 0)})
	if err != nil {
		return err
	}
	defer ours.Close()
	ng, err := startNginx(dist)
	if err != nil {
		return err
	}
	defer ng.stop()

	targets := []target{{"nginx", ng.url}, {"ours", ours.URL}}
	for _, t := range targets {
		for _, c := range cases {
			if err := check(t.url+c.Path, c.Accept, c.Encoding); err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
		}
	}
	if cfg.CPUProfile != "" {
		// The whole run is profiled: this process is our server, idle
		// while wrk loads nginx, so the samples are its work under load.
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	fmt.Fprintf(w, "serverbench: %s, wrk -t%d -c%d -d%s, %d rounds; nginx %s (2 workers) vs app/server (GOMAXPROCS %d)\n",
		dist, cfg.Threads, cfg.Conns, cfg.Duration, cfg.Rounds, ng.version, gomaxprocs())
	var all []measurement
	for round := range cfg.Rounds {
		for ci, c := range cases {
			order := targets
			if (round+ci)%2 == 1 {
				order = []target{targets[1], targets[0]}
			}
			for _, t := range order {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				res, err := runWrk(ctx, wrk, cfg, t.url+c.Path, c.Accept)
				if err != nil {
					return fmt.Errorf("%s %s: %w", t.name, c.Name, err)
				}
				all = append(all, measurement{res, round, t.name, ci})
				fmt.Fprintf(w, "  round %d  %-20s %-6s %9.0f req/s  p99 %8s  %s\n", round+1, c.Name, t.name, res.RPS, ms(res.P99), res.problems())
			}
		}
	}
	if cfg.CPUProfile != "" {
		fmt.Fprintf(w, "CPU profile of our server: %s (go tool pprof -top %s)\n", cfg.CPUProfile, cfg.CPUProfile)
	}
	return summarize(w, all, cfg.Rounds)
}

// summarize prints, per case, the median requests/s and p99 of each
// server over the rounds, and the ratio of ours to nginx's with its spread.
func summarize(w io.Writer, all []measurement, rounds int) error {
	fmt.Fprintf(w, "\n%-20s %14s %10s %14s %10s %24s\n", "case", "nginx req/s", "p99", "ours req/s", "p99", "ours/nginx (min–max)")
	var failed []string
	for ci, c := range cases {
		var ngRPS, ourRPS, ratios []float64
		var ngP99, ourP99 []time.Duration
		byRound := map[int]map[string]result{}
		for _, m := range all {
			if m.bcase != ci {
				continue
			}
			if byRound[m.round] == nil {
				byRound[m.round] = map[string]result{}
			}
			byRound[m.round][m.server] = m.result
			if p := m.problems(); p != "" {
				failed = append(failed, fmt.Sprintf("%s %s round %d: %s", m.server, c.Name, m.round+1, p))
			}
		}
		for r := range rounds {
			ng, our := byRound[r]["nginx"], byRound[r]["ours"]
			ngRPS, ourRPS = append(ngRPS, ng.RPS), append(ourRPS, our.RPS)
			ngP99, ourP99 = append(ngP99, ng.P99), append(ourP99, our.P99)
			if ng.RPS > 0 {
				ratios = append(ratios, our.RPS/ng.RPS)
			}
		}
		fmt.Fprintf(w, "%-20s %14.0f %10s %14.0f %10s %10.2f× (%.2f–%.2f)\n", c.Name,
			harness.Median(ngRPS), ms(median(ngP99)), harness.Median(ourRPS), ms(median(ourP99)),
			harness.Median(ratios), slices.Min(ratios), slices.Max(ratios))
	}
	fmt.Fprintln(w, "(medians over the rounds; the ratio is per round, ours/nginx requests/s)")
	if len(failed) > 0 {
		return errors.New("responses with errors:\n  " + strings.Join(failed, "\n  "))
	}
	return nil
}

// median is harness.Median for durations.
func median(ds []time.Duration) time.Duration {
	fs := make([]float64, len(ds))
	for i, d := range ds {
		fs[i] = float64(d)
	}
	return time.Duration(harness.Median(fs))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }
