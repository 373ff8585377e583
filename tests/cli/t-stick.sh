#!/bin/sh
# A stick no one can turn against us: links named like our folders and
# temporary files, pointing at the database's own folder or at files to
# overwrite, are removed as links or refused, never followed, by every
# writer (the package, the receipt, backups, the roadmap, the district's
# report); a leftover .old folder does not block the next export; and a
# package's reader opens nothing but its regular files (no FIFO waited on,
# no device read, no link followed out of it, nothing larger than its limit).
. "$TESTS_SRCDIR/cli/lib.sh"
export ORIENTIR_TODAY=2024-06-10
F="$FIXTURES/indicators"
init_school
for k in roster scales results; do "$ORIENTIR" import $k "$F/$k.csv" >/dev/null; done
DATA="$TMP/data"
# The database's folder as it is: every file and its checksum.
inventory() { (cd "$DATA" && find . -type f | sort | xargs sha256sum) ; }
inventory >"$TMP/data-before"
intact() {	# intact DESCRIPTION: the database's folder is as it was
	inventory >"$TMP/data-now"
	if cmp -s "$TMP/data-before" "$TMP/data-now"; then ok "$1"; else
		failed=$((failed + 1)); echo "not ok - $1"; diff "$TMP/data-before" "$TMP/data-now" | head | sed 's/^/#   /'
	fi
}
verifies() {	# verifies DIR DESCRIPTION
	(cd "$1" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 && ok "$2" || not_ok "$2"
}
S="$TMP/stick"
PKG=orientir-0101-2024-H1

# --- export: a link named like the package, pointing at the database's folder ---
for name in "$PKG" ".$PKG.tmp" ".$PKG.old"; do
	rm -rf "$S"
	mkdir -p "$S"
	ln -s "$DATA" "$S/$name"
	run export --period 2024-H1 --to "$S"
	expect 0 "export over a link named $name succeeds" --out "can be removed"
	intact "…and the database's folder it pointed at is untouched"
	[ -d "$S/$PKG" ] && [ ! -L "$S/$PKG" ] && verifies "$S/$PKG" "…the package is a real folder that verifies" \
		|| not_ok "…the package is a real folder that verifies"
	check_eq "$(ls -A "$S" | tr '\n' ' ')" "$PKG " "…and the link is gone"
	run check
	expect 0 "…and the database is sound"
done

# The same with a real package already there (its folder moved aside and
# removed): the link to the database's folder as the .old name.
rm -rf "$S"
mkdir -p "$S"
"$ORIENTIR" export --period 2024-H1 --to "$S" >/dev/null
ln -s "$DATA" "$S/.$PKG.old"
run export --period 2024-H1 --to "$S"
expect 0 "export over a package with .old a link to the database's folder"
intact "…the database's folder is untouched"
check_eq "$(ls -A "$S" | tr '\n' ' ')" "$PKG " "…and only the new package is left"

# A link inside a leftover folder: removed as a link, its target kept.
mkdir -p "$S/.$PKG.old" "$TMP/outside"
echo keep >"$TMP/outside/keep.txt"
ln -s "$TMP/outside" "$S/.$PKG.old/events.csv"
ln -s "$TMP/outside/keep.txt" "$S/.$PKG.old/staff.csv"
run export --period 2024-H1 --to "$S"
expect 0 "a leftover .old folder with links inside is cleared"
check_eq "$(cat "$TMP/outside/keep.txt") $(ls -A "$S" | tr '\n' ' ')" "keep $PKG " \
	"…the files the links pointed at are kept, the folder gone"

# --- a stale .old folder left by a kill between the renames and the removal ---
cp -r "$S/$PKG" "$S/.$PKG.old"
echo half >"$S/.$PKG.old/partial"
run export --period 2024-H1 --to "$S"
expect 0 "a stale .old folder no longer blocks the export" --out "can be removed"
check_eq "$(ls -A "$S" | tr '\n' ' ')" "$PKG " "…and is cleared"
# Killed between the two renames: the old package aside, none in its
# place. It is put back first, then replaced.
mv "$S/$PKG" "$S/.$PKG.old"
run export --period 2024-H1 --to "$S"
expect 0 "an old package left aside with none in its place"
check_eq "$(ls -A "$S" | tr '\n' ' ')" "$PKG " "…is put back, then replaced"
# Something in the way that is not ours: refused, named, left alone.
rm -rf "$S/$PKG"
echo "not a package" >"$S/$PKG"
run export --period 2024-H1 --to "$S"
expect 1 "a file named like the package is refused" --err "$S/$PKG is in the way" --err "move it away"
check_eq "$(cat "$S/$PKG")" "not a package" "…and left as it was"
rm -rf "$S"

# --- the district's receipt ---
"$ORIENTIR" --db "$TMP/d.db" init --code R1 --name "ИМЦ" --role district >/dev/null
"$ORIENTIR" --db "$TMP/d.db" district schools add 0101 "Тестовая школа" >/dev/null
mkdir -p "$S"
"$ORIENTIR" export --period 2024-H1 --to "$S" >/dev/null
printf '#!/bin/sh\necho ran\n' >"$TMP/script.sh"
cp "$TMP/script.sh" "$TMP/script-before"
ln -s "$TMP/script.sh" "$S/$PKG/.receipt.txt.tmp"
run --db "$TMP/d.db" district import "$S" --received 2024-06-15
expect 0 "the import, with .receipt.txt.tmp a link to a script" --out "accepted"
cmp -s "$TMP/script.sh" "$TMP/script-before" && ok "…the script it pointed at is untouched" \
	|| not_ok "…the script it pointed at is untouched"
grep -q '^outcome: accepted' "$S/$PKG/receipt.txt" && [ ! -L "$S/$PKG/receipt.txt" ] \
	&& ok "…and the receipt is written as a file of its own" || not_ok "…and the receipt is written as a file of its own"
rm "$S/$PKG/receipt.txt"
ln -s "$TMP/script.sh" "$S/$PKG/receipt.txt"
run --db "$TMP/d.db" district import "$S" --received 2024-06-15
expect 0 "the import again, with receipt.txt a link to the script" --out "unchanged"
cmp -s "$TMP/script.sh" "$TMP/script-before" && ok "…the script is untouched" || not_ok "…the script is untouched"
[ -f "$S/$PKG/receipt.txt" ] && [ ! -L "$S/$PKG/receipt.txt" ] && ok "…the link is replaced by the receipt" \
	|| not_ok "…the link is replaced by the receipt"
# A code with shell text in it cannot make the receipt a script: it is one
# escaped value on one line, and never written through a link anyway.
run --db "$TMP/shell.db" init --code "$(printf '0101\necho pwned')" --name "Школа"
expect 2 "init refuses a code with a line break" --err "--code" --err "line break"
[ ! -e "$TMP/shell.db" ] && ok "…and makes no database" || not_ok "…and makes no database"

# --- backups ---
B="$TMP/bk"
mkdir -p "$B"
name=orientir-0101-2024-06-10.db
cp "$TMP/script-before" "$TMP/victim"
ln -s "$TMP/victim" "$B/.$name.tmp"
ln -s "$TMP/victim" "$B/$name.sig"
run backup --to "$B"
expect 0 "a backup into a folder whose temporary and .sig names are links" --out "$B/$name"
cmp -s "$TMP/victim" "$TMP/script-before" && ok "…the file they pointed at is untouched" \
	|| not_ok "…the file they pointed at is untouched"
[ -f "$B/$name" ] && [ ! -L "$B/$name.sig" ] && [ ! -e "$B/.$name.tmp" ] && ok "…the backup and its .sig are files" \
	|| not_ok "…the backup and its .sig are files"
ln -sf "$TMP/victim" "$B/named.db"
run backup --to "$B/named.db"
expect 0 "a backup to a name that is a link replaces the link"
cmp -s "$TMP/victim" "$TMP/script-before" && [ ! -L "$B/named.db" ] && ok "…and not the file it pointed at" \
	|| not_ok "…and not the file it pointed at"
intact_db=$(query "SELECT count(*) FROM result")
check_eq "$intact_db" 20 "the database still has its results"

# --- roadmap write (the district's) and the district's report ---
"$ORIENTIR" --db "$TMP/d.db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2024 >/dev/null
R="$TMP/rm"
mkdir -p "$R"
ln -s "$TMP/victim" "$R/roadmap.csv"
ln -s "$TMP/victim" "$R/.roadmap.csv.tmp"
run --db "$TMP/d.db" roadmap write "$R/roadmap.csv"
expect 0 "roadmap write over a link"
cmp -s "$TMP/victim" "$TMP/script-before" && [ ! -L "$R/roadmap.csv" ] && ok "…replaces the link, not its target" \
	|| not_ok "…replaces the link, not its target"
D="$TMP/dexp"
mkdir -p "$D"
ln -s "$DATA" "$D/orientir-district-R1-2024-H1"
run --db "$TMP/d.db" district export --period 2024-H1 --to "$D"
expect 0 "the district's report over a link to the database's folder"
intact "…the folder it pointed at is untouched"
verifies "$D/orientir-district-R1-2024-H1" "…and the report verifies"

# --- reading a package: regular files inside it only ---
mkdir -p "$TMP/clean"
"$ORIENTIR" export --period 2024-H1 --to "$TMP/clean" >/dev/null
fresh() {	# fresh NAME: a copy of the package to spoil, in $P
	rm -rf "$TMP/bad/$1"
	mkdir -p "$TMP/bad/$1"
	cp -r "$TMP/clean/$PKG" "$TMP/bad/$1/"
	P="$TMP/bad/$1/$PKG"
}
"$ORIENTIR" --db "$TMP/r.db" init --code R2 --name "ИМЦ 2" --role district >/dev/null
"$ORIENTIR" --db "$TMP/r.db" district schools add 0101 "Тестовая школа" >/dev/null
ORIENTIR_DB=$TMP/r.db snapshot r
# read_refused NAME ERR: the district's import of $P ends quickly, refused, nothing kept.
read_refused() {
	timeout 60 "$ORIENTIR" --db "$TMP/r.db" district import "$P" --received 2024-06-15 >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect 1 "$1: refused" --err "$2" --err "nothing of it was kept"
	ORIENTIR_DB=$TMP/r.db same_as r "$1: nothing kept"
}
fresh fifo
rm "$P/events.csv" && mkfifo "$P/events.csv"
read_refused "events.csv a FIFO (it hung the import forever)" "events.csv is not a regular file"
fresh zero
rm "$P/results.csv" && ln -s /dev/zero "$P/results.csv"
read_refused "results.csv a link to /dev/zero" "results.csv is a symbolic link"
fresh out
cp "$P/staff.csv" "$TMP/staff-outside.csv" && rm "$P/staff.csv" && ln -s "$TMP/staff-outside.csv" "$P/staff.csv"
read_refused "staff.csv a link to a file outside the package" "staff.csv is a symbolic link"
fresh manifest
cp "$P/manifest.txt" "$TMP/manifest-outside.txt" && rm "$P/manifest.txt" && ln -s "$TMP/manifest-outside.txt" "$P/manifest.txt"
read_refused "manifest.txt a link" "manifest.txt is a symbolic link"
fresh sums
mv "$P/SHA256SUMS" "$TMP/sums-outside" && ln -s "$TMP/sums-outside" "$P/SHA256SUMS"
read_refused "SHA256SUMS a link" "SHA256SUMS is a symbolic link"
fresh dir
rm "$P/roadmap.csv" && mkdir "$P/roadmap.csv"
read_refused "roadmap.csv a folder" "roadmap.csv is not a regular file"
fresh big
truncate -s 40M "$P/report.html"
read_refused "a file of 40 MiB" "report.html is larger than 32 MiB"
# A link on the stick named like a package, to a package elsewhere: not
# taken for one (it could lead anywhere, and the receipt would follow it).
mkdir -p "$TMP/linkstick"
ln -s "$TMP/clean/$PKG" "$TMP/linkstick/$PKG"
run --db "$TMP/r.db" district import "$TMP/linkstick"
expect 1 "a stick whose only package is a link" --err "no report package here"
ORIENTIR_DB=$TMP/r.db same_as r "…nothing kept"
[ ! -e "$TMP/clean/$PKG/receipt.txt" ] && ok "…and no receipt written through it" \
	|| not_ok "…and no receipt written through it"

# A school code that would be a path: "..", hidden, with a slash or a
# backslash. Refused at init; one a database holds anyway (an earlier
# version, an edit) never becomes a folder or a backup's name.
for code in .. .hidden "a/b" 'a\b'; do
	run --db "$TMP/code.db" init --code "$code" --name "Школа"
	expect 2 "init refuses the code '$code'" --err "starts with a dot or holds a slash"
	[ ! -e "$TMP/code.db" ] && ok "…and makes no database ('$code')" || { not_ok "…and makes no database ('$code')"; rm -f "$TMP/code.db"; }
done
mkdir -p "$TMP/codestick"
"$ORIENTIR" --db "$TMP/code.db" init --code 0101 --name "Школа" >/dev/null
for code in .. ../outside .orientir; do
	"$SQLITE3" "$TMP/code.db" "UPDATE school SET code = '$code'"
	run --db "$TMP/code.db" export --period 2026-H1 --to "$TMP/codestick"
	expect 1 "export refuses a database whose code is '$code'" --err "starts with a dot or holds a slash"
	run --db "$TMP/code.db" backup --to "$TMP/codestick"
	expect 1 "…so does backup ('$code')" --err "starts with a dot or holds a slash"
done
check_eq "$(ls -A "$TMP/codestick" | wc -l)|$(find "$TMP" -maxdepth 2 -name '*outside-*' -o -name 'orientir-.*' | wc -l)" "0|0" \
	"…and nothing is written, inside the stick or beside it"
finish
