package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
)

// config is what the flags ask for.
type config struct {
	URL         string        // base URL of a running server, or "" with Server
	Server      string        // server binary to start on a free loopback port
	Dir         string        // built site: served by Server, and the expected body sizes
	Duration    time.Duration // how long to send requests
	Connections int           // concurrent keep-alive connections
	Sigterm     time.Duration // when to send the server SIGTERM; 0: never
	Redeploy    time.Duration // how often to redeploy the site during the load; 0: never
	Grace       time.Duration // the server's -grace
	Timeout     time.Duration // per request, whole body included
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.URL, "url", "", "base URL of a server already running (instead of -server)")
	fs.StringVar(&cfg.Server, "server", "", "cmd/server binary to start on 127.0.0.1 with -dir (enables memory and -sigterm)")
	fs.StringVar(&cfg.Dir, "dir", "dist", "the built site: served by -server, and the size every body must have")
	fs.DurationVar(&cfg.Duration, "duration", 10*time.Second, "how long to send requests")
	fs.IntVar(&cfg.Connections, "connections", 64, "concurrent keep-alive connections")
	fs.DurationVar(&cfg.Sigterm, "sigterm", 0, "send the server SIGTERM this long after the start (0: never); needs -server")
	fs.DurationVar(&cfg.Redeploy, "redeploy", 0, "redeploy the site this often during the load (0: never): a link re-pointed, the directory replaced, broken trees; every body must be byte-identical to the site's or to a changed build's; needs -server")
	fs.DurationVar(&cfg.Grace, "grace", 10*time.Second, "the server's -grace: it must exit within this after SIGTERM")
	fs.DurationVar(&cfg.Timeout, "timeout", 30*time.Second, "limit for one request, body included")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, &cli.UsageError{Err: err}
	}
	bad := func(format string, a ...any) (config, error) {
		err := fmt.Errorf(format, a...)
		fmt.Fprintln(stderr, err)
		fs.Usage()
		return cfg, &cli.UsageError{Err: err}
	}
	switch {
	case fs.NArg() > 0:
		return bad("unexpected arguments: %q", fs.Args())
	case (cfg.URL == "") == (cfg.Server == ""):
		return bad("give exactly one of -url and -server")
	case cfg.Server != "" && cfg.Dir == "":
		return bad("-server needs -dir")
	case cfg.Duration <= 0:
		return bad("-duration must be positive, got %s", cfg.Duration)
	case cfg.Connections < 1 || cfg.Connections > 10000:
		return bad("-connections must be between 1 and 10000, got %d", cfg.Connections)
	case cfg.Sigterm < 0 || cfg.Sigterm >= cfg.Duration && cfg.Sigterm != 0:
		return bad("-sigterm must be between 0 and -duration, got %s", cfg.Sigterm)
	case cfg.Sigterm > 0 && cfg.Server == "":
		return bad("-sigterm needs -server: the load test must own the process it signals")
	case cfg.Redeploy < 0 || cfg.Redeploy > 0 && (cfg.Server == "" || cfg.Sigterm > 0 || cfg.Redeploy*2 > cfg.Duration):
		return bad("-redeploy needs -server, no -sigterm, and a -duration of at least two redeploys")
	case cfg.Timeout <= 0 || cfg.Grace < 0:
		return bad("-timeout must be positive and -grace not negative")
	}
	if cfg.URL != "" {
		u, err := url.Parse(cfg.URL)
		if err != nil || u.Scheme != "http" || u.Host == "" {
			return bad("-url must be an http:// URL, got %q", cfg.URL)
		}
		cfg.URL = strings.TrimSuffix(cfg.URL, "/") + "/"
	}
	return cfg, nil
}

// target is one kind of request in the mix and what its answer must be.
type target struct {
	Name     string
	Path     string // without the leading slash
	Accept   string // Accept-Encoding sent
	Status   int    // status wanted
	Encoding string // Content-Encoding wanted
	File     string // file under -dir whose size the body must have
	Weight   int    // share of the requests
}

// mix is the request mix: mostly pages, as readers and crawlers ask for
// them, the wasm as a browser fetches it, the manifest, and a miss.
var mix = []target{
	{"page / (br)", "", "gzip, deflate, br, zstd", http.StatusOK, "br", "index.html.br", 3},
	{"page /city/suzhou (gzip)", "city/suzhou", "gzip", http.StatusOK, "gzip", "city/suzhou.html.gz", 2},
	{"page /en/city/nanjing (identity)", "en/city/nanjing", "", http.StatusOK, "", "en/city/nanjing.html", 1},
	{"wasm /web/app.wasm (br)", "web/app.wasm", "br", http.StatusOK, "br", "web/app.wasm.br", 1},
	{"manifest /manifest.webmanifest (br)", "manifest.webmanifest", "br, gzip", http.StatusOK, "br", "manifest.webmanifest.br", 1},
	{"missing /no/such/file.js (gzip)", "no/such/file.js", "gzip", http.StatusNotFound, "gzip", "404.html.gz", 2},
}

// schedule lists target indexes by weight, the order every connection
// cycles through (each from its own offset).
func schedule(targets []target) []int {
	var s []int
	for i, t := range targets {
		for range t.Weight {
			s = append(s, i)
		}
	}
	return s
}
