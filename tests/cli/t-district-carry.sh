#!/bin/sh
# district export, its part for the region: the district keeps every
# package it takes in (a replaced version's files go with it; a held one
# accepted keeps its own), and its export carries them byte for byte in
# schools/, listed in schools.txt under the district's checksums and
# signature; a package taken in before the files were kept is named and
# left out. Another office importing the export takes each school's
# package as from a stick; a changed byte anywhere refuses the whole
# export, nothing kept.
. "$TESTS_SRCDIR/cli/lib.sh"
export ORIENTIR_TODAY=2024-06-01
export ORIENTIR_DB="$TMP/district.db"
STICK="$TMP/stick"
OUT="$TMP/out-dir"
mkdir -p "$STICK" "$OUT"

# school CODE NAME SPEC...: the school's database, filled, and its package
# of 2024-H1 in $STICK/CODE.
school() {
	code=$1 name=$2
	shift 2
	gen_school "$code" "$name" "Северный район" "$@"
	write "$code"
}
# write CODE [OPTION]: the school's package of 2024-H1, written again into $STICK/CODE.
write() {
	rm -rf "${STICK:?}/$1"
	mkdir -p "$STICK/$1"
	"$ORIENTIR" --db "$TMP/$1.db" export --period 2024-H1 --to "$STICK/$1" ${2:+"$2"} >/dev/null 2>&1 \
		|| not_ok "school $1: its package is written"
}
# files CODE: how many files the district keeps with the school's package.
files() {
	query "SELECT count(*) FROM d_package_file f JOIN d_package p ON p.id = f.package_id
		WHERE p.school_code = '$1'"
}
# same_package A B DESCRIPTION: the two package folders hold the same bytes
# (receipts aside).
same_package() {
	if diff -r -x receipt.txt "$1" "$2" >"$TMP/diff" 2>&1; then ok "$3"; else
		failed=$((failed + 1)); echo "not ok - $3"; sed 's/^/#   /' "$TMP/diff" | head
	fi
}

run init --role district --code R-01 --name "ИМЦ Северного района"
expect 0 "the district is made"
printf 'Код;Наименование\n0101;Школа 1\n0102;Школа 2\n0103;Школа 3\n0105;Школа 5\n' >"$TMP/list.csv"
run district schools import "$TMP/list.csv"
expect 0 "its list of schools"
school 0101 "Школа 1" "ВПР:Математика:5:2024:10:4" "ВПР:Русский язык:5:2024:10:1"
school 0102 "Школа 2" "ВПР:Математика:5:2024:10:1"
school 0103 "Школа 3" "ВПР:Математика:5:2023:8:1" "ВПР:Математика:5:2024:8:2"
school 0104 "Школа 4" "ВПР:Математика:5:2024:6:1"
school 0105 "Школа 5" "ВПР:Математика:5:2024:6:1"
write 0105 --with-names

# --- the district keeps what it takes in ---
run district import "$STICK/0101" "$STICK/0102" "$STICK/0103" "$STICK/0105"
expect 0 "four packages are taken in" --out "4 packages: 4 new"
P1=$(ls -d "$STICK"/0101/orientir-*)
check_eq "$(files 0101)" "$(($(wc -l <"$P1/SHA256SUMS") + 2))" \
	"the district keeps the package's files, its SHA256SUMS and SIGNATURE with it"
run district import "$STICK/0104"
expect 0 "a school not on the list is held" --out "1 held"
check_eq "$(files 0104)" 0 "…and a held package is not among the packages kept"
run district accept 1
expect 0 "…until the methodist accepts it"
check_eq "$(files 0104)" "$(($(cat "$STICK"/0104/orientir-*/SHA256SUMS | wc -l) + 2))" \
	"…and then its files are kept with it"
check_eq "$(files 0105)" 0 "…but not the files of a package with pupils' names"
# A package taken in by an earlier orientir has no files kept.
query "DELETE FROM d_package_file WHERE package_id = (SELECT id FROM d_package WHERE school_code = '0103')"

# A newer version replaces the files of the one it replaces.
sleep 1
"$ORIENTIR" --db "$TMP/0101.db" import results "$TMP/in/0102/results.csv" >/dev/null 2>&1
write 0101
P1=$(ls -d "$STICK"/0101/orientir-*)
run district import "$STICK/0101"
expect 0 "a newer version of school 0101's package" --out "1 replaced"
check_eq "$(query "SELECT count(*) FROM d_package_file WHERE package_id NOT IN (SELECT id FROM d_package)")" 0 \
	"…and the files of the version it replaced are gone"

