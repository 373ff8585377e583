/* The rules of the ВПР analysis and of the objectivity check, the school's
 * or the district's: settings, or their defaults (rules.c). Domain layer. */
#ifndef ORIENTIR_RULES_H
#define ORIENTIR_RULES_H

#include "sdb.h"

/* The rules of the analysis: the settings, or their defaults. */
typedef struct analysis_rules {
	double deficit_below;	/* a task done below this percent is a deficit (50) */
	double deficit_gap;	/* …or this many points below the reference (15) */
	double peak_p;		/* a peak at a boundary: the binomial test's level (0.01) */
	long peak_at_boundary;	/* …with at least this many pupils at it (5) */
	long peak_participants;	/* …and this many participants (20) */
	double raised;		/* marks raised over the journal's: this percent or more is a sign (25) */
} analysis_rules;
void analysis_rules_get(sdb *db, analysis_rules *r);
/* The rules a command sets: "tasks" (deficit-below, deficit-gap) or
 * "objectivity" (peak-p, peak-boundary, peak-participants, raised). */
enum rules_group { RULES_TASKS, RULES_OBJECTIVITY };
/* Sets one of the group's rules: 0, or -1 with *err (no such rule, or
 * not a value for it). */
int analysis_rule_set(sdb *db, enum rules_group g, const char *name, const char *value, char **err);
/* The group's rules as "name value" lines for people, with their meaning
 * (fresh). */
char *analysis_rules_text(sqlite3 *db, enum rules_group g);


/* The deficit rule in a sentence, of the school's tasks (district 0), the
 * district's (1) or the region's schools together (2); doc: the numbers
 * for a document (num_doc_tenths) (fresh). */
char *rules_deficit_text(const analysis_rules *r, int district, int doc);

/* 100 × sum / (participants × max) in tenths, rounded half up; -1 for none. */
int tasks_tenths(double sum, long participants, double max);
/* Whether a task's share (tenths) is a deficit by the rules: below their
 * percent, or their gap or more below the reference. */
int tasks_is_deficit(const analysis_rules *r, int tenths, int has_reference, double reference);

#endif
