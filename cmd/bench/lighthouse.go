package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// lighthouseChromeFlags are the flags Lighthouse starts Chromium with: the
// ones this project's machines need (no sandbox as root, no background
// networking without internet).
const lighthouseChromeFlags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

// lighthouseAudits maps figure keys to the Lighthouse audits whose
// numericValue they are.
var lighthouseAudits = map[string]string{
	KeyLHTBT:        "total-blocking-time",
	KeyLHFCP:        "first-contentful-paint",
	KeyLHLCP:        "largest-contentful-paint",
	KeyLHSpeedIndex: "speed-index",
	KeyLHCLS:        "cumulative-layout-shift",
}

// lhr is the part of a Lighthouse JSON report that the benchmark reads.
type lhr struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	RuntimeError      *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	RunWarnings []string `json:"runWarnings"`
	Categories  map[string]struct {
		Score *float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]struct {
		NumericValue *float64 `json:"numericValue"`
		ErrorMessage string   `json:"errorMessage"`
	} `json:"audits"`
}

// parseLighthouse reads a Lighthouse JSON report: its version, the
// performance score (0 to 100) and the audits' values by figure key, and
// its warnings. A report with a runtime error, or without a performance
// score, is an error.
func parseLighthouse(r io.Reader) (version string, figs map[string]float64, warnings []string, err error) {
	var rep lhr
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return "", nil, nil, fmt.Errorf("reading Lighthouse's report: %w", err)
	}
	if e := rep.RuntimeError; e != nil && e.Code != "" && e.Code != "NO_ERROR" {
		return rep.LighthouseVersion, nil, rep.RunWarnings, fmt.Errorf("Lighthouse: %s: %s", e.Code, e.Message)
	}
	perf, ok := rep.Categories["performance"]
	if !ok || perf.Score == nil {
		return rep.LighthouseVersion, nil, rep.RunWarnings, fmt.Errorf("Lighthouse's report has no performance score")
	}
	figs = map[string]float64{KeyLHPerformance: *perf.Score * 100}
	for key, audit := range lighthouseAudits {
		if a, ok := rep.Audits[audit]; ok && a.NumericValue != nil {
			figs[key] = *a.NumericValue
		}
	}
	return rep.LighthouseVersion, figs, rep.RunWarnings, nil
}

// runLighthouse runs the Lighthouse command bin on u with its mobile
// preset (the default), the performance category only, and Chromium at
// chrome, and returns its parsed report.
func runLighthouse(ctx context.Context, bin, chrome, u string) (version string, figs map[string]float64, warnings []string, err error) {
	cmd := exec.CommandContext(ctx, bin, u,
		"--output=json", "--output-path=stdout", "--quiet",
		"--only-categories=performance",
		"--chrome-flags="+lighthouseChromeFlags)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", nil, nil, fmt.Errorf("lighthouse %s: %v\n%s", u, err, strings.TrimSpace(stderr.String()))
	}
	return parseLighthouse(bytes.NewReader(out))
}
