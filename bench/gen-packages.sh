#!/bin/sh
# gen-packages.sh DATA STICK WORK — the schools of a synthetic district made
# by gen-district.sh (roster.csv, scales.csv, results.csv in DATA) write
# their report packages into STICK, as the schools would: the district is
# split by the pupils' codes («Ш001-…») into one roster.csv and results.csv
# per school (in WORK, removed as each school is done); every school gets its
# own database (init, import roster, scales, results through the command
# line, $(nproc) schools at a time) and writes its package for PERIOD
# (`export --period PERIOD`), signed, on MADE (ORIENTIR_TODAY); the school
# databases are deleted.  Shared by district.sh and region.sh.
#
# Environment: BIN (the orientir binary), PERIOD, MADE; CODE_PREFIX (the
# school codes are CODE_PREFIX and the three digits: default 0, «0001»),
# DISTRICT (the district's name the schools give, default «Синтетический
# район»).
set -eu

[ $# -eq 3 ] || { echo "usage: $0 DATA STICK WORK" >&2; exit 2; }
DATA=$1 STICK=$2 WORK=$3
CODE_PREFIX=${CODE_PREFIX:-0}
DISTRICT=${DISTRICT:-Синтетический район}
export BIN DATA STICK PERIOD MADE CODE_PREFIX DISTRICT
rm -rf "$WORK"
mkdir -p "$WORK" "$STICK"
# One folder per school, named by the three digits of its pupils' codes.
LC_ALL=C awk -F, -v dir="$WORK" '
	FNR == 1 {
		for (f in seen)
			close(f)
		split("", seen)
		head = $0
		kind = FILENAME
		sub(/.*\//, "", kind)
		col = kind == "roster.csv" ? 2 : 5
		next
	}
	{
		s = substr($col, 3, 3)		# «Ш» is two bytes in UTF-8
		f = dir "/" s "/" kind
		if (!(f in seen)) {
			seen[f] = 1
			system("mkdir -p \"" dir "/" s "\"")
			print head > f
		}
		print > f
	}
' "$DATA/roster.csv" "$DATA/results.csv"
# Each school: its own database, its three imports, its package.
ls "$WORK" | xargs -P "$(nproc)" -n 1 sh -c '
	set -e
	s=$1 dir=$0/$1 db=$0/$1/school.db
	n=$(expr "$s" + 0)
	"$BIN" --db "$db" init --code "$CODE_PREFIX$s" --name "Школа № $n" --district "$DISTRICT" >/dev/null
	"$BIN" --db "$db" import roster "$dir/roster.csv" >/dev/null
	"$BIN" --db "$db" import scales "$DATA/scales.csv" >/dev/null
	"$BIN" --db "$db" import results "$dir/results.csv" >/dev/null
	ORIENTIR_TODAY=$MADE "$BIN" --db "$db" export --period "$PERIOD" --to "$STICK" >/dev/null
	rm -rf "$dir"
' "$WORK"
rmdir "$WORK" 2>/dev/null || true
