#!/bin/sh
# The console for a person (issue 11): what the frame and the shared
# widgets promise on every screen, at 80×24 on the Linux console, in xterm
# and in monochrome: the main menu's numbers and Esc, the window too small,
# the end of the terminal, the choice standing out in every pop-up list,
# help read to its last line, the filter and search line, forms whose
# fields all behave alike, dates and half-years as people write them.
. "$(dirname "$0")/lib.sh"

for term in linux xterm-256color vt100; do
	db="$TMP/$term-menu.db"
	school "$db"
	vt $term menu.vt "$db"
	vt $term small.vt "$db"
	vt $term help.vt "$db"
	[ $term = vt100 ] || vt $term help-keys.vt "$db"
done

# The end of the terminal: with a hangup signal (the pty is the program's
# terminal) and without one (it is not: only the end of input tells).
for term in linux xterm-256color; do
	db="$TMP/$term-gone.db"
	school "$db"
	vt $term hangup.vt "$db"
	vt $term hangup.vt "$db" --no-ctty
	check "$("$SQLITE3" "$db" 'PRAGMA integrity_check')" ok "the database is whole after its terminal went ($term)"
done

# Pop-up lists and dialogs: the choice stands out from the box.
for term in linux xterm-256color; do
	db="$TMP/$term-pick.db"
	school "$db"
	vt $term pick-colour.vt "$db"
done
db="$TMP/vt100-pick.db"
school "$db"
vt vt100 pick-mono.vt "$db"

# The roadmap's filter and search line; the card's dates; forms: a field's
# content replaced by the first key, a list of kinds, a whole date.
for term in linux xterm-256color; do
	db="$TMP/$term-roadmap.db"
	school "$db"
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2025 >/dev/null
	vt $term roadmap-forms.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT held_on || '|' || kind || '|' || topic FROM event")" \
		"2026-11-27|круглый стол|Итоги диагностики" "the event's kind replaced, not appended to; its date as typed ($term)"
	check "$("$ORIENTIR" --db "$db" roadmap list --status in_progress --format csv | awk -F, 'NR > 1 { print $2 }')" \
		"1" "the status chosen with Space is saved ($term)"
done

# Pupils: yes/no fields, and the new school year that starts on «No».
for term in linux xterm-256color; do
	db="$TMP/$term-pupils.db"
	school "$db"
	vt $term pupils-forms.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT risk_group || '|' || individual_route FROM student WHERE code = 'А1'")" \
		"1|0" "the yes/no fields set by Space and н are saved ($term)"
	check "$("$SQLITE3" "$db" "SELECT group_concat(grade || letter) FROM class")" "5А" \
		"Enter on the new school year's question moves no class ($term)"
done

# Settings: leaving with changes asks; a long name fits its field.
for term in linux xterm-256color; do
	db="$TMP/$term-settings.db"
	school "$db"
	vt $term settings.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT name FROM school")" \
		"МКОУ «Сосновская основная общеобразовательная школа»" \
		"the name typed in Settings is saved when leaving asks and Save is chosen ($term)"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
