"""The command line's exit codes: one meaning each, whatever the command."""

OK = 0
FAILED = 1  # some page could not be cleaned, or `check` found drift or a failed test
USAGE = 2  # bad usage or a bad profile (before any page), or an output that cannot be written
INTERRUPTED = 130  # as a shell reports a run stopped by Ctrl-C
