// Package cli holds what the project's commands share around their
// command lines: the error for bad arguments and the exit code it gives.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// UsageError reports bad command-line arguments, which the flag set has
// already printed with the usage text.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// ExitCode is the exit status for the error a command's run returned: 0
// for none (or -h), 2 for bad arguments, 1 for anything else.
func ExitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(*UsageError)):
		return 2
	default:
		return 1
	}
}

// Exit ends the command named name after its run returned err: it prints
// err (unless the flag set already has) and exits with ExitCode. It
// returns when err is nil or -h asked for help.
func Exit(name string, err error) {
	code := ExitCode(err)
	if code == 0 {
		return
	}
	if code == 1 {
		fmt.Fprintln(os.Stderr, name+":", err)
	}
	os.Exit(code)
}

// Main runs a command: run gets the arguments after the command's name,
// standard output and error, and a context cancelled by the first
// interrupt or SIGTERM; then the command ends as Exit says.
func Main(name string, run func(ctx context.Context, args []string, stdout, stderr io.Writer) error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	Exit(name, err)
}
