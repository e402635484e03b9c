package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
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
		if err := chromedp.Do(ctx,
			chromedp.Navigate(site.URL+"/city/suzhou"),
			chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)),
		); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByName('app-ready')[0].startTime`))
		if err != nil {
			b.Fatal(err)
		}
		samples = append(samples, ms)
	}
	b.ReportMetric(median(samples), "ms-to-ready")
}
