package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// YieldToBrowser lets the browser run for a moment: it returns after a
// task of its own, started with setTimeout. Go's start-up (the runtime
// and every package's initialisation) and go-app's first render each hold
// the main thread for a while; yielding between them splits one long task
// in two, so that a tap or a frame in between is not held up by both. A
// click meanwhile is still web/page.js's to handle. Outside a browser it
// returns at once.
func YieldToBrowser() {
	if !goapp.IsClient {
		return
	}
	done := make(chan struct{})
	resume := goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		close(done)
		return nil
	})
	defer resume.Release()
	goapp.Window().Call("setTimeout", resume, 0)
	<-done
}
