/* The rules a scale must follow, shared by the scales import and the
 * scale form. Domain layer. */
#ifndef ORIENTIR_SCALE_H
#define ORIENTIR_SCALE_H

#include "store.h"

enum scale_field { SF_MAX, SF_MIN, SF_SCORE4, SF_SCORE5, SF_HIGH, SF_AVG, SF_ROW };

/* 0 when the thresholds climb and stay within the maximum; else -1, *bad
 * the field at fault (SF_ROW: the scale as a whole) and *msg (fresh,
 * translated) why. */
int scale_check(const scale *sc, enum scale_field *bad, char **msg);

#endif
