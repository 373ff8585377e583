/* The learning risk group: pupils the program proposes from the year's
 * results, for the deputy head to confirm or dismiss. Domain layer. */
#ifndef ORIENTIR_RISKGROUP_H
#define ORIENTIR_RISKGROUP_H

#include <sqlite3.h>
#include <stddef.h>

typedef struct risk_proposal {
	long student_id;
	char *name, *class_label;
	char *reason;		/* every cause, translated, "; "-joined */
} risk_proposal;

/* Pupils at school, not in the group, with a result below the minimum or a
 * «2» in the journal in year, whose proposal was not dismissed for it. */
int risk_proposals(sqlite3 *db, int year, risk_proposal **out, size_t *n, char **err);
void risk_proposals_free(risk_proposal *v, size_t n);

#endif
