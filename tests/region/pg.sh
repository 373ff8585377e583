# Sourced by the region tests after tests/cli/lib.sh: a throwaway
# PostgreSQL cluster of our own (initdb into a temporary folder, a Unix
# socket only, no TCP), a database "region" on it, $PG_URL to reach it as
# the user orientir with the password in $PG_PASSWORD, and pg_stop at the
# end of the test, failed or not. Skips (77) only where PostgreSQL's server
# is not installed (bootstrap installs it).
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
	echo "1..0 # SKIP PostgreSQL's server is not installed (apt-get install postgresql)"
	exit 77
fi
# a short path: a socket's name must fit in 107 bytes
PGDIR=$(mktemp -d /tmp/orientir-pg.XXXXXX)
PG_PASSWORD=s3cret
# initdb refuses root: the server runs as the user Debian's package made
# (or nobody), and the folder is theirs.
if [ "$(id -u)" = 0 ]; then
	PG_OWNER=postgres
	id "$PG_OWNER" >/dev/null 2>&1 || PG_OWNER=nobody
	chown "$PG_OWNER" "$PGDIR"
	chmod 755 "$PGDIR"
	as_pg() { runuser -u "$PG_OWNER" -- "$@"; }
else
	as_pg() { "$@"; }
fi
pg_stop() {
	as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
	rm -rf "$PGDIR"
}
trap 'pg_stop; rm -rf "$TMP"' EXIT
pg_start() {
	as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 30 \
		-o "-k $PGDIR -c listen_addresses='' -c fsync=off" start >/dev/null
}
echo "$PG_PASSWORD" >"$PGDIR/pw"
chmod 644 "$PGDIR/pw"
if ! as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -U orientir --pwfile="$PGDIR/pw" -A scram-sha-256 -E UTF8 \
	--locale=C --no-sync >"$PGDIR/initdb.log" 2>&1 || ! pg_start; then
	echo "Bail out! the throwaway PostgreSQL cluster did not start"
	cat "$PGDIR/initdb.log" "$PGDIR/log" 2>/dev/null | sed 's/^/#   /'
	exit 99
fi
# psql_region SQL: runs SQL on the region's database as orientir.
psql_region() {
	PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h "$PGDIR" -U orientir -d "${2:-region}" -XqAt -v ON_ERROR_STOP=1 -c "$1"
}
psql_region "CREATE DATABASE region" postgres >/dev/null
PG_URL="postgresql://orientir:$PG_PASSWORD@/region?host=$PGDIR"
