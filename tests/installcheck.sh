#!/bin/sh
# The installed program, away from the source and build trees: it tells its
# version, finds its data and its Russian catalogue where 'make install' put
# them (strace shows it opens nothing of the trees), the demo outside a
# terminal prints its indicators in Russian, and both manual pages render.
# installcheck.sh ROOT: ROOT is the DESTDIR the tree was installed under
# ("" for the real prefix); BINDIR, PKGDATADIR, LOCALEDIR, MANDIR, PACKAGE,
# PACKAGE_VERSION come from make, and SRCDIR, BUILDDIR (optional) name the
# trees it must not read.
set -u
ROOT=$1
: "${BINDIR:?run through make}" "${PKGDATADIR:?}" "${LOCALEDIR:?}" "${MANDIR:?}" "${PACKAGE:?}" "${PACKAGE_VERSION:?}"
bin=$ROOT$BINDIR/orientir
tmp=$(mktemp -d "${TMPDIR:-/tmp}/orientir-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }
# Nothing points the program at the trees: no ORIENTIR_* but a private home.
unset ORIENTIR_DATADIR ORIENTIR_LOCALEDIR ORIENTIR_DB ORIENTIR_TODAY COLUMNS
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share"

for f in "$bin" "$ROOT$PKGDATADIR/procedures.csv" "$ROOT$PKGDATADIR/subjects.csv" \
	"$ROOT$PKGDATADIR/scales-example.csv" "$ROOT$PKGDATADIR/demo/results.csv" \
	"$ROOT$LOCALEDIR/ru/LC_MESSAGES/$PACKAGE.mo" "$ROOT$MANDIR/man1/orientir.1" "$ROOT$MANDIR/ru/man1/orientir.1"; do
	[ -f "$f" ] && ok "installed: ${f#"$ROOT"}" || not_ok "installed: ${f#"$ROOT"}"
done

out=$("$bin" --version 2>&1)
[ "$out" = "orientir $PACKAGE_VERSION" ] && ok "--version: $out" || not_ok "--version: $out"

if locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	LC_ALL=ru_RU.UTF-8 LANG=ru_RU.UTF-8 "$bin" --db "$tmp/demo.db" demo </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc = 0 ] && grep -q 'Показатели' "$tmp/out" && grep -q 'ВПР' "$tmp/out" \
		&& ok "demo outside a terminal prints the indicators in Russian" \
		|| { not_ok "demo outside a terminal prints the indicators in Russian (status $rc)"; sed 's/^/#   /' "$tmp/err" | head -5; }
	# Again under strace, to see which files it opens (LeakSanitizer cannot run under ptrace).
	if command -v strace >/dev/null 2>&1; then
		LC_ALL=ru_RU.UTF-8 ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=open,openat -o "$tmp/opened" \
			"$bin" --db "$tmp/demo.db" demo </dev/null >/dev/null 2>&1
		grep -q "\"$ROOT$PKGDATADIR/demo/" "$tmp/opened" && ok "…reading the installed demo data" \
			|| not_ok "…reading the installed demo data"
		grep -q "\"$ROOT$LOCALEDIR/ru/LC_MESSAGES/$PACKAGE.mo\"" "$tmp/opened" \
			&& ok "…and the installed catalogue" || not_ok "…and the installed catalogue"
		if grep -e "\"${SRCDIR:-/nonexistent}/" -e "\"${BUILDDIR:-/nonexistent}/" "$tmp/opened" >"$tmp/tree"; then
			not_ok "…and nothing of the source or build tree"; sed 's/^/#   /' "$tmp/tree" | head -5
		else
			ok "…and nothing of the source or build tree"
		fi
	fi
else
	echo "# the ru_RU.UTF-8 locale is missing: the Russian demo is not run"
fi

if command -v man >/dev/null 2>&1; then
	for page in "$ROOT$MANDIR/man1/orientir.1" "$ROOT$MANDIR/ru/man1/orientir.1"; do
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" >"$tmp/man" 2>"$tmp/manerr"
		[ -s "$tmp/man" ] && grep -q 'orientir' "$tmp/man" && [ ! -s "$tmp/manerr" ] \
			&& ok "man -l ${page#"$ROOT"} renders without warnings" \
			|| { not_ok "man -l ${page#"$ROOT"} renders without warnings"; sed 's/^/#   /' "$tmp/manerr" | head -5; }
	done
else
	echo "# man is missing: the installed pages are not rendered"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
