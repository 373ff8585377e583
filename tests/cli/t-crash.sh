#!/bin/sh
# Crash consistency: the import of a results file, the export of a package
# and the district's import of one are each killed (SIGKILL, as a pulled
# plug or a closed terminal) at random moments — at the Nth write, pwrite,
# fsync, rename, unlink or mkdir, N drawn at random over what a whole run
# makes — CRASH_TRIALS times each (20 in make check; bench/soak.sh runs
# hundreds). After each kill: nothing committed is lost, nothing is half
# imported (the database is the one before or the one after, and passes
# its check), the stick holds no package that verifies but is torn (the
# one package there verifies, old or new), and the next run succeeds.
# CRASH_SEED repeats a run; the seed is printed.
. "$TESTS_SRCDIR/cli/lib.sh"
export ORIENTIR_TODAY=2024-06-10
# LeakSanitizer cannot work under ptrace; the other checks stay on.
export ASAN_OPTIONS=detect_leaks=0
trials=${CRASH_TRIALS:-20}
seed=${CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# CRASH_SEED=$seed CRASH_TRIALS=$trials"
if ! command -v strace >/dev/null 2>&1 || ! strace -f -o /dev/null -e inject=write:signal=KILL:when=9999 true 2>/dev/null; then
	echo "# strace with fault injection is missing: the crash trials are not run"
	failed=1
	finish
fi
SET=write,pwrite64,fsync,fdatasync,rename,renameat,renameat2,unlink,unlinkat,mkdirat
F="$FIXTURES/indicators"
n=0

# plan CMD...: runs CMD once under strace counting SET, and writes
# "syscall count" lines to $TMP/plan.
plan() {
	strace -f -c -o "$TMP/count" -e trace=$SET "$@" >/dev/null 2>&1
	# % time, seconds, usecs/call, calls, [errors,] syscall
	awk 'NF >= 5 && $1 ~ /^[0-9.]+$/ && $NF != "total" { print $NF, $4 }' "$TMP/count" >"$TMP/plan"
}
# pick K: "syscall N" for the Kth draw, from the plan, weighted by the counts.
pick() {
	awk -v seed="$seed" -v k="$1" '{ s[NR] = $1; c[NR] = $2; t += $2 }
		END { srand((seed + k * 7919) % 2147483647); r = int(rand() * t)
		      for (i = 1; i <= NR; i++) { if (r < c[i]) { print s[i], r + 1; exit } r -= c[i] } }' \
		"$TMP/plan"
}
# killed CMD...: CMD killed at a drawn moment; $at says where.
killed() {
	n=$((n + 1))
	at=$(pick $n)
	strace -f -o /dev/null -e trace=$SET -e inject="${at% *}":signal=KILL:when="${at#* }" "$@" >/dev/null 2>&1
}
dump() { "$SQLITE3" "$1" .dump; }
verifies() { (cd "$1" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1; }

# --- the school's import of a results file ---
init_school
for k in roster scales; do "$ORIENTIR" import $k "$F/$k.csv" >/dev/null; done
cp "$ORIENTIR_DB" "$TMP/before.db"
dump "$TMP/before.db" >"$TMP/import-before"
"$ORIENTIR" import results "$F/results.csv" >/dev/null
dump "$ORIENTIR_DB" >"$TMP/import-after"
cp "$TMP/before.db" "$ORIENTIR_DB"
rm -f "$ORIENTIR_DB-wal" "$ORIENTIR_DB-shm"
plan "$ORIENTIR" import results "$F/results.csv"
bad=0 after=0
i=0
while [ $i -lt "$trials" ]; do
	i=$((i + 1))
	cp "$TMP/before.db" "$ORIENTIR_DB"
	rm -f "$ORIENTIR_DB-wal" "$ORIENTIR_DB-shm"
	killed "$ORIENTIR" import results "$F/results.csv"
	dump "$ORIENTIR_DB" >"$TMP/now"
	if cmp -s "$TMP/now" "$TMP/import-after"; then
		after=$((after + 1))
	elif ! cmp -s "$TMP/now" "$TMP/import-before"; then
		bad=$((bad + 1)); echo "#   import killed at $at: neither before nor after"
	fi
	"$ORIENTIR" check >/dev/null 2>&1 || { bad=$((bad + 1)); echo "#   import killed at $at: the check fails"; }
	"$ORIENTIR" import results "$F/results.csv" >/dev/null 2>&1 && dump "$ORIENTIR_DB" | cmp -s - "$TMP/import-after" ||
		{ bad=$((bad + 1)); echo "#   import killed at $at: the next import does not complete it"; }
done
check_eq "$bad" 0 "import killed $trials times: the database before or after, never between ($after after)"

# --- the school's export ---
S="$TMP/stick"
PKG="$S/orientir-0101-2024-H1"
mkdir -p "$S"
"$ORIENTIR" export --period 2024-H1 --to "$S" >/dev/null
plan "$ORIENTIR" export --period 2024-H1 --to "$S"
bad=0 new=0
i=0
while [ $i -lt "$trials" ]; do
	i=$((i + 1))
	old=$(cat "$PKG/SHA256SUMS")
	sleep 1	# a new package differs from the old by its created_at
	killed "$ORIENTIR" export --period 2024-H1 --to "$S"
	visible=$(ls "$S" | tr '\n' ' ')
	if [ -d "$PKG" ]; then
		verifies "$PKG" || { bad=$((bad + 1)); echo "#   export killed at $at: the package does not verify"; }
		[ "$(cat "$PKG/SHA256SUMS")" = "$old" ] || new=$((new + 1))
	elif [ ! -d "$S/.orientir-0101-2024-H1.old" ] || ! verifies "$S/.orientir-0101-2024-H1.old"; then
		bad=$((bad + 1)); echo "#   export killed at $at: neither the new package nor the old one whole"
	fi
	case $visible in "orientir-0101-2024-H1 " | "") ;; *) bad=$((bad + 1)); echo "#   export killed at $at: the stick holds $visible" ;; esac
	"$ORIENTIR" export --period 2024-H1 --to "$S" >/dev/null 2>&1 && verifies "$PKG" &&
		[ "$(ls -A "$S" | tr '\n' ' ')" = "orientir-0101-2024-H1 " ] ||
		{ bad=$((bad + 1)); echo "#   export killed at $at: the next export does not clear it: $(ls -A "$S" | tr '\n' ' ')"; }
