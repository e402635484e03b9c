package xbrowser

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// nuFixes is what the failure message of TestSiteNuHTMLChecker suggests for
// the checker's usual findings.
const nuFixes = `Run the checker on one page: java -jar node_modules/vnu-jar/build/dist/vnu.jar --format gnu dist/PAGE.html
Usual findings and their fixes:
  - "heading elements but none … level of 1": the page needs one h1 (the embed's title is one, app/page.go); where the design shows no title, an h1 with class visually-hidden.
  - "Duplicate dt name": one dt per name in a dl, with several dd (components/figures.go groups figures by label).
  - "Duplicate ID": ids must be unique in the page; derive them from the city or section (compare-city-{id}).
  - "Attribute X not allowed on element Y" / "Bad value": an ARIA attribute or value that the element's role does not take; see https://www.w3.org/TR/html-aria/.
  - "Stray end tag" / "Element X not allowed as child of Y": markup nested against the content model (a div inside a p, a li outside ul/ol).`

// TestSiteNuHTMLChecker runs the Nu HTML checker (vnu.jar from npm
// vnu-jar, pinned in package.json; Java from Debian's default-jre-headless,
// see .ci/ensure-java) once over every HTML page of the built site: no
// error and no warning on any of them. Pages are found in the site's
// directory, so new pages are checked as soon as the build writes them.
func TestSiteNuHTMLChecker(t *testing.T) {
	dist := harness.RequireSite(t)
	root, err := harness.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	jar := filepath.Join(root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("the Nu HTML checker is not installed (run `make deps-npm`, or `npm ci --omit=dev`): %v", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("no Java runtime for the Nu HTML checker (run `make deps-java`, or apt-get install default-jre-headless): %v", err)
	}
	pages := builtPages(t, dist)
	files := make([]string, len(pages))
	pageOf := map[string]string{}
	for i, p := range pages {
		files[i] = p.File
		pageOf[filepath.ToSlash(p.File)] = p.Path
	}
	// One run for all pages: the JVM's start is most of the time.
	cmd := exec.Command(java, append([]string{"-jar", jar, "--format", "json", "--stdout", "--exit-zero-always"}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("running the Nu HTML checker: %v\n%s", err, stderr.Bytes())
	}
	var report struct {
		Messages []struct {
			Type, SubType, URL, Message, Extract string
			LastLine                             int
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("reading the Nu HTML checker's report: %v\n%s", err, out)
	}
	failed := 0
	for _, m := range report.Messages {
		// Plain "info" messages are notes (such as where a duplicate
		// first occurred); warnings are info with subType "warning".
		if m.Type == "info" && m.SubType != "warning" {
			continue
		}
		failed++
		kind := m.Type
		if m.SubType != "" {
			kind = m.SubType
		}
		page := m.URL
		if u, err := url.Parse(m.URL); err == nil && pageOf[u.Path] != "" {
			page = pageOf[u.Path]
		}
		t.Errorf("%s line %d: %s: %s\n\t%s", page, m.LastLine, kind, m.Message, strings.TrimSpace(m.Extract))
	}
	if failed > 0 {
		t.Errorf("the Nu HTML checker found %d errors and warnings in %d pages checked.\n%s", failed, len(files), nuFixes)
	}
	t.Logf("Nu HTML checker: %d pages, %d errors and warnings", len(files), failed)
}
