#include "config.h"

#include "common.h"
#include "scale.h"

int scale_check(const scale *sc, enum scale_field *bad, char **msg)
{
	if (sc->max_score <= 0) {
		*bad = SF_MAX;
		*msg = xasprintf(_("the maximum score must be above zero"));
		return -1;
	}
	const struct { int has; double v; enum scale_field f; } t[] = {
		{ 1, sc->min_score, SF_MIN }, { sc->has_score4, sc->score4, SF_SCORE4 },
		{ sc->has_score5, sc->score5, SF_SCORE5 }, { sc->has_high, sc->high_score, SF_HIGH },
		{ sc->has_avg, sc->avg_score, SF_AVG },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		if (t[i].has && t[i].v > sc->max_score) {
			*bad = t[i].f;
			*msg = xasprintf(_("%g is above the maximum score %g"), t[i].v, sc->max_score);
			return -1;
		}
	}
	if (sc->has_score4 && sc->score4 < sc->min_score) {
		*bad = SF_SCORE4;
		*msg = xasprintf(_("the score for 4 (%g) is below the minimum (%g)"), sc->score4, sc->min_score);
		return -1;
	}
	if (sc->has_score5 && sc->score5 < (sc->has_score4 ? sc->score4 : sc->min_score)) {
		*bad = SF_SCORE5;
		*msg = xasprintf(_("the score for 5 (%g) is below the score for 4 or the minimum"), sc->score5);
		return -1;
	}
	if (sc->has_score4 != sc->has_score5) {
		*bad = SF_ROW;
		*msg = xasprintf(_("give both the score for 4 and the score for 5, or neither"));
		return -1;
	}
	if (sc->has_high && sc->high_score < sc->min_score) {
		*bad = SF_HIGH;
		*msg = xasprintf(_("the high level (%g) is below the minimum (%g)"), sc->high_score, sc->min_score);
		return -1;
	}
	return 0;
}
