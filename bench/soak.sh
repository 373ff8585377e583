#!/bin/sh
# soak.sh — the crash-consistency trials of tests/cli/t-crash.sh, hundreds
# of times instead of make check's 20: the import of a results file, the
# export of a package and the district's import of one, each killed
# (SIGKILL through strace's fault injection) at the Nth write, pwrite,
# fsync, rename, unlink or mkdir, N drawn at random over a whole run. After
# every kill the database is the one before or the one after and passes its
# check, the stick holds the old package or the new one whole, and the next
# run completes the work.
#
# Environment: TRIALS (default 300 each), CRASH_SEED (to repeat a run; the
# one used is printed), ORIENTIR, SQLITE3, BENCH_OUT as for the other
# benchmarks. Needs strace. Exit status 0 when every trial held.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
me=soak.sh
runs=1
. "$here/lib.sh"
trials=${TRIALS:-300}
case $trials in '' | *[!0-9]* | 0) die "TRIALS must be a positive number" ;; esac
command -v strace >/dev/null 2>&1 || die "no strace (apt-get install strace)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
start=$(date +%s)
ORIENTIR=$bin FIXTURES=$here/../tests/fixtures TESTS_SRCDIR=$here/../tests TOP_SRCDIR=$here/.. \
	SQLITE3=$sqlite CRASH_TRIALS=$trials sh "$here/../tests/cli/t-crash.sh"
echo "$me: $trials kills each of import, export and district import in $(($(date +%s) - start)) s"
