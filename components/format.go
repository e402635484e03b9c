package components

import (
	"fmt"
	"time"

	"github.com/jiangsu-map/jsmap/data"
)

// parseDay reads a "2024-03-14" date (time.DateOnly). It does what
// time.Parse does for this one layout at a fraction of its cost, which
// shows in the WebAssembly app's first render (every dated initiative and
// timeline event).
func parseDay(v string) (time.Time, bool) {
	if len(v) != len(time.DateOnly) || v[4] != '-' || v[7] != '-' {
		return time.Time{}, false
	}
	num := func(s string) int {
		n := 0
		for _, c := range []byte(s) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(v[:4]), num(v[5:7]), num(v[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 30 February and the like roll over
		return time.Time{}, false
	}
	return t, true
}

// formatDate writes an initiative's day or span of days for readers:
// "2024年3月14日至16日" or "14–16 March 2024". It returns "" when the
// initiative has no date.
func formatDate(l data.Lang, start, end string) string {
	s, ok := parseDay(start)
	if !ok {
		return ""
	}
	e, ok := parseDay(end)
	hasEnd := ok && e.After(s)
	sameYear := hasEnd && e.Year() == s.Year()
	sameMonth := sameYear && e.Month() == s.Month()
	if l == data.En {
		switch {
		case !hasEnd:
			return fmt.Sprintf("%d %s %d", s.Day(), s.Month(), s.Year())
		case sameMonth:
			return fmt.Sprintf("%d–%d %s %d", s.Day(), e.Day(), s.Month(), s.Year())
		case sameYear:
			return fmt.Sprintf("%d %s – %d %s %d", s.Day(), s.Month(), e.Day(), e.Month(), s.Year())
		default:
			return fmt.Sprintf("%d %s %d – %d %s %d", s.Day(), s.Month(), s.Year(), e.Day(), e.Month(), e.Year())
		}
	}
	out := fmt.Sprintf("%d年%d月%d日", s.Year(), int(s.Month()), s.Day())
	switch {
	case !hasEnd:
	case sameMonth:
		out += fmt.Sprintf("至%d日", e.Day())
	case sameYear:
		out += fmt.Sprintf("至%d月%d日", int(e.Month()), e.Day())
	default:
		out += fmt.Sprintf("至%d年%d月%d日", e.Year(), int(e.Month()), e.Day())
	}
	return out
}
