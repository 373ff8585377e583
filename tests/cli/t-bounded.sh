#!/bin/sh
# Every reader bounded: a huge cell or header is quoted by a short prefix,
# control characters and terminal escapes from files never reach the
# terminal raw, a line that never ends and a package of more rows than a
# school has are refused before they take the memory; CR-only lines are
# counted, a Windows-1251 file is judged by more than its first letter,
# SHA256SUMS is read as sha256sum -c reads it; identity fields refuse
# control characters everywhere and are escaped where written; cells Excel
# would run are not formulas there; names stay private to their owner.
. "$TESTS_SRCDIR/cli/lib.sh"
export ORIENTIR_TODAY=2024-06-10
F="$FIXTURES/indicators"
init_school
for k in roster scales; do "$ORIENTIR" import $k "$F/$k.csv" >/dev/null; done
ESC=$(printf '\033')
small_err() {	# small_err MAX DESCRIPTION: stderr is at most MAX bytes and holds no ESC
	n=$(wc -c <"$TMP/err")
	[ "$n" -le "$1" ] && ok "$2 ($n bytes)" || not_ok "$2 ($n bytes)"
	grep -q "$ESC" "$TMP/err" && not_ok "…no escape sequence reaches the terminal" \
		|| ok "…no escape sequence reaches the terminal"
}

# --- a 1 MB score cell, a 20 MB header, a line that never ends ---
snapshot before
{ printf 'procedure,subject,year,class,student_code,score\nВПР,Математика,2024,5А,P1,'
  head -c 1000000 /dev/zero | tr '\0' 7; printf '\n'; } >"$TMP/bigcell.csv"
run import results "$TMP/bigcell.csv"
expect 1 "a 1 MB score cell is refused" --err "bigcell.csv:2: column «score»" --err "…»"
small_err 600 "…quoting a short prefix of it"
same_as before "…nothing changed"
{ head -c 20000000 /dev/zero | tr '\0' x; printf ',class\n5А,x\n'; } >"$TMP/bighead.csv"
run import roster "$TMP/bighead.csv"
expect 1 "a 20 MB header is refused" --err "bighead.csv:1: a row longer than 1024 KiB"
small_err 600 "…in a short message"
head -c 200000000 /dev/zero | tr '\0' a >"$TMP/noline.csv"
run import roster "$TMP/noline.csv"
expect 1 "200 MB with no line break is refused" --err "noline.csv:1: a row longer than 1024 KiB"
rm -f "$TMP/noline.csv" "$TMP/bighead.csv"
same_as before "…nothing changed"

# --- control characters and escapes in cells, file names and headers ---
printf 'procedure,subject,year,class,student_code,score,\033]0;pwned\007\nВПР,Математика,2024,5А,P1,\033[2J\033[31mмного\n' \
	>"$TMP/esc.csv"
run import results "$TMP/esc.csv"
expect 1 "a score cell with terminal escapes is refused" --err 'esc.csv:2: column «score»: «\x1B[2J\x1B[31mмного»' \
	--err '«\x1B]0;pwned\x07»'
small_err 1000 "…its escapes shown, not sent"
cp "$TMP/esc.csv" "$TMP/$(printf 'name\033[31m.csv')"
run import results "$TMP/$(printf 'name\033[31m.csv')"
expect 1 "a file name with an escape" --err 'name\x1B[31m.csv'
small_err 1500 "…shown escaped"

# --- lines ended by CR alone (old Mac Excel) ---
printf 'procedure,subject,year,class,student_code,score\rВПР,Математика,2024,5А,P1,12\rВПР,Математика,2024,5А,P2,много\r' \
	>"$TMP/cr.csv"
run import results "$TMP/cr.csv" --dry-run
expect 1 "a CR-only file names the bad line, not line 1" --err "cr.csv:3: column «score»"
printf 'procedure,subject,year,class,student_code,score\rВПР,Математика,2024,5А,P1,12\r' >"$TMP/cr-good.csv"
run import results "$TMP/cr-good.csv"
expect 0 "…and a good CR-only file imports" --out "Added 1"

