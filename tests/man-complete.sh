#!/bin/sh
# The Russian manual (man/ru/orientir.1) keeps up with the English one: every
# command heading, every option (--xxx), every environment variable and
# every name in bold (CSV columns, codes, files) of the English page is in
# the Russian page too, and both render without a warning.
set -u
: "${TOP_SRCDIR:?run through make check}"
en="$TOP_SRCDIR/man/orientir.1"
ru="$TOP_SRCDIR/man/ru/orientir.1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }

# same_in KIND FILE-EN FILE-RU: every line of the first is a line of the second.
same_in() {
	sort -u "$2" >"$tmp/a"
	sort -u "$3" >"$tmp/b"
	comm -23 "$tmp/a" "$tmp/b" >"$tmp/missing"
	if [ -s "$tmp/a" ] && [ ! -s "$tmp/missing" ]; then
		ok "every $1 of the English page ($(grep -c '' "$tmp/a")) is in the Russian one"
	else
		not_ok "every $1 of the English page is in the Russian one; missing:"
		sed 's/^/#   /' "$tmp/missing"
	fi
}

# Options: \-\-dry\-run in roff is --dry-run.
options() { sed 's/\\-/-/g' "$1" | grep -o -- '--[a-z][a-z0-9-]*' | sed 's/-$//'; }
options "$en" >"$tmp/en"; options "$ru" >"$tmp/ru"
same_in option "$tmp/en" "$tmp/ru"

# Commands: the words that open each heading of the commands' section, up
# to the first option, placeholder or bracket ("district schools", "import
# roster") in the section COMMANDS (КОМАНДЫ).
commands() {
	awk '/^\.SH/ { sh = /COMMANDS|КОМАНДЫ/ } sh && /^\.SS/' "$1" | sed 's/^\.SS *//; s/"//g; s/\\-/-/g' | awk '{
		out = ""
		for (i = 1; i <= NF; i++) {
			w = $i; sub(/:$/, "", w)
			if (w !~ /^[a-z][a-z0-9|-]*$/) break
			out = out (out ? " " : "") w
			if ($i ~ /:$/) break
		}
		if (out) print out
	}'
}
commands "$en" >"$tmp/en"; commands "$ru" >"$tmp/ru"
same_in "command heading" "$tmp/en" "$tmp/ru"

# Environment variables: the names under the environment section's items.
envvars() {
	awk '/^\.SH/ { sh = /ENVIRONMENT|ОКРУЖЕНИЕ/ } sh && prev ~ /^\.TP/ && /^\.BR? / { print } { prev = $0 }' "$1" |
		grep -o '[A-Z][A-Z_]*[A-Z]'
}
envvars "$en" >"$tmp/en"; envvars "$ru" >"$tmp/ru"
same_in "environment variable" "$tmp/en" "$tmp/ru"

# Names in bold: CSV columns and codes (student_code, below_min), files
# (manifest.txt), values (excel-ru) — everything typed as it stands.
bold() {
	sed 's/\\-/-/g; s/\\&//g' "$1" | awk '
	# The bold arguments of .BR and .BI (odd), .RB and .IB (even), and
	# .B; one word each (a phrase in bold is a message, not a name).
	/^\.B [^ ]*$/ { print $2 }
	/^\.(BR|BI|RB|IB) / {
		m = $1; s = substr($0, length(m) + 2); n = 0
		while (length(s)) {
			sub(/^ +/, "", s)
			if (s == "") break
			if (substr(s, 1, 1) == "\"") { e = index(substr(s, 2), "\""); a = substr(s, 2, e ? e - 1 : length(s)); s = e ? substr(s, e + 2) : "" }
			else { e = index(s, " "); a = e ? substr(s, 1, e - 1) : s; s = e ? substr(s, e) : "" }
			n++
			if ((((m == ".BR" || m == ".BI") && n % 2) || ((m == ".RB" || m == ".IB") && !(n % 2))) && a !~ / /)
				print a
		}
	}' | grep -x '[a-z][a-z0-9_.-]*[a-z0-9]' | grep -v '^[a-z]*\.[0-9]$'
}
bold "$en" >"$tmp/en"; bold "$ru" >"$tmp/ru"
same_in "name in bold" "$tmp/en" "$tmp/ru"

# Both render without warnings.
for page in "$en" "$ru"; do
	if LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$page" 2>"$tmp/warn" && [ ! -s "$tmp/warn" ]; then
		ok "${page#"$TOP_SRCDIR/"} renders without warnings"
	else
		not_ok "${page#"$TOP_SRCDIR/"} renders without warnings"; sed 's/^/#   /' "$tmp/warn" | head -10
	fi
done
if command -v man >/dev/null 2>&1; then
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$ru" >"$tmp/out" 2>"$tmp/warn"
	[ ! -s "$tmp/warn" ] && grep -q 'КОМАНДЫ' "$tmp/out" && ok "man -l shows the Russian page" \
		|| { not_ok "man -l shows the Russian page"; sed 's/^/#   /' "$tmp/warn" | head -10; }
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
