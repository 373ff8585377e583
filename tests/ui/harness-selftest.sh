#!/bin/sh
# Self-test of the terminal harness: runs vtrun with tests/ui/t-harness.vt
# against tests/ui/vt-echo under TERM=xterm-256color and TERM=linux (their
# function keys differ), and checks that broken scripts fail the way they
# should: status 1, the failing line named, the screen printed.
#
# Run from the top build directory (make check does), or say where things are:
#   VTRUN=/tmp/vtrun VT_ECHO=/tmp/vt-echo tests/ui/harness-selftest.sh
set -u

here=$(dirname "$0")
find_bin() { # NAME: ./tests/ui/NAME (build tree), else beside this script
	if [ -x "tests/ui/$1" ]; then echo "$PWD/tests/ui/$1"; else echo "$here/$1"; fi
}
VTRUN=${VTRUN:-$(find_bin vtrun)}
VT_ECHO=${VT_ECHO:-$(find_bin vt-echo)}
SCRIPT=$here/t-harness.vt

# The harness's Cyrillic must survive a real UTF-8 locale.
if locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	loc=ru_RU.UTF-8
else
	echo "# ru_RU.UTF-8 is missing (localedef -i ru_RU -f UTF-8 ru_RU.UTF-8); using C.UTF-8"
	loc=C.UTF-8
fi
export LANG=$loc LC_ALL=$loc
unset LINES COLUMNS

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vtrun-selftest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

for f in "$VTRUN" "$VT_ECHO"; do
	if [ ! -x "$f" ]; then
		echo "not ok - $f is not built (the terminal tests need libvterm: apt-get install libvterm-dev, then ./configure)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

# vt WANT_STATUS VTRUN-ARGS...: runs vtrun, keeping its output in $TMP/out.
vt() {
	want=$1
	shift
	"$VTRUN" "$@" >"$TMP/out" 2>&1
	rc=$?
}

# check DESC [TEXT...]: the last vt's status was the wanted one and its
# output contains every TEXT (fixed strings).
check() {
	desc=$1
	shift
	good=1
	[ "$rc" = "$want" ] || { good=0; echo "#   status $rc, expected $want"; }
	for text in "$@"; do
		grep -qF -- "$text" "$TMP/out" || { good=0; echo "#   output lacks: $text"; }
	done
	if [ $good = 1 ]; then
		passed=$((passed + 1))
		echo "ok - $desc"
	else
		failed=$((failed + 1))
		echo "not ok - $desc"
		sed 's/^/#   | /' "$TMP/out"
	fi
}

# script NAME LINES...: writes a small script into $TMP/NAME.vt.
script() {
	name=$1
	shift
	printf '%s\n' "$@" >"$TMP/$name.vt"
}

script timeout 'wait ГОТОВО' '# a comment' '' 'wait НЕТ ТАКОГО'
script attr 'wait ГОТОВО' 'expect-attr ГОТОВО bold'
script status 'wait ГОТОВО' 'key F10' 'expect-exit 0'
script notext 'wait ГОТОВО' 'expect-not ГОТОВО'
script row 'wait ГОТОВО' 'expect-row 1 ГОТОВО'
script keyf2 'wait ГОТОВО' 'key F2' 'expect key: KEY_F(3)'
script kill 'wait ГОТОВО' 'kill' 'expect-exit 0'
script leave 'wait ГОТОВО' 'type ж' 'wait key: ж'
script size 'wait ГОТОВО' 'dump'
script bad 'wait ГОТОВО' 'frobnicate'
script badkey 'key F13'
script noprog 'wait never'
script hangup 'wait ГОТОВО' 'hangup 2000'
script colour 'wait ГОТОВО' 'expect-attr ЦВЕТ bg-red'
script split 'wait aЖb'

# A character whose bytes come in two writes, after ASCII: libvterm alone
# garbles it (a busy machine cuts reads anywhere), vtrun holds it back.
vt 0 --timeout 3 "$TMP/split.vt" -- sh -c 'printf "a\320"; sleep 0.5; printf "\226b"; sleep 5'
check "a character cut between two writes arrives whole" "ok - $TMP/split.vt:1"

