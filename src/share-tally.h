/* A package's results counted as the low-results rule and the district's
 * indicators read them (d_share: per year, procedure and subject), while
 * the rows are read: stored beside the rows, so that reading the rule
 * never goes through every pupil's result again. */
#ifndef ORIENTIR_SHARE_TALLY_H
#define ORIENTIR_SHARE_TALLY_H

#include <stddef.h>

#include "db-district.h"

typedef struct share_tally share_tally;

share_tally *share_tally_new(const char *school_code);
void share_tally_free(share_tally *t);
/* Counts r (one result of the tally's school) in its year, procedure and
 * subject; an absent pupil is not a participant. */
void share_tally_add(share_tally *t, const d_result *r);
/* The counts so far, in the order their first result came. */
size_t share_tally_count(const share_tally *t);
const d_share *share_tally_get(const share_tally *t, size_t i);

#endif
