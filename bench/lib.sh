# Shared by the benchmarks, sourced once the script has set here (its
# folder), me (its name, for messages) and runs (RUNS, or its default):
# where orientir, sqlite3 and the data are, the checks each makes first,
# and the machine it runs on.
bin=${ORIENTIR:-$here/../src/orientir}
sqlite=${SQLITE3:-sqlite3}
out=${BENCH_OUT:-$here/out}
timer=/usr/bin/time
# An uninstalled build finds its reference data through this.
if [ -z "${ORIENTIR_DATADIR:-}" ] && [ -d "$here/../data" ]; then
	ORIENTIR_DATADIR=$(cd "$here/../data" && pwd)
	export ORIENTIR_DATADIR
fi

die() {
	echo "$me: $*" >&2
	exit 1
}

[ -x "$bin" ] || die "no orientir binary at $bin (build it, or set ORIENTIR)"
command -v "$sqlite" >/dev/null 2>&1 || die "no sqlite3 shell (apt-get install sqlite3, or set SQLITE3)"
[ -x "$timer" ] || die "no $timer (apt-get install time)"
case $runs in '' | *[!0-9]* | 0) die "RUNS must be a positive number" ;; esac

# min A B, max A B (decimal numbers; A may be empty)
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

# banner TITLE DIR: the report's first lines: what is measured, and when;
# the machine (with the filesystem DIR is on) and its load; the orientir run.
banner() {
	b_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
	b_mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
	b_fs=$(df -T "$2" 2>/dev/null | awk 'NR == 2 { print $2 " on " $1 }')
	echo "$1, $(date '+%Y-%m-%d %H:%M')"
	echo "  machine : $(nproc) CPU(s), ${b_model:-unknown CPU}, $b_mem RAM, $(uname -sr), ${b_fs:-?}"
	echo "            load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
	echo "  orientir: $("$bin" --version 2>/dev/null | head -n 1) ($bin)"
}
