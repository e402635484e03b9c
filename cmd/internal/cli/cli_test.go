package cli

import (
	"errors"
	"flag"
	"fmt"
	"testing"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"success", nil, 0},
		{"help", flag.ErrHelp, 0},
		{"wrapped help", fmt.Errorf("parsing: %w", flag.ErrHelp), 0},
		{"usage", &UsageError{errors.New("flag provided but not defined: -x")}, 2},
		{"wrapped usage", fmt.Errorf("load: %w", &UsageError{errors.New("bad")}), 2},
		{"failure", errors.New("listen: address in use"), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ExitCode(tc.err); got != tc.want {
				t.Errorf("ExitCode(%v) = %d, want %d", tc.err, got, tc.want)
			}
		})
	}
	if got, want := (&UsageError{errors.New("bad")}).Error(), "bad"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
