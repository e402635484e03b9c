// Package wordpress runs a real WordPress on loopback, for the test that
// embeds the map in it the three ways editors do (wordpress_test.go, run
// by `make wordpress`): Debian's packages (wordpress and its Twenty
// Twenty-Three theme, php-cli, php-mysql, mariadb-server), a throwaway
// MariaDB in a scratch directory (its own socket, no TCP port), PHP's
// built-in web server, and WordPress installed by its own PHP functions.
// Nothing outside the scratch directory is written: the WordPress code is
// linked into it (hard links, or copies across file systems) with a
// configuration of its own, and a must-use plugin lets WordPress fetch
// oEmbed data from the loopback ports it is told (WordPress refuses
// loopback hosts, and ports other than 80, 443 and 8080, by default).
package wordpress

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// DefaultRoot is where Debian's wordpress package installs WordPress.
const DefaultRoot = "/usr/share/wordpress"

// Packages are the Debian packages a Site needs (`make wordpress` installs
// them).
var Packages = []string{"wordpress", "wordpress-theme-twentytwentythree", "php-cli", "php-mysql", "mariadb-server"}

// Theme is the theme the site uses: WordPress 6.1's default.
const Theme = "twentytwentythree"

// Config says how to start a Site.
type Config struct {
	// Dir is an empty scratch directory for the database, the linked
	// WordPress code and the logs; the caller removes it.
	Dir string
	// Root is the WordPress code (default DefaultRoot).
	Root string
	// FetchPorts are the loopback ports WordPress may fetch oEmbed data
	// from (besides 80, 443 and 8080).
	FetchPorts []int
	// HeadHTML is added to the head of every page (a host's stylesheet
	// line, say).
	HeadHTML string
	// Log receives the servers' output (default: discarded).
	Log io.Writer
}

// Site is a running WordPress.
type Site struct {
	// URL is its address, without trailing slash: http://127.0.0.1:PORT.
	URL string

	cfg   Config
	wp    string // the linked WordPress code
	sock  string // MariaDB's socket
	procs []*exec.Cmd
}

// Start installs and starts a WordPress in cfg.Dir. Stop it with Stop.
func Start(ctx context.Context, cfg Config) (_ *Site, err error) {
	if cfg.Root == "" {
		cfg.Root = DefaultRoot
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if err := check(cfg.Root); err != nil {
		return nil, err
	}
	s := &Site{cfg: cfg, wp: filepath.Join(cfg.Dir, "wordpress"), sock: filepath.Join(cfg.Dir, "mysqld.sock")}
	defer func() {
		if err != nil {
			s.Stop()
		}
	}()
	if err := linkTree(cfg.Root, s.wp); err != nil {
		return nil, fmt.Errorf("wordpress: linking %s: %w", cfg.Root, err)
	}
	if err := s.startDatabase(ctx); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s.URL = "http://127.0.0.1:" + strconv.Itoa(port)
	if err := s.writeConfig(); err != nil {
		return nil, err
	}
	if _, err := s.php(ctx, installPHP, nil); err != nil {
		return nil, fmt.Errorf("wordpress: installing: %w", err)
	}
	if err := s.startPHP(ctx, port); err != nil {
		return nil, err
	}
	return s, nil
}

// check says what is missing to run WordPress here.
func check(root string) error {
	var missing []string
	for _, bin := range []string{"php", "mariadb-install-db", "mariadbd", "mariadb-admin"} {
		if _, err := exec.LookPath(bin); err != nil {
			missing = append(missing, bin)
		}
	}
	for _, f := range []string{"wp-load.php", "wp-content/themes/" + Theme + "/theme.json"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			missing = append(missing, filepath.Join(root, f))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("wordpress: missing %s: install Debian's %s (`make wordpress` does)", strings.Join(missing, ", "), strings.Join(Packages, " "))
	}
	return nil
}

// linkTree recreates the tree src in dst: directories made anew, files
// hard-linked (copied where links cannot be made), symbolic links kept.
// WordPress finds its configuration beside its code, so the code must
// seem to live in dst.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case rel == "wp-config.php":
			return nil // ours is written by writeConfig
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		}
		if os.Link(p, to) == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