done
check_eq "$bad" 0 "export killed $trials times: the old package or the new one whole, never torn ($new new)"

# --- the district's import ---
D="$TMP/district.db"
"$ORIENTIR" --db "$D" init --code R1 --name "ИМЦ" --role district >/dev/null
"$ORIENTIR" --db "$D" district schools add 0101 "Тестовая школа" >/dev/null
cp "$D" "$TMP/d-before.db"
state() {	# what the district holds of the school, without the times of day
	"$SQLITE3" "$D" "SELECT (SELECT count(*) FROM d_package) || '|' || (SELECT count(*) FROM d_result) || '|' ||
		(SELECT count(*) FROM d_indicator) || '|' || (SELECT count(*) FROM d_activity) || '|' ||
		(SELECT coalesce(key, '') FROM d_school WHERE code = '0101')"
}
before=$(state)
"$ORIENTIR" --db "$D" district import "$PKG" --received 2024-06-15 >/dev/null
after=$(state)
check_eq "${after%%|*}" 1 "the district's import, run whole, takes the package"
rm -f "$PKG/receipt.txt"
restore_d() { cp "$TMP/d-before.db" "$D"; rm -f "$D-wal" "$D-shm" "$PKG/receipt.txt" "$PKG/.receipt.txt.tmp"; }
restore_d
plan "$ORIENTIR" --db "$D" district import "$PKG" --received 2024-06-15
bad=0 took=0
i=0
while [ $i -lt "$trials" ]; do
	i=$((i + 1))
	restore_d
	killed "$ORIENTIR" --db "$D" district import "$PKG" --received 2024-06-15
	now=$(state)
	if [ "$now" = "$after" ]; then took=$((took + 1));
	elif [ "$now" != "$before" ]; then bad=$((bad + 1)); echo "#   district import killed at $at: half imported ($now)"; fi
	"$ORIENTIR" --db "$D" check >/dev/null 2>&1 || { bad=$((bad + 1)); echo "#   district import killed at $at: the check fails"; }
	if [ -e "$PKG/receipt.txt" ] && [ "$(tail -1 "$PKG/receipt.txt" | cut -d: -f1)" != signature ]; then
		bad=$((bad + 1)); echo "#   district import killed at $at: a torn receipt"
	fi
	verifies "$PKG" || { bad=$((bad + 1)); echo "#   district import killed at $at: the package was changed"; }
	"$ORIENTIR" --db "$D" district import "$PKG" --received 2024-06-15 >/dev/null 2>&1 && [ "$(state)" = "$after" ] &&
		grep -q '^outcome: ' "$PKG/receipt.txt" ||
		{ bad=$((bad + 1)); echo "#   district import killed at $at: the next import does not complete it"; }
done
check_eq "$bad" 0 "district import killed $trials times: all of the package or none of it, receipts whole ($took taken)"
finish
