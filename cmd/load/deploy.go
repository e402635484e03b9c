package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// deployment is a site served through a symbolic link, redeployed during
// the load the ways sites are deployed: the link re-pointed to another
// release, the directory it leads to replaced by another, and a broken
// tree that the server must refuse. Two builds take turns: A, the site
// given, and B, the same with every page changed (and recompressed).
//
//	root/current → releases/a | releases/b | live | broken-*
type deployment struct {
	root    string
	current string // what the server is given
	a, b    string // the two builds, as released directories
	live    string // a directory replaced in place by A or B
	// failures are deploy steps that could not be done.
	failures []string
}

// newDeployment lays out the two builds and the broken trees under a new
// temporary directory, with current leading to A.
func newDeployment(dist string) (*deployment, error) {
	root, err := os.MkdirTemp("", "jsmap-redeploy-")
	if err != nil {
		return nil, err
	}
	d := &deployment{
		root:    root,
		current: filepath.Join(root, "current"),
		a:       filepath.Join(root, "releases", "a"),
		b:       filepath.Join(root, "releases", "b"),
		live:    filepath.Join(root, "live"),
	}
	steps := []func() error{
		func() error { return copyTree(dist, d.a, nil) },
		func() error { return copyTree(dist, d.b, rebuildPage) },
		func() error { return copyTree(d.b, d.live, nil) },
		// Broken trees: no index.html, and a build whose compression
		// stopped half-way through a file.
		func() error { return copyTree(d.b, filepath.Join(root, "broken-noindex"), nil) },
		func() error { return os.Remove(filepath.Join(root, "broken-noindex", "index.html")) },
		func() error { return copyTree(d.b, filepath.Join(root, "broken-halfgz"), nil) },
		func() error { return truncateHalf(filepath.Join(root, "broken-halfgz", "city", "suzhou.html.gz")) },
		func() error { return os.Symlink(d.a, d.current) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			d.remove()
			return nil, fmt.Errorf("preparing the redeploys: %w", err)
		}
	}
	return d, nil
}

// remove deletes everything the deployment wrote.
func (d *deployment) remove() { os.RemoveAll(d.root) }

// redeploys is the cycle of deploy steps: what each does, and the build
// the server serves once it has taken it ("" when it must refuse it and
// keep the one before).
func (d *deployment) redeploys() []struct {
	name  string
	build string
	do    func() error
} {
	return []struct {
		name  string
		build string
		do    func() error
	}{
		{"re-point the link to B", "B", func() error { return d.point(d.b) }},
		{"re-point the link to a broken tree (no index.html)", "", func() error { return d.point(filepath.Join(d.root, "broken-noindex")) }},
		{"replace the live directory by A and point the link there", "A", func() error { return d.replaceLive(d.a, true) }},
		{"replace the live directory by B", "B", func() error { return d.replaceLive(d.b, false) }},
		{"re-point the link to a broken tree (half-written .gz)", "", func() error { return d.point(filepath.Join(d.root, "broken-halfgz")) }},
		{"re-point the link to A", "A", func() error { return d.point(d.a) }},
	}
}

// deployStep is a redeploy done.
type deployStep struct {
	name   string
	broken bool // a tree the server must refuse
}

// run does one redeploy every interval until end, and returns what it did.
func (d *deployment) run(ctx context.Context, interval time.Duration, end time.Time) []deployStep {
	var done []deployStep
	steps := d.redeploys()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return done
		case <-time.After(interval):
		}
		if time.Now().Add(interval / 2).After(end) {
			return done // leave the last one time to be served
		}
		step := steps[i%len(steps)]
		if err := step.do(); err != nil {
			d.failures = append(d.failures, fmt.Sprintf("redeploy %q: %v", step.name, err))
		}
		done = append(done, deployStep{step.name, step.build == ""})
	}
}

// point re-points current to dir atomically, as `ln -sfn` does.
func (d *deployment) point(dir string) error {
	tmp := d.current + ".new"
	os.Remove(tmp)
	if err := os.Symlink(dir, tmp); err != nil {
		return err
	}
	return os.Rename(tmp, d.current)
}

// replaceLive puts a copy of build into the live directory by renaming a
// new directory over it, and leads current there.
func (d *deployment) replaceLive(build string, pointThere bool) error {
	next, old := d.live+".next", d.live+".old"
	os.RemoveAll(next)
	os.RemoveAll(old)
	if err := copyTree(build, next, nil); err != nil {
		return err
	}
	if err := os.Rename(d.live, old); err != nil {
		return err
	}
	if err := os.Rename(next, d.live); err != nil {
		return err
	}
	if pointThere {
		if err := d.point(d.live); err != nil {
			return err
		}
	}
	return os.RemoveAll(old)
}

// copyTree copies the regular files under src to dst, passing each
// through change when it is not nil (which may add files by returning
// them keyed by name relative to dst).
func copyTree(src, dst string, change func(name string, body []byte) (map[string][]byte, error)) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := map[string][]byte{rel: body}
		if change != nil {
			if out, err = change(rel, body); err != nil {
				return err
			}
		}
		for name, b := range out {
			target := filepath.Join(dst, name)
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(target, b, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
}

// rebuildPage turns a file of build A into build B's: every HTML page
// gets a comment naming the build, and its siblings are compressed anew;
// the other files stay as they are.
func rebuildPage(name string, body []byte) (map[string][]byte, error) {
	switch {
	case strings.HasSuffix(name, ".html.br"), strings.HasSuffix(name, ".html.gz"):
		return nil, nil // written with their page
	case !strings.HasSuffix(name, ".html"):
		return map[string][]byte{name: body}, nil
	}
	page := append(bytes.Clone(body), "\n<!-- build B, for the redeploy load test -->\n"...)
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(page)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	bw := brotli.NewWriterLevel(&br, 4)
	bw.Write(page)
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return map[string][]byte{name: page, name + ".gz": gz.Bytes(), name + ".br": br.Bytes()}, nil
}

// truncateHalf cuts a file to half its length, as a build interrupted
// while writing it leaves it.
func truncateHalf(name string) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.Truncate(name, info.Size()/2)
}