// freePort finds a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startDatabase creates a throwaway MariaDB in the scratch directory,
// reachable only through its socket, and its database.
func (s *Site) startDatabase(ctx context.Context) error {
	data := filepath.Join(s.cfg.Dir, "db")
	user := []string{}
	if os.Geteuid() == 0 {
		user = []string{"--user=root"} // MariaDB runs as root only when told
	}
	install := exec.CommandContext(ctx, "mariadb-install-db", append([]string{"--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"}, user...)...)
	if out, err := install.CombinedOutput(); err != nil {
		return fmt.Errorf("wordpress: mariadb-install-db: %v\n%s", err, out)
	}
	if err := s.start(exec.Command("mariadbd", append([]string{"--no-defaults", "--datadir=" + data, "--socket=" + s.sock,
		"--skip-networking", "--pid-file=" + filepath.Join(s.cfg.Dir, "mysqld.pid"), "--log-error=" + filepath.Join(s.cfg.Dir, "mysqld.err")}, user...)...)); err != nil {
		return err
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := exec.CommandContext(ctx, "mariadb-admin", "--no-defaults", "--socket="+s.sock, "-uroot", "ping").Run()
		if err == nil {
			break
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			b, _ := os.ReadFile(filepath.Join(s.cfg.Dir, "mysqld.err"))
			return fmt.Errorf("wordpress: MariaDB did not start: %v\n%s", err, b)
		}
		time.Sleep(200 * time.Millisecond)
	}
	out, err := exec.CommandContext(ctx, "mariadb-admin", "--no-defaults", "--socket="+s.sock, "-uroot", "create", "wordpress").CombinedOutput()
	if err != nil {
		return fmt.Errorf("wordpress: creating the database: %v\n%s", err, out)
	}
	return nil
}

// start runs cmd in a process group of its own (PHP's server forks
// workers), its output to the log.
func (s *Site) start(cmd *exec.Cmd) error {
	cmd.Stdout, cmd.Stderr = s.cfg.Log, s.cfg.Log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("wordpress: starting %s: %w", cmd.Path, err)
	}
	s.procs = append(s.procs, cmd)
	return nil
}

// startPHP serves WordPress with PHP's built-in server on port, with a
// few workers (a page may embed several maps while WordPress fetches).
func (s *Site) startPHP(ctx context.Context, port int) error {
	cmd := exec.Command("php", "-S", "127.0.0.1:"+strconv.Itoa(port), "-t", s.wp)
	cmd.Env = append(os.Environ(), "PHP_CLI_SERVER_WORKERS=4")
	if err := s.start(cmd); err != nil {
		return err
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.URL + "/wp-login.php")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("status %d", res.StatusCode)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("wordpress: PHP's server did not answer: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Stop ends the servers; the scratch directory is the caller's.
func (s *Site) Stop() error {
	var errs []error
	for i := len(s.procs) - 1; i >= 0; i-- {
		cmd := s.procs[i]
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			errs = append(errs, fmt.Errorf("wordpress: %s did not stop on SIGTERM", cmd.Path))
			<-done
		}
	}
	s.procs = nil
	return errors.Join(errs...)
}

// Post publishes a post with the given title and content (as an editor
// would save it) and returns its address.
func (s *Site) Post(ctx context.Context, title, content string) (string, error) {
	in, err := json.Marshal(map[string]string{"title": title, "content": content})
	if err != nil {
		return "", err
	}
	out, err := s.php(ctx, postPHP, in)
	if err != nil {
		return "", fmt.Errorf("wordpress: posting %q: %w", title, err)
	}
	var r struct{ URL string }
	if err := json.Unmarshal(out, &r); err != nil || r.URL == "" {
		return "", fmt.Errorf("wordpress: posting %q: unexpected answer %q", title, out)
	}
	return r.URL, nil
}

// php runs a PHP script with WordPress loaded, stdin as its input, and
// returns what it prints.
func (s *Site) php(ctx context.Context, script string, stdin []byte) ([]byte, error) {
	f := filepath.Join(s.cfg.Dir, "script.php")
	if err := os.WriteFile(f, []byte(script), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "php", "-d", "error_reporting=E_ALL&~E_DEPRECATED", "-d", "display_errors=stderr", f, s.wp, s.URL)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%v\n%s%s", err, errOut.Bytes(), out.Bytes())
	}
	return out.Bytes(), nil
}

