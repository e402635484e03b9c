package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/template"
	"time"
)

// brotliModule is Debian's brotli_static module for nginx
// (libnginx-mod-http-brotli-static).
const brotliModule = "/usr/share/nginx/modules/ngx_http_brotli_static_module.so"

// nginxConf is README's "Publish dist/ anywhere" setup, in a configuration
// of its own that runs as this user in the foreground.
var nginxConf = template.Must(template.New("nginx.conf").Parse(`
daemon off;
worker_processes 2;
pid {{.Tmp}}/nginx.pid;
error_log {{.Tmp}}/error.log warn;
{{if .Brotli}}load_module {{.Brotli}};{{end}}
events { worker_connections 4096; }
http {
	include /etc/nginx/mime.types;
	types { application/wasm wasm; }
	default_type application/octet-stream;
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	client_body_temp_path {{.Tmp}}/body;
	proxy_temp_path {{.Tmp}}/proxy;
	fastcgi_temp_path {{.Tmp}}/fastcgi;
	uwsgi_temp_path {{.Tmp}}/uwsgi;
	scgi_temp_path {{.Tmp}}/scgi;
	server {
		listen {{.Addr}};
		root {{.Root}};
		gzip_static on;
		{{if .Brotli}}brotli_static on;{{end}}
		location / {
			try_files $uri $uri.html $uri/index.html =404;
		}
		error_page 404 /404.html;
	}
}
`))

// nginx is a running nginx.
type nginx struct {
	url     string
	version string
	cmd     *exec.Cmd
	tmp     string
}

// startNginx serves root with nginx on a free loopback port.
func startNginx(root string) (*nginx, error) {
	bin, err := lookPath("nginx")
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "serverbench-nginx-")
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	brotli := brotliModule
	if _, err := os.Stat(brotli); err != nil {
		return nil, fmt.Errorf("nginx's brotli_static module is missing (apt-get install libnginx-mod-http-brotli-static): %w", err)
	}
	var conf bytes.Buffer
	if err := nginxConf.Execute(&conf, map[string]string{"Tmp": tmp, "Addr": addr, "Root": root, "Brotli": brotli}); err != nil {
		return nil, err
	}
	confFile := filepath.Join(tmp, "nginx.conf")
	if err := os.WriteFile(confFile, conf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	out, _ := exec.Command(bin, "-v").CombinedOutput()
	version := strings.TrimPrefix(strings.TrimSpace(string(out)), "nginx version: ")
	cmd := exec.Command(bin, "-p", tmp, "-c", confFile, "-e", filepath.Join(tmp, "error.log"))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	n := &nginx{url: "http://" + addr, version: version, cmd: cmd, tmp: tmp}
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := http.Get(n.url + "/")
		if err == nil {
			res.Body.Close()
			return n, nil
		}
		if time.Now().After(deadline) {
			n.stop()
			log, _ := os.ReadFile(filepath.Join(tmp, "error.log"))
			return nil, fmt.Errorf("nginx did not answer within 10s: %v\n%s", err, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop ends nginx (SIGQUIT: finish and exit) and removes its files.
func (n *nginx) stop() {
	n.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { n.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		n.cmd.Process.Kill()
		<-done
	}
	os.RemoveAll(n.tmp)
}

// freeAddr returns a loopback address with a port free right now.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// lookPath finds a program, saying how to install it when it is missing.
func lookPath(name string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%s is not installed (make bench-server installs it on Debian): %w", name, err)
	}
	return p, nil
}

// check makes sure url answers 200 with the wanted Content-Encoding, so
// that both servers are measured doing the same work.
func check(url, accept, encoding string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept-Encoding", accept)
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != encoding {
		return fmt.Errorf("GET %s with Accept-Encoding %q: got %d %q, want 200 %q", url, accept, res.StatusCode, res.Header.Get("Content-Encoding"), encoding)
	}
	return nil
}
