package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// ShareButton shares the current page: with the Web Share API where the
// browser has it, otherwise by copying the link, with a visible
// confirmation.
type ShareButton struct {
	goapp.Compo

	Lang  data.Lang
	Title string

	status string
}

func (b *ShareButton) share(ctx goapp.Context, e goapp.Event) {
	l := b.Lang
	w := goapp.Window()
	u := w.Get("location").Get("href").String()
	done := func(msg string) { ctx.Dispatch(func(ctx goapp.Context) { b.status = msg }) }
	nav := w.Get("navigator")
	var ok, fail goapp.Func
	release := func() {
		ok.Release()
		fail.Release()
	}
	if nav.Get("share").Truthy() {
		ok = goapp.FuncOf(func(goapp.Value, []goapp.Value) any { release(); return nil })
		fail = goapp.FuncOf(func(goapp.Value, []goapp.Value) any { release(); return nil }) // cancelled
		nav.Call("share", map[string]any{"title": b.Title, "url": u}).Call("then", ok, fail)
		return
	}
	clip := nav.Get("clipboard")
	if !clip.Truthy() {
		done(txtShareFailed.In(l))
		return
	}
	ok = goapp.FuncOf(func(goapp.Value, []goapp.Value) any { release(); done(txtLinkCopied.In(l)); return nil })
	fail = goapp.FuncOf(func(goapp.Value, []goapp.Value) any { release(); done(txtShareFailed.In(l)); return nil })
	clip.Call("writeText", u).Call("then", ok, fail)
}

// Render draws the button and its confirmation.
func (b *ShareButton) Render() goapp.UI {
	return el("div").Class("share").Body(
		el("button").Class("share-button").Attr("type", "button").OnClick(b.share).Text(txtShare.In(b.Lang)),
		el("span").Class("share-status").Attr("role", "status").Text(b.status),
	)
}
