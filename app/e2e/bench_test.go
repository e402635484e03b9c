package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/apptest"
)

// BenchmarkTimeToReady measures, in a fresh browser each time, the time from
// navigation start to the WebAssembly app marking itself ready, on
// /city/suzhou with an empty cache and no throttling. It reports the median
// as ms-to-ready.
func BenchmarkTimeToReady(b *testing.B) {
	var samples []float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ctx := apptestBrowser(b)
		b.StartTimer()
		samples = append(samples, readyAfter(b, ctx, site.URL+"/city/suzhou"))
	}
	b.ReportMetric(median(samples), "ms-to-ready")
}

// readyAfter opens url and returns the milliseconds from navigation start
// to the app's 'app-ready' mark.
func readyAfter(b *testing.B, ctx context.Context, url string) float64 {
	b.Helper()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)),
	); err != nil {
		b.Fatal(err)
	}
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByName('app-ready')[0].startTime`))
	if err != nil {
		b.Fatal(err)
	}
	return ms
}

// BenchmarkOfflineRepeatVisit visits the site once, stops the server, and
// then measures the time to data-app="ready" of a page opened offline from
// the service worker's cache (median, ms-offline-ready). It also reports
// what the worker caches: sw-files and sw-bytes.
func BenchmarkOfflineRepeatVisit(b *testing.B) {
	dist, err := apptest.Dist()
	if err != nil {
		b.Fatal(err)
	}
	srv, err := apptest.StartServer(dist, "")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Stop()
	ctx := apptestBrowser(b)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)),
	); err != nil {
		b.Fatal(err)
	}
	type stats struct{ Files, Bytes int }
	st, err := chromedp.Run(ctx, chromedp.Evaluate[stats](`(async () => {
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
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatal(err)
	}
	srv.Stop()
	var samples []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		path := []string{"/city/yancheng", "/en/city/suzhou", "/"}[i%3]
		samples = append(samples, readyAfter(b, ctx, srv.URL+path))
	}
	b.ReportMetric(median(samples), "ms-offline-ready")
	b.ReportMetric(float64(st.Files), "sw-files")
	b.ReportMetric(float64(st.Bytes), "sw-bytes")
}
