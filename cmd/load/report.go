package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// percentile returns the q-quantile (0 < q <= 1) of sorted durations by
// the nearest-rank method, or 0 for none.
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(q * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// mib formats bytes in MiB.
func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

// ms formats a duration in milliseconds.
func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

// print writes the report.
func (r *report) print(w io.Writer) {
	s := r.stats
	lat := slices.Clone(s.latencies)
	slices.Sort(lat)
	secs := r.elapsed.Seconds()
	mode := "plain load"
	switch {
	case r.cfg.Sigterm > 0:
		mode = fmt.Sprintf("SIGTERM after %s", r.cfg.Sigterm)
	case r.cfg.Redeploy > 0:
		mode = fmt.Sprintf("redeploying every %s", r.cfg.Redeploy)
	}
	fmt.Fprintf(w, "load: %s on %d connections for %s against %s (%s)\n", mode, r.cfg.Connections, r.cfg.Duration, r.base, r.serverDesc())
	fmt.Fprintf(w, "  requests     %d complete in %.2fs: %.0f requests/s, %.1f MiB/s\n", s.complete, secs, float64(s.complete)/secs, float64(s.bytes)/(1<<20)/secs)
	fmt.Fprintf(w, "  latency      p50 %s, p90 %s, p99 %s, max %s\n", ms(percentile(lat, 0.50)), ms(percentile(lat, 0.90)), ms(percentile(lat, 0.99)), ms(percentile(lat, 1)))
	names := make([]string, 0, len(s.byTarget))
	for name := range s.byTarget {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var parts []string
		for code, n := range s.byTarget[name] {
			parts = append(parts, fmt.Sprintf("%d×%d", n, code))
		}
		sort.Strings(parts)
		fmt.Fprintf(w, "  %-38s %s\n", name, strings.Join(parts, " "))
	}
	if r.pid != 0 {
		if r.memErr != nil {
			fmt.Fprintf(w, "  server RSS   unknown: %v\n", r.memErr)
		} else {
			when := "after the load"
			if r.sigterm != nil {
				when = "at SIGTERM"
			}
			fmt.Fprintf(w, "  server RSS   %s before, %s %s (peak %s)\n", mib(r.before.RSS), mib(r.after.RSS), when, mib(r.after.Peak))
		}
	}
	if sd := r.sigterm; sd != nil {
		refused := "no connection refused"
		if sd.refusedAt >= 0 {
			refused = fmt.Sprintf("first refused %s after SIGTERM", ms(sd.refusedAt))
		}
		fmt.Fprintf(w, "  shutdown     SIGTERM at %.2fs; %d responses in flight then finished whole; exit code %d after %s; %s; %d connections refused, %d reset before a response\n",
			sd.at.Seconds(), s.finishedAfterSigterm, sd.exitCode, ms(sd.exitAfter), refused, s.refused, s.reset)
	}
	if r.cfg.Redeploy > 0 {
		fmt.Fprintf(w, "  redeploys    %d, one every %s (%d of broken trees, refused %d times)\n", len(r.deploys), r.cfg.Redeploy, r.brokenDeploys(), r.refusals())
		for i, d := range r.deploys {
			fmt.Fprintf(w, "    %d. %s\n", i+1, d.name)
		}
		fmt.Fprintf(w, "  bodies       build A %d, build B %d (pages; the other files are the same in both)\n", s.byBuild["A"], s.byBuild["B"])
	}
	for line := range strings.Lines(r.serverLog) {
		fmt.Fprintf(w, "  server log   %s", line)
	}
	kinds := make([]string, 0, len(s.problems))
	for kind := range s.problems {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	total := 0
	for _, kind := range kinds {
		total += s.problems[kind]
	}
	fmt.Fprintf(w, "  errors       %d\n", total)
	for _, kind := range kinds {
		fmt.Fprintf(w, "    %s: %d\n", kind, s.problems[kind])
		for _, e := range s.examples[kind] {
			fmt.Fprintf(w, "      e.g. %s\n", e)
		}
	}
}

// serverDesc says which server was measured.
func (r *report) serverDesc() string {
	if r.pid == 0 {
		return "external server"
	}
	return fmt.Sprintf("%s -dir %s, pid %d", r.cfg.Server, r.cfg.Dir, r.pid)
}

// failures lists every failed check.
func (r *report) failures() []string {
	var out []string
	kinds := make([]string, 0, len(r.stats.problems))
	for kind := range r.stats.problems {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		out = append(out, fmt.Sprintf("%s: %d", kind, r.stats.problems[kind]))
	}
	if r.cfg.Redeploy > 0 {
		if r.stats.byBuild["A"] == 0 || r.stats.byBuild["B"] == 0 {
			out = append(out, fmt.Sprintf("redeploys: bodies from A %d, from B %d; want both builds served", r.stats.byBuild["A"], r.stats.byBuild["B"]))
		}
		if b, n := r.brokenDeploys(), r.refusals(); b > 0 && (n == 0 || n > b) {
			out = append(out, fmt.Sprintf("redeploys: the server refused %d trees, want between 1 and the %d broken ones", n, b))
		}
		if len(r.deploys) < 3 {
			out = append(out, fmt.Sprintf("redeploys: %d done, want at least 3 (a longer -duration)", len(r.deploys)))
		}
	}
	return append(out, r.extra...)
}

// brokenDeploys counts the redeploys of trees the server must refuse.
func (r *report) brokenDeploys() int {
	n := 0
	for _, d := range r.deploys {
		if d.broken {
			n++
		}
	}
	return n
}

// refusals counts the trees the server logged as refused.
func (r *report) refusals() int { return strings.Count(r.serverLog, ": refused: ") }

func joinLines(lines []string) string { return strings.Join(lines, "\n  ") }
