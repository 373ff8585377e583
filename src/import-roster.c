/* roster: one row per pupil (contract, "roster"). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "import-kind.h"
#include "pupil.h"
#include "pupilcache.h"
#include "store.h"

enum { C_CLASS, C_CODE, C_LAST, C_FIRST, C_MIDDLE, C_FULL, C_RISK, C_ROUTE, C_EXTRA, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_CLASS] = COL_CLASS,
	[C_CODE] = COL_CODE,
	[C_LAST] = COL_LAST,
	[C_FIRST] = COL_FIRST,
	[C_MIDDLE] = COL_MIDDLE,
	[C_FULL] = COL_FULL,
	[C_RISK] = { "risk_group", "группа риска" },
	[C_ROUTE] = { "individual_route", "иом|индивидуальный маршрут|индивидуальный образовательный маршрут" },
	[C_EXTRA] = { "extra_lessons", "доп. занятия|дополнительные занятия|доп занятия" },
};

struct state {
	bitset seen;
	long last_code;		/* the last generated code's number, -1 until needed */
	pupil_cache *pupils;	/* the classes and the codes known, asked of the store once */
};

static int columns(import_ctx *c)
{
	if (import_require(c, _("class («Класс»)"), (size_t)C_CLASS, (size_t)-1) != 0)
		return -1;
	if (!csvin_header_name(c->in, C_CODE) && !csvin_header_name(c->in, C_FULL) &&
	    !csvin_header_name(c->in, C_LAST))
		return import_require(c, _("pupil code («Код») or name («ФИО» or «Фамилия»)"),
				      (size_t)C_CODE, (size_t)-1);
	return 0;
}

static int begin(import_ctx *c)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->last_code = -1;
	s->pupils = pupil_cache_new(c->db);
	c->state = s;
	return 0;
}

static void end(import_ctx *c)
{
	struct state *s = c->state;
	bitset_free(&s->seen);
	pupil_cache_free(s->pupils);
	free(s);
}

/* Splits «Иванов Иван Иванович» into its parts (the rest goes to the middle name). */
static void split_full(const char *full, char **last, char **first, char **middle)
{
	char *t = cell_trim(full);
	char *p = t;
	char *parts[2] = { NULL, NULL };
	for (int i = 0; i < 2; i++) {
		while (*p == ' ')
			p++;
		char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		parts[i] = xstrndup(p, n);
		p += n;
	}
	while (*p == ' ')
		p++;
	*last = parts[0];
	*first = parts[1];
	*middle = xstrdup(p);
	free(t);
}

static int same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int row(import_ctx *c, const csvin_row *r)
{
	struct state *s = c->state;
	const char *const *f = r->field;
	char *err = NULL;
	int bad = 0, grade;
	char *letter = NULL;
	if (cell_empty(f[C_CLASS])) {
		import_bad(c, r, C_CLASS, _("the class is empty"));
		bad = 1;
	} else if (cell_class(f[C_CLASS], &grade, &letter) != 0) {
		import_bad(c, r, C_CLASS, _("«%s» is not a class (write it like 5А, 5 а or 11-Б)"), cell_shown(f[C_CLASS]));
		bad = 1;
	}
	student in = { 0 };
	in.code = f[C_CODE] ? cell_trim(f[C_CODE]) : xstrdup("");
	if (!cell_empty(f[C_FULL])) {
		split_full(f[C_FULL], &in.last_name, &in.first_name, &in.middle_name);
	} else {
		in.last_name = cell_trim(f[C_LAST]);
		in.first_name = cell_trim(f[C_FIRST]);
		in.middle_name = cell_trim(f[C_MIDDLE]);
	}
	if (!*in.code && !*in.last_name && !*in.first_name) {
		import_bad_row(c, r, _("the pupil has neither a code nor a name"));
		bad = 1;
	}
	int flags[3] = { -1, -1, -1 };
	bad |= import_yesno(c, r, C_RISK, &flags[0]);
	bad |= import_yesno(c, r, C_ROUTE, &flags[1]);
	bad |= import_yesno(c, r, C_EXTRA, &flags[2]);
	if (bad) {
		free(letter);
		student_clear(&in);
		return 1;
	}

	int rc = 0;
	student old = { 0 };
	long class_id, known_id, known_class;
	int class_grade;
	const char *label;
	free(letter);
	if (pupil_cache_class(s->pupils, f[C_CLASS], &class_id, &class_grade, &label, &err) < 0)
		goto failed;
	int found;
	if (*in.code) {
		/* Most rows of a first roster are new pupils: only a code
		 * known already is read whole. */
		found = pupil_cache_code(s->pupils, in.code, &known_id, &known_class, &err);
		if (found == 1)
			found = db_student_by_code(c->db, in.code, &old, &err);
	} else {
		char *key = student_name_key(in.last_name, in.first_name, in.middle_name);
		found = db_student_by_name(c->db, key, class_id, &old, &err);
		free(key);
		if (found == 2) {
			import_bad_row(c, r, _("two pupils of this class have this name; give the pupil's code («Код»)"));
			rc = 1;
			goto done;
		}
	}
	if (found < 0)
		goto failed;
	if (found && bitset_mark(&s->seen, (size_t)old.id)) {
		import_bad_row(c, r, _("pupil %s appears in the file more than once"), cell_shown(old.code));
		rc = 1;
		goto done;
	}
	student now = found ? old : (student){ 0 };
	now.class_id = class_id;
	if (!*in.code && !found) {
		if (!(now.code = pupil_new_code(c->db, &s->last_code, &err)))
			goto failed;
	} else if (!found) {
		now.code = in.code;
	}
	/* A roster of codes only does not erase names typed in earlier. */
	if (*in.last_name || *in.first_name || !found) {
		now.last_name = in.last_name;
		now.first_name = in.first_name;
		now.middle_name = in.middle_name;
	}
	int *dst[3] = { &now.risk_group, &now.individual_route, &now.extra_lessons };
	for (int i = 0; i < 3; i++)
		if (flags[i] >= 0)
			*dst[i] = flags[i];
	if (found && now.class_id == old.class_id && same_text(now.last_name, old.last_name) &&
	    same_text(now.first_name, old.first_name) && same_text(now.middle_name, old.middle_name) &&
	    now.risk_group == old.risk_group && now.individual_route == old.individual_route &&
	    now.extra_lessons == old.extra_lessons) {
		c->counts->unchanged++;
		goto done;
	}
	if (db_student_save(c->db, &now, &err) != 0) {
		if (!*in.code && !found)
			free(now.code);
		goto failed;
	}
	if (!found) {
		bitset_mark(&s->seen, (size_t)now.id);
		pupil_cache_note(s->pupils, now.code, now.id, now.class_id);
	}
	if (!*in.code && !found)
		free(now.code);
	if (found)
		c->counts->updated++;
	else
		c->counts->added++;
	goto done;
failed:
	rc = import_db_failed(c, err);
done:
	student_clear(&old);
	student_clear(&in);
	return rc;
}

const import_ops import_roster_ops = { cols, NCOLS, columns, begin, row, end };
