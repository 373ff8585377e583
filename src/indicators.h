/* The contract's indicators computed from results and scales. Domain
 * layer: reads through the store, never prints. */
#ifndef ORIENTIR_INDICATORS_H
#define ORIENTIR_INDICATORS_H

#include <sqlite3.h>
#include <stddef.h>

#include "store.h"

enum ind_code {
	IND_BELOW_MIN_ANY, IND_HIGH_ANY,	/* per procedure: subject 0 */
	IND_BELOW_MIN, IND_BELOW_MIN_CHANGE, IND_HIGH, IND_NOT_BELOW_AVG,
	IND_MARKS_LOWERED, IND_MARKS_CONFIRMED, IND_MARKS_RAISED,
	/* The school's people, not an assessment: procedure and subject 0. */
	IND_TEACHERS_DIAGNOSED, IND_TEACHERS_TRAINED, IND_WEAK_WITH_ROUTE, IND_FAILING_IN_EXTRA,
	IND_METHODICAL_EVENTS,	/* counts from here: num only, den 0 */
	IND_RISK_GROUP, IND_RISK_GROUP_CHANGE,	/* its size, and since the last half-year */
	IND_COUNT
};

/* Groups smaller than this are shown but marked as too small to judge. */
#define IND_SMALL_GROUP 5

typedef struct indicator {
	enum ind_code code;
	long procedure_id, subject_id;	/* subject 0: all subjects of the procedure */
	int grade;			/* 0: all grades of the procedure pooled */
	int year;
	long num, den;			/* for IND_BELOW_MIN_CHANGE: den of this year */
	int tenths;			/* percent × 10, rounded half up; for the
					 * change, percentage points × 10 */
} indicator;

typedef struct ind_set {
	int year;
	indicator *v;
	size_t n;
	refmap *proc, *subj;	/* names for the ids */
} ind_set;

/* Computes every indicator of year; rows ordered by procedure, subject,
 * grade (pooled first), code. 0, or -1 with *err. */
int indicators_compute(sqlite3 *db, int year, ind_set *out, char **err);
void ind_set_free(ind_set *s);

/* The contract's code ("below_min") and a translated short title. */
const char *indicator_code(enum ind_code c);
const char *indicator_title(enum ind_code c);
/* The mark a result stands for: its own, else the one its score earns on
 * the scale; 0 when neither is known. */
int indicator_mark(const scale *sc, const result *r);
/* A count rather than a share (no denominator, no percent). */
int indicator_is_count(enum ind_code c);
/* num / den as percent × 10, rounded half up. */
int indicator_tenths(long num, long den);

#endif
