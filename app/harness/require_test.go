package harness

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// setBrowsers sets $JSMAP_BROWSERS to v for the test, or unsets it when
// unset is true; t.Setenv restores it afterwards.
func setBrowsers(t *testing.T, v string, unset bool) {
	t.Helper()
	t.Setenv(EnvBrowsers, v)
	if unset {
		os.Unsetenv(EnvBrowsers)
	}
}

func TestBrowsers(t *testing.T) {
	tests := []struct {
		name  string
		env   string
		unset bool
		want  []string
		err   string
	}{
		{name: "unset", unset: true},
		{name: "all", env: "chromium,firefox,webkit", want: []string{"chromium", "firefox", "webkit"}},
		{name: "spaces, case and repeats", env: " Firefox ,firefox, ", want: []string{"firefox"}},
		{name: "unknown", env: "chromium,opera", err: `unknown engine "opera"`},
		{name: "empty", env: "", err: "names no engine"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			setBrowsers(t, tc.env, tc.unset)
			got, set, err := Browsers()
			if set == tc.unset || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Browsers() = %v, set %v; want %v, set %v", got, set, tc.want, !tc.unset)
			}
			if (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want one containing %q", err, tc.err)
			}
		})
	}
}

// TestRequireEngine checks when a browser test runs: only with
// $JSMAP_BROWSERS set, listing its engine, and never under -short.
func TestRequireEngine(t *testing.T) {
	tests := []struct {
		env   string
		unset bool
		runs  bool
	}{
		{unset: true, runs: false},
		{env: "chromium", runs: true},
		{env: "firefox,webkit", runs: false},
	}
	for _, tc := range tests {
		setBrowsers(t, tc.env, tc.unset)
		ran := false
		t.Run("chromium with "+EnvBrowsers+"="+tc.env, func(t *testing.T) {
			RequireEngine(t, "chromium")
			ran = true
		})
		if want := tc.runs && !testing.Short(); ran != want {
			t.Errorf("%s=%q (unset %v): the chromium test ran: %v, want %v", EnvBrowsers, tc.env, tc.unset, ran, want)
		}
	}
}
