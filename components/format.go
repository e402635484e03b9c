package components

import (
	"fmt"
	"time"

	"github.com/jiangsu-map/jsmap/data"
)

// formatDate writes an initiative's day or span of days for readers:
// "2024年3月14日至16日" or "14–16 March 2024". It returns "" when the
// initiative has no date.
func formatDate(l data.Lang, start, end string) string {
	s, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return ""
	}
	e, err := time.Parse(time.DateOnly, end)
	hasEnd := err == nil && e.After(s)
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