# --- the export carries them ---
REP="$OUT/orientir-district-R-01-2024-H1"
run district export --period 2024-H1 --to "$OUT"
expect 0 "the district's export is written" --out "3 school packages are carried for the region in schools/" \
	--out "Not carried: 0103 «Школа 3», 1st half-year 2024" --out "Not carried: 0105 «Школа 5»" \
	--out "ask the school to send it again, without names"
check_eq "$(ls "$REP/schools" | tr '\n' ' ')" "orientir-0101-2024-H1 orientir-0102-2024-H1 orientir-0104-2024-H1 " \
	"schools/ holds a folder for each package carried"
same_package "$P1" "$REP/schools/orientir-0101-2024-H1" "…each the school's package byte for byte, as received"
same_package "$(ls -d "$STICK"/0104/orientir-*)" "$REP/schools/orientir-0104-2024-H1" \
	"…the accepted one too"
(cd "$REP/schools/orientir-0102-2024-H1" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 \
	&& ok "…and verifies with its own SHA256SUMS" || not_ok "…and verifies with its own SHA256SUMS"
check_eq "$(sed -n 's/^format: //p' "$REP/manifest.txt")" "orientir-district-report-1" \
	"the export's manifest says what it is"
check_eq "$(wc -l <"$REP/schools.txt")" 3 "schools.txt lists the packages carried"
grep -q "^$(sha256sum <"$P1/SHA256SUMS" | cut -c1-64) $(sha256sum <"$P1/SIGNATURE" | cut -c1-64) orientir-0101-2024-H1\$" \
	"$REP/schools.txt" && ok "…each by the SHA-256 of its SHA256SUMS and SIGNATURE" \
	|| not_ok "…each by the SHA-256 of its SHA256SUMS and SIGNATURE"
(cd "$REP" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 && grep -q "  schools.txt\$" "$REP/SHA256SUMS" \
	&& ok "the district's SHA256SUMS covers schools.txt" || not_ok "the district's SHA256SUMS covers schools.txt"
grep -q "Not carried for the region: the packages of Школа 3 (1st half-year 2024), Школа 5 (1st half-year 2024), whose" "$REP/report.html" \
	&& ok "the report names the package it cannot carry" || not_ok "the report names the package it cannot carry"

# --- another office takes the export in ---
export ORIENTIR_DB="$TMP/other.db"
run init --role district --code R-09 --name "ИМЦ другой"
expect 0 "another district office"
snapshot empty

# spoil NAME: a copy of the export at $TMP/bad/NAME, to change.
spoil() {
	rm -rf "$TMP/bad/$1"
	mkdir -p "$TMP/bad"
	cp -r "$REP" "$TMP/bad/$1"
	X="$TMP/bad/$1"
}
spoil byte
E="$X/schools/orientir-0102-2024-H1/results.csv"
sed -i '$s/12/13/' "$E"
run district import "$X"
expect 1 "a byte changed in a carried package refuses the export" \
	--err "orientir-0102-2024-H1: results.csv does not match its checksum" --err "nothing of it was taken in" \
	--out "1 refused"
same_as empty "…and nothing of it is kept"
spoil resummed
E="$X/schools/orientir-0102-2024-H1"
sed -i '$s/12/13/' "$E/results.csv"
rm -f "$E/SIGNATURE"
(cd "$E" && for f in *; do case $f in SHA256SUMS) ;; *) sha256sum "$f" ;; esac; done >SHA256SUMS)
run district import "$X"
expect 1 "a carried package changed and summed again refuses the export" \
	--err "orientir-0102-2024-H1: not the package the district signed for" --out "1 refused"
same_as empty "…and nothing of it is kept"
spoil list
[ "$(head -c1 "$X/schools.txt")" = 0 ] && c=1 || c=0
sed -i "1s/^./$c/" "$X/schools.txt"
run district import "$X"
expect 1 "a changed schools.txt refuses the export" --err "schools.txt does not match its checksum"
same_as empty "…and nothing of it is kept"

run district import "$REP"
expect 0 "the export is taken in" --out "District export of R-01 «ИМЦ Северного района», 1st half-year 2024: 3 school packages." \
	--out "the district's key is now pinned" --out "3 packages: 0 new, 0 replaced, 0 unchanged, 0 older, 3 held"
check_eq "$(query "SELECT count(*) FROM d_package") $(query "SELECT count(*) FROM d_held")" "0 3" \
	"…on a district, its schools not on the list are held, as from a stick"
run district import "$REP"
expect 0 "the same export again" --out "3 held"
finish