for term in xterm-256color linux; do
	vt 0 --term "$term" "$SCRIPT" -- "$VT_ECHO"
	check "$term: t-harness.vt passes" \
		"ok - $SCRIPT:" "wait key: KEY_F(12)" "expect-exit 3" "passed (57 checks)"
	vt 1 --term "$term" --timeout 1 "$TMP/timeout.vt" -- "$VT_ECHO"
	check "$term: a wait that times out fails with the screen" \
		"vtrun: $TMP/timeout.vt:4: timed out after 1.0 s waiting for \"НЕТ ТАКОГО\"" \
		"  0 |ГОТОВО" "  1 |ЖИРНЫЙ"
	vt 1 --term "$term" "$TMP/attr.vt" -- "$VT_ECHO"
	check "$term: a missing attribute fails" \
		"vtrun: $TMP/attr.vt:2: \"ГОТОВО\" at row 0 col 0 is not bold" "  0 |ГОТОВО"
	vt 1 --term "$term" "$TMP/status.vt" -- "$VT_ECHO"
	check "$term: a wrong exit status fails" \
		"vtrun: $TMP/status.vt:3: the program exited with status 3, expected status 0"
	vt 1 --term "$term" "$TMP/colour.vt" -- "$VT_ECHO"
	check "$term: a wrong background fails, naming the colours" \
		"\"ЦВЕТ\" at row 1 col 20 is not bg-red" "bg=4)"
	vt 1 --term "$term" "$TMP/keyf2.vt" -- "$VT_ECHO"
	check "$term: F2 is not F3" "vtrun: $TMP/keyf2.vt:3:" "  2 |key: KEY_F(2)"
done

vt 1 "$TMP/notext.vt" -- "$VT_ECHO"
check "expect-not fails on present text" "vtrun: $TMP/notext.vt:2: \"ГОТОВО\" is on the screen"
vt 1 "$TMP/row.vt" -- "$VT_ECHO"
check "expect-row looks at its row only" "vtrun: $TMP/row.vt:2: row 1 does not contain \"ГОТОВО\""
vt 1 "$TMP/kill.vt" -- "$VT_ECHO"
check "kill stops and reaps the program" "the program was killed by signal 9"
vt 0 "$TMP/leave.vt" -- "$VT_ECHO"
check "a program left running is stopped at the end" \
	"ok - $TMP/leave.vt:3 wait key: ж" "passed (2 checks)"
vt 0 --cols 100 --rows 30 "$TMP/size.vt" -- "$VT_ECHO"
check "--cols and --rows set the size" "--- screen 100x30"
vt 0 "$TMP/hangup.vt" -- "$VT_ECHO"
check "hangup closes the terminal and sees the program end" "ok - $TMP/hangup.vt:2 hangup 2000"
vt 0 --no-ctty "$TMP/hangup.vt" -- "$VT_ECHO"
check "…and so it does when the terminal is not the program's own" "ok - $TMP/hangup.vt:2 hangup 2000"
vt 1 --timeout 2 "$TMP/hangup.vt" -- sh -c 'trap "" HUP; echo ГОТОВО; while :; do sleep 1; done'
check "a program that outlives its terminal fails hangup" \
	"$TMP/hangup.vt:2: the program is still running 2000 ms after its terminal closed"
vt 2 "$TMP/bad.vt" -- "$VT_ECHO"
check "an unknown command is a script error" "$TMP/bad.vt:2: unknown command \"frobnicate\""
vt 2 "$TMP/badkey.vt" -- "$VT_ECHO"
check "an unknown key is a script error" "unknown key \"F13\""
vt 1 "$TMP/noprog.vt" -- "$TMP/no-such-program"
check "a program that cannot run fails fast" \
	"exited with status 127" "cannot run $TMP/no-such-program"
vt 2 "$TMP/leave.vt" "$VT_ECHO"
check "a missing -- is a usage error" "usage: vtrun"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
