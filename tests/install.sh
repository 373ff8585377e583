#!/bin/sh
# make install into a temporary DESTDIR, then the installed program checked
# there as installcheck.sh does after a real install: the tree found from
# where the binary is, with no source tree to fall back on.
set -u
: "${BUILDDIR:?run through make check}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/orientir-destdir.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if ! ${MAKE:-make} -C "$BUILDDIR" install DESTDIR="$tmp/root" >"$tmp/log" 2>&1; then
	echo "not ok - make install DESTDIR=…"
	tail -20 "$tmp/log" | sed 's/^/#   /'
	echo "0 passed, 1 failed"
	exit 1
fi
echo "ok - make install DESTDIR=… (under $BINDIR, $PKGDATADIR, $LOCALEDIR, $MANDIR)"
SRCDIR=$TOP_SRCDIR sh "$TOP_SRCDIR/tests/installcheck.sh" "$tmp/root"
