#!/bin/sh
# The command line as a person meets it: usage lines in their language,
# wrong options told as every other message is, tables cut only to a
# terminal's width.
. "$TESTS_SRCDIR/cli/lib.sh"
commands="init import indicators roadmap export check backup restore demo district"

# A wrong option, for every command and subcommand: our own message, the
# pointer to help, status 2, and nothing of getopt's own wording.
for c in init "import roster" indicators "roadmap list" "roadmap set" "roadmap write" export check backup restore \
	demo "district import" "district status" "district risk" "district indicators" "district export" \
	"district schools" "district set"; do
	run $c --bogus
	expect 2 "$c: an unknown option is told with the program's name" \
		--err "orientir: unknown option '--bogus'" --err "orientir help ${c%% *}" --no-err "unrecognized"
	[ "$(grep -vc '^orientir: \|^Try ' "$TMP/err")" = 0 ] && ok "…and every line of it is ours" \
		|| not_ok "…and every line of it is ours"
done
run --bogus
expect 2 "a wrong option before the command too" --err "orientir: unknown option '--bogus'" --err "orientir --help"
run export --period
expect 2 "an option without its value is named" --err "orientir: option '--period' needs a value" \
	--err "orientir help export"
run roadmap list --overdue=yes
expect 2 "a value given to an option that takes none is named" \
	--err "orientir: option '--overdue' takes no value"
run district status --format
expect 2 "…in a subcommand too" --err "orientir: option '--format' needs a value" --err "orientir help district"
run demo -x
expect 2 "a short option nobody has" --err "orientir: unknown option '-x'"

# Usage lines in Russian: the placeholders are Russian, the options and the
# command's words stay as they are typed.
if locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	for c in $commands; do
		LC_ALL=ru_RU.UTF-8 "$ORIENTIR" help $c >"$TMP/out" 2>"$TMP/err"
		rc=$?
		# The synopsis: from «Использование» to the summary's line.
		sed -n '1,/^[^ |]*[а-яё]/p' "$TMP/out" | sed '$d' >"$TMP/syn"
		[ -s "$TMP/syn" ] || head -1 "$TMP/out" >"$TMP/syn"
		if grep -Eq '\b(FILE|DIR|FOLDER|YEAR|YYYY|DATE|TEXT|NAME|CODE|PATH|NUMBER|VALUE|ARGS|COMMAND)\b' "$TMP/syn"; then
			not_ok "help $c: the usage line has no English placeholder"; sed 's/^/#   /' "$TMP/syn"
		else
			ok "help $c: the usage line has no English placeholder"
		fi
	done
	LC_ALL=ru_RU.UTF-8 "$ORIENTIR" help roadmap >"$TMP/out"
	grep -q -- 'Использование: orientir \[--db ФАЙЛ\] roadmap list \[--years ГОД\[-ГОД\]\] \[--status СТАТУС\].*| set НОМЕР.*| write ФАЙЛ' \
		"$TMP/out" && ok "…options and command words stay, placeholders are Russian" \
		|| not_ok "…options and command words stay, placeholders are Russian"
	LC_ALL=ru_RU.UTF-8 "$ORIENTIR" backup --to >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect 2 "a wrong option in Russian" --err "orientir: параметру «--to» нужно значение" \
		--err "orientir help backup"
	LC_ALL=ru_RU.UTF-8 "$ORIENTIR" restore >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect 2 "a usage error in Russian shows the Russian synopsis" --err "Использование: orientir [--db ФАЙЛ] restore ФАЙЛ"
	LC_ALL=ru_RU.UTF-8 "$ORIENTIR" check >"$TMP/out" 2>"$TMP/err" --x
	rc=$?
	expect 2 "a command with no arguments has an empty synopsis, not the catalogue's header" --no-err "Project-Id"
else
	echo "# the ru_RU.UTF-8 locale is missing: the Russian usage lines are not checked"
fi

# Tables are cut to a terminal's width, never in a file or a pipe.
long="Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа № 1 имени героя»"
"$ORIENTIR" init --code R --name "ИМЦ" --role district >/dev/null
"$ORIENTIR" district schools add 0101 "$long" >/dev/null
run district status --period 2026-H1
expect 0 "district status into a file" --out "$long"
run district schools
expect 0 "the schools' list into a file" --out "$long"
COLUMNS=80 "$ORIENTIR" district status --period 2026-H1 >"$TMP/out" 2>"$TMP/err"
rc=$?
expect 0 "COLUMNS=80 asks for 80 columns" --no-out "$long" --out "…"
# The table's lines, not the sentence under it.
width=$(grep -v '^Reported' "$TMP/out" | LC_ALL=C.UTF-8 wc -L)
[ "$width" -le 80 ] && ok "…and no line of the table is wider ($width)" || not_ok "…and no line of the table is wider ($width)"
if script -qc true /dev/null >/dev/null 2>&1; then
	script -qc "stty cols 60 rows 24; '$ORIENTIR' district status --period 2026-H1" /dev/null >"$TMP/out" 2>&1
	tr -d '\r' <"$TMP/out" >"$TMP/tty"
	width=$(grep -v '^Reported' "$TMP/tty" | LC_ALL=C.UTF-8 wc -L)
	grep -qF "$long" "$TMP/tty" && not_ok "on a 60-column terminal the name is cut" \
		|| ok "on a 60-column terminal the name is cut"
	[ "$width" -le 60 ] && ok "…to the terminal's width ($width)" || not_ok "…to the terminal's width ($width)"
else
	echo "# script(1) cannot make a terminal here: the terminal's width is not checked"
fi
finish