# --- Windows-1251 beginning «Пётр» (its first bytes are valid UTF-8) ---
# (the header in English, so that «Пётр» is the first text outside ASCII)
printf 'first_name;class;student_code\n' >"$TMP/petr2.csv"
printf '\317\270\362\360;5\300;P91\n' >>"$TMP/petr2.csv"
run import roster "$TMP/petr2.csv"
expect 0 "a Windows-1251 roster whose first name is «Пётр» imports" --out "Added 1"
check_eq "$(query "SELECT first_name FROM student WHERE code = 'P91'")" "Пётр" "…read as Windows-1251"

# --- identity fields: control characters refused at every entry point ---
run --db "$TMP/n.db" init --code 0202 --name "$(printf 'Школа\nperiod: 1999-H1')"
expect 2 "init refuses a name with a line break" --err "--name" --err 'Школа\nperiod: 1999-H1'
[ ! -e "$TMP/n.db" ] && ok "…no database made" || not_ok "…no database made"
run --db "$TMP/n.db" init --code 0202 --name "Школа" --district "$(printf 'Район\033[31m')"
expect 2 "init refuses a district with an escape" --err "--district"
"$ORIENTIR" --db "$TMP/d.db" init --code R1 --name "ИМЦ" --role district >/dev/null
printf 'Код;Наименование\n0101;Школа 1\n0102;%s\n' "$(printf 'Школа\0332')" >"$TMP/list.csv"
ORIENTIR_DB=$TMP/d.db snapshot d
run --db "$TMP/d.db" district schools import "$TMP/list.csv"
expect 1 "the district's list refuses a name with a control character" --err "list.csv:3:" --err "control character"
ORIENTIR_DB=$TMP/d.db same_as d "…nothing changed"
run --db "$TMP/d.db" district schools add 0103 "$(printf 'Школа\t3')"
expect 1 "…and so does schools add" --err "control character"
"$ORIENTIR" import results "$F/results.csv" >/dev/null
mkdir -p "$TMP/s"
"$ORIENTIR" export --period 2024-H1 --to "$TMP/s" >/dev/null
P="$TMP/s/orientir-0101-2024-H1"
# The manifest's writer escapes; its reader unescapes, then refuses.
sed -i 's/^school_name: .*/school_name: Школа\\nperiod: 1999-H1/' "$P/manifest.txt"
rm "$P/SIGNATURE"
(cd "$P" && for f in *; do case $f in SHA256SUMS) ;; *) sha256sum "$f" ;; esac; done >SHA256SUMS)
"$ORIENTIR" --db "$TMP/d.db" district schools add 0101 "Тестовая школа" >/dev/null
ORIENTIR_DB=$TMP/d.db snapshot d
run --db "$TMP/d.db" district import "$P"
expect 1 "a manifest whose name holds a line break is refused" --err "manifest.txt: the name holds a control character"
ORIENTIR_DB=$TMP/d.db same_as d "…nothing kept"
check_eq "$(grep -c '^period:' "$P/receipt.txt")" 1 "…and its receipt has one period line"

# --- SHA256SUMS in CRLF and in sha256sum -b form ---
rm -rf "$TMP/s2" && mkdir -p "$TMP/s2"
"$ORIENTIR" export --period 2024-H1 --to "$TMP/s2" >/dev/null
P="$TMP/s2/orientir-0101-2024-H1"
rm "$P/SIGNATURE"
(cd "$P" && for f in *; do case $f in SHA256SUMS) ;; *) sha256sum -b "$f" ;; esac; done | sed 's/$/\r/' >SHA256SUMS)
(cd "$P" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 && ok "sha256sum -c reads the CRLF, -b form" \
	|| echo "# this sha256sum does not read CRLF lines; orientir does"
"$ORIENTIR" --db "$TMP/d2.db" init --code R2 --name "ИМЦ 2" --role district >/dev/null
"$ORIENTIR" --db "$TMP/d2.db" district schools add 0101 "Тестовая школа" >/dev/null
run --db "$TMP/d2.db" district import "$P"
expect 0 "…and so does the district" --out "accepted" --out "20 results taken in"

# --- a package with more rows than a school has ---
rm -rf "$TMP/s3" && mkdir -p "$TMP/s3"
"$ORIENTIR" export --period 2024-H1 --to "$TMP/s3" >/dev/null
P="$TMP/s3/orientir-0101-2024-H1"
rm "$P/SIGNATURE"
awk -F';' 'BEGIN { OFS = ";" } NR == 1 { print; next } NR == 2 { for (i = 0; i <= 200000; i++) { $7 = "C" i; print } }' \
	"$P/results.csv" >"$P/r" && mv "$P/r" "$P/results.csv"
(cd "$P" && for f in *; do case $f in SHA256SUMS) ;; *) sha256sum "$f" ;; esac; done >SHA256SUMS)
"$ORIENTIR" --db "$TMP/d3.db" init --code R3 --name "ИМЦ 3" --role district >/dev/null
"$ORIENTIR" --db "$TMP/d3.db" district schools add 0101 "Тестовая школа" >/dev/null
ORIENTIR_DB=$TMP/d3.db snapshot d3
run --db "$TMP/d3.db" district import "$P"
expect 1 "200 001 results in one package are refused" --err "results.csv: more than 200000 rows, more than a school has"
ORIENTIR_DB=$TMP/d3.db same_as d3 "…not stored"

