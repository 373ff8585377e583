/* staff: one row per teacher (more rows for more courses of one teacher). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "import-kind.h"
#include "store.h"
#include "teacher.h"

enum { C_CODE, C_LAST, C_FIRST, C_MIDDLE, C_FULL, C_SUBJECTS, C_DDATE, C_DRESULT, C_YOUNG, C_COURSE, C_HOURS,
       C_CDATE, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_CODE] = { "teacher_code", "код учителя|код педагога|код" },
	[C_LAST] = COL_LAST,
	[C_FIRST] = COL_FIRST,
	[C_MIDDLE] = COL_MIDDLE,
	[C_FULL] = { "full_name", "фио|ф.и.о.|фамилия имя отчество|педагог|учитель" },
	[C_SUBJECTS] = { "subjects", "предметы|предмет|преподаваемые предметы" },
	[C_DDATE] = { "diagnostics_date", "дата диагностики" },
	[C_DRESULT] = { "diagnostics_result", "результат диагностики|дефициты" },
	[C_YOUNG] = { "young_specialist", "молодой специалист" },
	[C_COURSE] = { "course", "курсы пк|курсы|курсы повышения квалификации|тема курсов" },
	[C_HOURS] = { "course_hours", "часов|количество часов|объём курсов" },
	[C_CDATE] = { "course_date", "дата курсов|дата прохождения курсов" },
};

static int columns(import_ctx *c)
{
	if (!csvin_header_name(c->in, C_CODE) && !csvin_header_name(c->in, C_FULL) &&
	    !csvin_header_name(c->in, C_LAST))
		return import_require(c, _("teacher code («Код учителя») or name («ФИО» or «Фамилия»)"),
				      (size_t)C_CODE, (size_t)-1);
	return 0;
}

static int begin(import_ctx *c)
{
	long *last = xcalloc(1, sizeof *last);
	*last = -1;		/* the last generated code's number, read when first needed */
	c->state = last;
	return 0;
}

static void end(import_ctx *c)
{
	free(c->state);
	c->state = NULL;
}

/* A day cell as the teachers' form takes it, into YYYY-MM-DD (NULL when
 * empty): 0, or 1 bad (reported). */
static int date_cell(import_ctx *c, const csvin_row *r, size_t col, char **out)
{
	long ymd;
	char *msg = NULL;
	*out = NULL;
	if (teacher_day(r->field[col], &ymd, &msg) != 0) {
		import_bad(c, r, col, "%s", msg);
		free(msg);
		return 1;
	}
	if (ymd)
		*out = day_iso(ymd);
	return 0;
}

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int row(import_ctx *c, const csvin_row *r)
{
	const char *const *f = r->field;
	char *code = cell_trim(f[C_CODE]), *last, *first, *middle, *ddate = NULL, *cdate = NULL, *err = NULL;
	if (!cell_empty(f[C_FULL])) {
		char *full = cell_trim(f[C_FULL]);
		char *sp = strchr(full, ' ');
		last = sp ? xstrndup(full, (size_t)(sp - full)) : xstrdup(full);
		char *rest = sp ? cell_trim(sp) : xstrdup("");
		char *sp2 = strchr(rest, ' ');
		first = sp2 ? xstrndup(rest, (size_t)(sp2 - rest)) : xstrdup(rest);
		middle = sp2 ? cell_trim(sp2) : xstrdup("");
		free(full), free(rest);
	} else {
		last = cell_trim(f[C_LAST]), first = cell_trim(f[C_FIRST]), middle = cell_trim(f[C_MIDDLE]);
	}
	int bad = 0, young = -1;
	long hours = -1, cday = 0;
	enum course_field cf;
	enum teacher_field tf;
	char *msg = NULL;
	bad |= date_cell(c, r, C_DDATE, &ddate);
	bad |= import_yesno(c, r, C_YOUNG, &young);
	if (teacher_course_check(f[C_COURSE], f[C_HOURS], f[C_CDATE], &hours, &cday, &cf, &msg) != 0) {
		static const size_t col[] = { [COURSE_TOPIC] = C_COURSE, [COURSE_HOURS] = C_HOURS, [COURSE_DATE] = C_CDATE };
		import_bad(c, r, col[cf], "%s", msg);
		free(msg);
		bad = 1;
	} else if (cday) {
		cdate = day_iso(cday);
	}
	int rc = 0;
	teacher old = { 0 };
	char *full = xasprintf("%s %s %s", last, first, middle), *t = cell_trim(full);
	free(full);
	int found = db_teacher_find(c->db, code, t, &old, &err);
	free(t);
	if (found < 0) {
		rc = import_db_failed(c, err);
		goto done;
	}
	/* The teacher the row is about is the one found by its code or name. */
	if (teacher_check(c->db, found ? old.id : 0, last, code, &tf, &msg) != 0) {
		import_bad_row(c, r, "%s", msg);
		free(msg);
		bad = 1;
	}
	if (bad) {
		rc = 1;
		goto done;
	}
	/* Columns the file lacks, and empty cells, leave what is stored. */
	teacher now = found ? old : (teacher){ 0 };
	if (!found)
		now.code = code;
	if (*last)
		now.last_name = last, now.first_name = first, now.middle_name = middle;
	if (!cell_empty(f[C_SUBJECTS]))
		now.subjects = cell_trim(f[C_SUBJECTS]);
	if (young >= 0 && f[C_YOUNG])
		now.young_specialist = young;
	if (ddate)
		now.diagnostics_date = ddate;
	if (!cell_empty(f[C_DRESULT]))
		now.diagnostics_result = cell_trim(f[C_DRESULT]);
	int changed = !found || !same(now.last_name, old.last_name) || !same(now.first_name, old.first_name) ||
		      !same(now.middle_name, old.middle_name) || !same(now.subjects, old.subjects) ||
		      now.young_specialist != old.young_specialist || !same(now.diagnostics_date, old.diagnostics_date) ||
		      !same(now.diagnostics_result, old.diagnostics_result);
	if (changed && teacher_save(c->db, &now, c->state, &err) != 0) {
		rc = import_db_failed(c, err);
	} else if (!cell_empty(f[C_COURSE])) {
		char *topic = cell_trim(f[C_COURSE]);
		int added = db_course_add(c->db, now.id, topic, hours, cdate, &err);
		free(topic);
		if (added < 0)
			rc = import_db_failed(c, err);
		else
			changed |= added;
	}
	if (rc == 0) {
		if (!found)
			c->counts->added++;
		else if (changed)
			c->counts->updated++;
		else
			c->counts->unchanged++;
	}
	if (now.subjects != old.subjects)
		free(now.subjects);
	if (now.diagnostics_result != old.diagnostics_result)
		free(now.diagnostics_result);
done:
	teacher_clear(&old);
	free(code), free(last), free(first), free(middle), free(ddate), free(cdate);
	return rc;
}

const import_ops import_staff_ops = { cols, NCOLS, columns, begin, row, end };
