# Shared by the benchmarks, sourced once the script has set here (its
# folder), me (its name, for messages) and runs (RUNS, or its default):
# where orientir, sqlite3 and the data are, the checks each makes first,
# timing a command, and the machine it runs on.
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
# ratio A B: A / B to two places; "?" when A is (not measured), "-" when B is 0
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "?") print "?"; else if (b + 0 > 0) printf "%.2f", a / b; else print "-" }'
}
# verdict VALUE GOAL [STRICT]: "met" when VALUE <= GOAL (< when STRICT), else
# "MISSED"; "(none)" for a VALUE of "?" (not measured)
verdict() {
	awk -v v="$1" -v g="$2" -v strict="${3:-0}" \
		'BEGIN { print v == "?" ? "(none)" : (strict ? v < g : v <= g) ? "met" : "MISSED" }'
}

# run_timed NAME CMD...: runs CMD with stdout to $work/NAME.out and stderr to
# $work/NAME.err; sets $secs (wall clock), $cpu (user + system seconds) and
# $kib (max RSS in KiB).
run_timed() {
	name=$1
	shift
	t0=$(date +%s.%N)
	if ! "$timer" -f '%M %U %S' -o "$work/$name.rss" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
		echo "$me: failed: $*" >&2
		cat "$work/$name.err" >&2
		exit 1
	fi
	t1=$(date +%s.%N)
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	kib=$(tail -n 1 "$work/$name.rss" | cut -d' ' -f1)
	cpu=$(tail -n 1 "$work/$name.rss" | awk '{ printf "%.2f", $2 + $3 }')
}

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
