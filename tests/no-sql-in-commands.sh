#!/bin/sh
# Commands (cli-*.c) and screens (scr-*.c) reach the database only through
# the store (db*.c): none of them calls SQLite or holds a statement. The
# handle's type, sqlite3 *, is passed on and allowed.
set -u
: "${TOP_SRCDIR:?run through make check}"
cd "$TOP_SRCDIR" || exit 1
hits=$(grep -n 'sqlite3_[a-z_0-9]*[[:space:]]*(\|sqlite3_stmt' src/cli-*.c src/scr-*.c)
if [ -z "$hits" ]; then
	echo "ok - no command or screen calls sqlite3_* or holds a statement"
	echo "1 passed, 0 failed"
	exit 0
fi
echo "not ok - these lines of commands or screens use SQLite directly (move them into a db-*.c store function):"
printf '%s\n' "$hits" | sed 's/^/#   /'
echo "0 passed, 1 failed"
exit 1