# --- cells Excel would run as formulas (excel-ru) ---
printf 'Дата;Вид;Тема;Участников\n12.03.2024;семинар;"=HYPERLINK(""http://x"";""жми"")";8\n13.03.2024;совещание;-вопросы;3\n14.03.2024;собрание;@SUM(1);2\n' \
	>"$TMP/ev.csv"
run import events "$TMP/ev.csv"
expect 0 "events whose topics would be formulas in Excel"
rm -rf "$TMP/s4" "$TMP/s5" && mkdir -p "$TMP/s4" "$TMP/s5"
"$ORIENTIR" export --period 2024-H1 --to "$TMP/s4" >/dev/null
"$ORIENTIR" export --period 2024-H1 --to "$TMP/s5" --dialect rfc4180 >/dev/null
E="$TMP/s4/orientir-0101-2024-H1/events.csv"
grep -q ";\"'=HYPERLINK" "$E" && grep -q ";'-вопросы;" "$E" && grep -q ";'@SUM(1);" "$E" \
	&& ok "excel-ru: a cell beginning =, -, @ gets an apostrophe" || not_ok "excel-ru: a cell beginning =, -, @ gets an apostrophe"
grep -q ';-[0-9]' "$TMP/s4/orientir-0101-2024-H1/indicators.csv" && ! grep -q ";'-[0-9]" "$TMP/s4/orientir-0101-2024-H1/indicators.csv" \
	&& ok "…a negative number stays a number" || not_ok "…a negative number stays a number"
grep -q "'" "$TMP/s5/orientir-0101-2024-H1/events.csv" && not_ok "rfc4180 is left as it is" || ok "rfc4180 is left as it is"
"$ORIENTIR" --db "$TMP/back.db" init --code 0101 --name "Копия" >/dev/null
run --db "$TMP/back.db" import events "$E"
expect 0 "the excel-ru events.csv imports back"
check_eq "$(ORIENTIR_DB=$TMP/back.db query "SELECT group_concat(topic, '|') FROM (SELECT topic FROM event ORDER BY held_on)")" \
	'=HYPERLINK("http://x";"жми")|-вопросы|@SUM(1)' "…with the cells as they were"

# --- names private to their owner ---
rm -rf "$TMP/s6" && mkdir -p "$TMP/s6"
umask 022
"$ORIENTIR" export --period 2024-H1 --to "$TMP/s6" --with-names >/dev/null
P="$TMP/s6/orientir-0101-2024-H1"
check_eq "$(stat -c %a "$P") $(stat -c %a "$P"/* | sort -u | tr '\n' ' ')" "700 600 " \
	"--with-names: the folder 700, every file 600"
rm -rf "$TMP/s6" && mkdir -p "$TMP/s6"
"$ORIENTIR" export --period 2024-H1 --to "$TMP/s6" >/dev/null
check_eq "$(stat -c %a "$P") $(stat -c %a "$P"/* | sort -u | tr '\n' ' ')" "755 644 " "…without: as the umask allows"
chmod 644 "$ORIENTIR_DB"
run indicators --year 2024
expect 0 "a database readable by others" --err "readable by other users" --err "now readable by you alone"
check_eq "$(stat -c %a "$ORIENTIR_DB")" 600 "…is made private"
run indicators --year 2024
expect 0 "…and the user is told once" --no-err "readable by other users"
finish
