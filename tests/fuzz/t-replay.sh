#!/bin/sh
# Every fuzz target on every file of its corpus (the seeds and the inputs
# that once crashed it), built by the ordinary compiler with the build's
# sanitizers: a crash fixed once stays fixed.
top=${BUILDDIR:-.}
src=${TOP_SRCDIR:-.}
fail=0
for t in csvin deadline package doctable; do
	set -- "$src"/tests/fuzz/corpus/$t/*
	if ! "$top/tests/fuzz/replay-$t" "$@" >/dev/null; then
		echo "FAIL: replay-$t over tests/fuzz/corpus/$t ($# inputs)"
		fail=$((fail + 1))
	else
		echo "ok: replay-$t, $# inputs"
	fi
done
echo "$((4 - fail)) passed, $fail failed"
[ $fail -eq 0 ]
