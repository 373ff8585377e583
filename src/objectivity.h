/* Signs of biased results, as ФИС ОКО checks them, offline: per
 * assessment, a peak of primary scores just at a mark's lower boundary
 * (pupils pulled over the line), judged as a statistician would on a small
 * school's counts, and the assessment's marks against the journal's. A
 * sign is a reason to look, never a verdict. Domain layer: never prints. */
#ifndef ORIENTIR_OBJECTIVITY_H
#define ORIENTIR_OBJECTIVITY_H

#include <sqlite3.h>
#include <stddef.h>

#include "tasks.h"

typedef struct obj_row {
	long assessment_id;
	const char *procedure, *subject;	/* the report's refmaps' */
	int grade, year;
	double max_score;
	double bounds[3];	/* the lower boundaries of «3», «4», «5» the scale has */
	int nbounds;
	long participants;
	long *hist;		/* pupils per whole score, 0..max_score */
	int nhist;
	int has_peak;		/* the boundary with the strongest peak, if one is a sign */
	double peak_at, p;	/* its score, and the chance a fair coin gives as many at it */
	long at, below;		/* pupils at it and one point below */
	long compared, lowered, confirmed, raised;	/* marks against the journal's */
	int raised_sign;	/* raised for the rules' share of those compared or more */
	int flag;		/* either sign */
} obj_row;

typedef struct obj_report {
	int year;
	obj_row *v;
	size_t n;
	analysis_rules rules;
	refmap *proc, *subj;
} obj_report;

/* Every assessment of year with participants, by procedure, grade and
 * subject. 0, or -1 with *err. */
int objectivity_compute(sqlite3 *db, int year, obj_report *out, char **err);
void obj_report_free(obj_report *r);

/* The chance that a fair coin tossed n times shows heads k times or more:
 * the one-sided binomial test with p = ½. */
double objectivity_binomial(long k, long n);

/* The scores as lines of text, a score a line: «  6 |████ 8  <- «3» from
 * here», the longest bar width blocks long (fresh lines, *n of them). */
char **objectivity_histogram(const obj_row *o, int width, const char *block, int *n);

/* A count's share of those compared, percent × 10; -1 when none. */
int objectivity_tenths(long count, long compared);

#endif
