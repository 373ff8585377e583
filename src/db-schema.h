#ifndef ORIENTIR_DB_SCHEMA_H
#define ORIENTIR_DB_SCHEMA_H
/* How many migrations there are, and the SQL of migration 1..count. */
int db_schema_count(void);
const char *db_schema_migration(int version);
/* The counts of d_share from the results held, as share-tally.c counts a
 * package's: for the migrations that make d_share (db-schema.c, db-region.c). */
#define SHARES_FROM_RESULTS \
	"INSERT INTO d_share SELECT school_code, year, procedure, subject, count(*)," \
	" sum(CASE WHEN score < min_score THEN 1 ELSE 0 END), count(high_score)," \
	" sum(CASE WHEN score >= high_score THEN 1 ELSE 0 END)," \
	" sum(CASE WHEN mark IS NOT NULL AND journal_mark IS NOT NULL THEN 1 ELSE 0 END)," \
	" sum(CASE WHEN mark < journal_mark THEN 1 ELSE 0 END), sum(CASE WHEN mark = journal_mark THEN 1 ELSE 0 END)," \
	" sum(CASE WHEN mark > journal_mark THEN 1 ELSE 0 END)" \
	" FROM d_result WHERE absent = 0 GROUP BY school_code, year, procedure, subject;"

#endif