// writeConfig writes WordPress's configuration and the test's must-use
// plugin.
func (s *Site) writeConfig() error {
	q := func(v string) string { return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'" }
	content := filepath.Join(s.wp, "wp-content")
	config := "<?php\n" +
		"define('DB_NAME', 'wordpress');\n" +
		"define('DB_USER', 'root');\n" +
		"define('DB_PASSWORD', '');\n" +
		"define('DB_HOST', " + q("localhost:"+s.sock) + ");\n" +
		"define('DB_CHARSET', 'utf8mb4');\n" +
		"define('DB_COLLATE', '');\n" +
		"define('WP_HOME', " + q(s.URL) + ");\n" +
		"define('WP_SITEURL', " + q(s.URL) + ");\n" +
		"define('WP_CONTENT_DIR', " + q(content) + ");\n" +
		"define('WP_CONTENT_URL', " + q(s.URL+"/wp-content") + ");\n" +
		// No cron, updates or file changes: the code is linked from
		// the system's, and nothing may run behind the test's back.
		"define('DISABLE_WP_CRON', true);\n" +
		"define('DISALLOW_FILE_MODS', true);\n" +
		"define('AUTOMATIC_UPDATER_DISABLED', true);\n" +
		"define('WP_DEBUG', true);\n" +
		"define('WP_DEBUG_DISPLAY', false);\n" +
		"define('WP_DEBUG_LOG', " + q(filepath.Join(s.cfg.Dir, "debug.log")) + ");\n" +
		"$table_prefix = 'wp_';\n"
	for _, k := range []string{"AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"} {
		config += "define('" + k + "', 'jsmap-test-only');\n"
	}
	config += "if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');\nrequire_once ABSPATH . 'wp-settings.php';\n"
	if err := os.WriteFile(filepath.Join(s.wp, "wp-config.php"), []byte(config), 0o644); err != nil {
		return err
	}
	ports := make([]string, len(s.cfg.FetchPorts))
	for i, p := range s.cfg.FetchPorts {
		ports[i] = strconv.Itoa(p)
	}
	plugin := "<?php\n" +
		"// Test only: WordPress may fetch oEmbed data from the map served on loopback.\n" +
		"add_filter('http_request_host_is_external', '__return_true');\n" +
		"add_filter('http_allowed_safe_ports', function ($ports) { return array_merge($ports, array(" + strings.Join(ports, ", ") + ")); });\n" +
		"// No mail on a test machine.\n" +
		"function wp_mail() { return true; }\n"
	if s.cfg.HeadHTML != "" {
		plugin += "add_action('wp_head', function () { echo " + q(s.cfg.HeadHTML) + ", \"\\n\"; });\n"
	}
	mu := filepath.Join(content, "mu-plugins")
	if err := os.MkdirAll(mu, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(mu, "jsmap-test.php"), []byte(plugin), 0o644)
}

// installPHP installs WordPress (argv[1] is its code, argv[2] its address)
// with the default theme.
const installPHP = `<?php
define('WP_INSTALLING', true);
$u = parse_url($argv[2]);
$_SERVER['HTTP_HOST'] = $u['host'] . ':' . $u['port'];
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('Jsmap WordPress test', 'editor', 'editor@example.com', true, '', wp_generate_password());
if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message()); exit(1); }
switch_theme('` + Theme + `');
if (get_stylesheet() !== '` + Theme + `') { fwrite(STDERR, "theme ` + Theme + ` not active\n"); exit(1); }
echo "installed\n";
`

// postPHP publishes the post read as JSON from stdin and prints its
// address as JSON.
const postPHP = `<?php
$u = parse_url($argv[2]);
$_SERVER['HTTP_HOST'] = $u['host'] . ':' . $u['port'];
require $argv[1] . '/wp-load.php';
wp_set_current_user(1); // the editor who installed the site
$p = json_decode(file_get_contents('php://stdin'), true);
$id = wp_insert_post(array('post_title' => $p['title'], 'post_content' => $p['content'], 'post_status' => 'publish', 'post_author' => 1), true);
if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
echo json_encode(array('url' => get_permalink($id))), "\n";
`
