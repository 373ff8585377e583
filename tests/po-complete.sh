#!/bin/sh
# po/ru.po must translate every message the program can show: a fresh
# template from the sources compared with the catalogue.
set -u
: "${TOP_SRCDIR:?run through make check}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$TOP_SRCDIR" || exit 1
"${XGETTEXT:-xgettext}" --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=NC_:1c,2 --keyword=ngettext:1,2 \
	-o "$tmp/fresh.pot" $(cat po/POTFILES.in) || exit 1
fail=0
if ! LC_ALL=C "${MSGCMP:-msgcmp}" po/ru.po "$tmp/fresh.pot" 2>"$tmp/cmp"; then
	echo "not ok - po/ru.po lacks messages of the sources:"; sed 's/^/#   /' "$tmp/cmp" | head -40; fail=$((fail + 1))
else
	echo "ok - every message in the sources is in po/ru.po"
fi
untranslated=$(LC_ALL=C msgattrib --untranslated --no-obsolete po/ru.po | grep -c '^msgid ' || true)
fuzzy=$(LC_ALL=C msgattrib --only-fuzzy --no-obsolete po/ru.po | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when it prints anything.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" = 0 ] && [ "$fuzzy" = 0 ]; then echo "ok - nothing untranslated or fuzzy"; else
	echo "not ok - $untranslated untranslated, $fuzzy fuzzy in po/ru.po"; fail=$((fail + 1)); fi
if LC_ALL=C msgfmt -c --check-format -o /dev/null po/ru.po; then echo "ok - ru.po passes msgfmt -c"; else
	echo "not ok - ru.po fails msgfmt -c"; fail=$((fail + 1)); fi
POTFILES_LIST=$(grep -l '_(' src/*.c | sort)
LISTED=$(sort po/POTFILES.in)
if [ "$POTFILES_LIST" = "$(printf '%s\n' "$LISTED" | grep -xF "$POTFILES_LIST")" ]; then
	echo "ok - every source file with messages is in po/POTFILES.in"; else
	echo "not ok - po/POTFILES.in misses a source file with messages"; fail=$((fail + 1)); fi
# F1..F10 share 80 columns: a key's label has 7 cells after its number.
long=$(LC_ALL=C.UTF-8 msggrep -J -e '^key$' po/ru.po | sed -n 's/^msgstr "\(.*\)"$/\1/p' |
	while IFS= read -r label; do
		[ "$(printf '%s' "$label" | LC_ALL=C.UTF-8 wc -m)" -gt 7 ] && printf '%s\n' "$label"
	done)
if [ -z "$long" ]; then echo "ok - every key bar label fits 7 cells"; else
	echo "not ok - key bar labels longer than 7 cells:"; printf '%s\n' "$long" | sed 's/^/#   /'; fail=$((fail + 1)); fi
passed=$((5 - fail))
echo "$passed passed, $fail failed"
[ "$fail" = 0 ]
