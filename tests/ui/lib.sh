# Shared by the terminal tests (t-*.sh here): the real orientir on a
# pseudo-terminal read through libvterm (vtrun), in Russian, on a fixed day;
# assertions printing TAP-like lines and a closing "N passed, N failed".
set -u
: "${ORIENTIR:?run through make check}"
here=$(dirname "$0")
VTRUN=${VTRUN:-$PWD/tests/ui/vtrun}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/orientir-ui.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }

if [ ! -x "$VTRUN" ]; then
	echo "not ok - the terminal harness is not built (apt-get install libvterm-dev, then ./configure)"
	echo "0 passed, 1 failed"
	exit 1
fi
if ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	echo "not ok - the ru_RU.UTF-8 locale is missing (./bootstrap generates it)"
	echo "0 passed, 1 failed"
	exit 1
fi
export LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8 HOME="$TMP/home"
# Every screen sees the same day, whatever the real date is: late in the
# second half-year of 2026, with the first half-year's deadline long past.
export ORIENTIR_TODAY=2026-11-28
unset LINES COLUMNS ORIENTIR_DB
mkdir -p "$HOME"

# vt TERM SCRIPT DB [VTRUN-OPTION...]: one script against orientir on DB.
vt() {
	term=$1 script=$2 vdb=$3
	shift 3
	if "$VTRUN" --term "$term" --timeout 10 "$@" "$here/$script" -- "$ORIENTIR" --db "$vdb" >"$TMP/log" 2>&1; then
		ok "$script ($term)"
	else
		not_ok "$script ($term)"
		sed 's/^/#   /' "$TMP/log"
	fi
}
# school DB: a database with the UI fixture's pupils and scale.
school() {
	"$ORIENTIR" --db "$1" init --code 0101 --name "Тестовая школа" >/dev/null &&
	"$ORIENTIR" --db "$1" import roster "$FIXTURES/ui/roster.csv" >/dev/null &&
	"$ORIENTIR" --db "$1" import scales "$FIXTURES/ui/scales.csv" >/dev/null
}
check() { # ACTUAL EXPECTED DESCRIPTION
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3"; echo "#   got '$1', expected '$2'"; fi
}
same_dump() { # BEFORE AFTER DESCRIPTION: two dumps of a database are the same
	if cmp -s "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3"
		diff "$1" "$2" | sed 's/^/#   /' | head -20
	fi
}
