package main

import (
	"context"
	"strings"
	"testing"
)

// TestRunRejectsBadFlags checks the command's argument checks, which all
// come before anything is started.
func TestRunRejectsBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-runs", "2"}, "at least 3 runs"},
		{[]string{"-profiles", "none,3g"}, `unknown profile "3g"`},
		{[]string{"-device", "watch"}, `unknown device "watch"`},
		{[]string{"-click-cities", "xuzhou"}, "want two different cities"},
		{[]string{"-click-cities", "xuzhou,xuzhou"}, "want two different cities"},
		{[]string{"-city", "atlantis"}, `unknown city "atlantis"`},
		{[]string{"-click-cities", "xuzhou,atlantis"}, `unknown city "atlantis"`},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-dist", t.TempDir()}, "no built site"},
		{[]string{"-no-such-flag"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var stdout, stderr strings.Builder
			if code := run(context.Background(), tc.args, &stdout, &stderr); code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tc.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("printed a report: %q", stdout.String())
			}
		})
	}
}
