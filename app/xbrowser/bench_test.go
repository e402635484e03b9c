package xbrowser

import (
	"context"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// The desktop benchmarks, in Chromium (cmd/bench measures the phone):
//
//	make build && JSMAP_BROWSERS=chromium go test -run '^$' -bench . ./app/xbrowser/

// BenchmarkTimeToReady measures, in a fresh browser each time, the time from
// navigation start to the WebAssembly app marking itself ready, on
// /city/suzhou with an empty cache and no throttling. It reports the median
// as ms-to-ready.
func BenchmarkTimeToReady(b *testing.B) {
	base := siteURL(b)
	var samples []float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		br := startFor(b, "chromium", Options{})
		b.StartTimer()
		samples = append(samples, readyAfter(b, br, base+"/city/suzhou"))
		b.StopTimer()
		br.Close()
		b.StartTimer()
	}
	b.ReportMetric(harness.Median(samples), "ms-to-ready")
}

// readyAfter opens url in br and returns the milliseconds from navigation
// start to the app's 'app-ready' mark.
func readyAfter(b *testing.B, br Browser, url string) float64 {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := br.Navigate(ctx, url); err != nil {
		b.Fatal(err)
	}
	if err := WaitFor(ctx, br, `document.documentElement.getAttribute('data-app') === 'ready'`); err != nil {
		b.Fatal(err)
	}
	var ms float64
	if err := br.Eval(ctx, `performance.getEntriesByName('app-ready')[0].startTime`, &ms); err != nil {
		b.Fatal(err)
	}
	return ms
}

// BenchmarkOfflineRepeatVisit visits the site once, stops the server, and
// then measures the time to data-app="ready" of a page opened offline from
// the service worker's cache (median, ms-offline-ready). It also reports
// what the worker caches: sw-files and sw-bytes.
func BenchmarkOfflineRepeatVisit(b *testing.B) {
	dist := harness.RequireSite(b)
	srv := harness.MustStartServer(b, dist, "")
	br := startFor(b, "chromium", Options{})
	readyAfter(b, br, srv.URL+"/")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var st struct{ Files, Bytes int }
	if err := br.Eval(ctx, `(async () => {
		await navigator.serviceWorker.ready;
		const src = await (await fetch((await navigator.serviceWorker.ready).active.scriptURL)).text();
		const want = JSON.parse(src.match(/const resourcesToCache = (\[.*?\]);/)[1]).length;
		let cache, reqs = [];
		for (let i = 0; i < 200 && reqs.length < want; i++) {
			const keys = await caches.keys();
			if (keys.length) { cache = await caches.open(keys[0]); reqs = await cache.keys(); }
			await new Promise(r => setTimeout(r, 50));
		}
		let bytes = 0;
		for (const r of reqs) bytes += (await (await cache.match(r)).arrayBuffer()).byteLength;
		return {Files: reqs.length, Bytes: bytes};
	})()`, &st); err != nil {
		b.Fatal(err)
	}
	if err := srv.Stop(); err != nil {
		b.Fatal(err)
	}
	var samples []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		path := []string{"/city/yancheng", "/en/city/suzhou", "/"}[i%3]
		samples = append(samples, readyAfter(b, br, srv.URL+path))
	}
	b.ReportMetric(harness.Median(samples), "ms-offline-ready")
	b.ReportMetric(float64(st.Files), "sw-files")
	b.ReportMetric(float64(st.Bytes), "sw-bytes")
}
