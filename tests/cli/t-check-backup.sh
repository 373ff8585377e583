#!/bin/sh
# check and backup: a sound database passes, damage and foreign files are
# found, a backup is a checked, private, complete copy.
. "$TESTS_SRCDIR/cli/lib.sh"
F="$FIXTURES/indicators"
init_school
for k in roster scales results; do "$ORIENTIR" import $k "$F/$k.csv" >/dev/null; done

run check
expect 0 "a sound database passes the check" --out "sound"
run --db "$TMP/nothing.db" check
expect 1 "check on a missing file fails" --err "nothing.db"
[ ! -e "$TMP/nothing.db" ] && ok "…and does not create it" || not_ok "…and does not create it"
echo "this is not a database at all, just some text that is long enough" >"$TMP/text.db"
run --db "$TMP/text.db" check
expect 1 "check on a text file fails" --err "not"
run --db "$TMP/text.db" indicators
expect 1 "commands refuse a file that is not a database" --err "text.db"

mkdir "$TMP/bk"
run backup --to "$TMP/bk"
expect 0 "backup into a folder" --out "$TMP/bk/orientir-0101-"
copy=$(ls "$TMP/bk"/orientir-0101-*.db)
check_eq "$(stat -c %a "$copy")" 600 "the backup is private (0600)"
check_eq "$("$SQLITE3" "$copy" 'SELECT count(*) FROM result')" 20 "the backup holds every result"
[ ! -e "$copy-wal" ] && ok "the backup is one file (no WAL beside it)" || not_ok "the backup is one file"
run --db "$copy" check
expect 0 "the backup passes the check"
run backup --to "$TMP/bk"
expect 0 "a second backup the same day"
check_eq "$(ls "$TMP/bk" | wc -l)" 2 "…gets a new name and keeps the first"
run backup --to "$TMP/named.db"
expect 0 "backup to a named file"
[ -f "$TMP/named.db" ] && [ ! -e "$TMP/named.db.tmp" ] && ok "…written, no temporary left" || not_ok "…written"
run backup
expect 0 "backup with no --to goes beside the database" --out "$TMP/data/backups/"
run backup --to "$TMP/no/such/dir/x.db"
expect 1 "backup into a missing folder fails clearly" --err "no/such/dir"

# A folder on a stick keeps the last five.
mkdir "$TMP/keep"
for i in 1 2 3 4 5 6 7; do "$ORIENTIR" backup --to "$TMP/keep" >/dev/null; done
check_eq "$(ls "$TMP/keep" | wc -l)" 5 "a folder keeps the last five backups"
ls "$TMP/keep" | grep -q -- '-7\.db$' && ok "…the newest among them" || not_ok "…the newest among them"

# Restore: the backup comes back, the replaced database is kept aside.
cp "$TMP/named.db" "$TMP/before.db"
printf 'Класс;Код;ФИО\n5А;NEW;Новенький Никита\n' >"$TMP/new.csv"
"$ORIENTIR" import roster "$TMP/new.csv" >/dev/null
run restore "$TMP/before.db"
expect 0 "restore puts a backup back" --out "kept as"
check_eq "$(query "SELECT count(*) FROM student WHERE code = 'NEW'")" 0 "…the pupil added since is gone"
aside=$(ls "$TMP/data"/school.db.before-restore-* | head -1)
check_eq "$("$SQLITE3" "$aside" "SELECT count(*) FROM student WHERE code = 'NEW'")" 1 "…and the replaced database is kept aside"
run check
expect 0 "…and the restored database is sound"
snapshot restored
run restore "$TMP/text.db"
expect 1 "a file that is not a database is not restored" --err "cannot be restored" --err "nothing was changed"
same_as restored "…and the database stays as it was"
run restore "$TMP/missing.db"
expect 1 "a missing file is not restored"

# Damage: overwrite the start of a page in the middle of a copy (its
# header: the end of an empty table's page is never read).
cp "$TMP/named.db" "$TMP/broken.db"
size=$(stat -c %s "$TMP/broken.db")
dd if=/dev/urandom of="$TMP/broken.db" bs=4096 seek=$((size / 8192)) count=1 conv=notrunc 2>/dev/null
run --db "$TMP/broken.db" check
expect 1 "a damaged database fails the check" --err "damaged"

# A database from a newer orientir is refused, and left as it was.
cp "$TMP/named.db" "$TMP/newer.db"
"$SQLITE3" "$TMP/newer.db" 'PRAGMA user_version = 99'
before=$(sha256sum <"$TMP/newer.db")
run --db "$TMP/newer.db" indicators
expect 1 "a database from a newer orientir is refused" --err "newer version"
check_eq "$(sha256sum <"$TMP/newer.db")" "$before" "…and not touched"
run --db "$TMP/newer.db" check
expect 1 "check says it is from a newer version" --err "newer"
snapshot restored
run restore "$TMP/newer.db"
expect 1 "a backup from a newer orientir is not restored" --err "newer"
same_as restored "…and the database stays as it was"
finish
