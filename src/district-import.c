/* Taking in a school's report package: checked whole before anything is
 * kept, the newest version per school and half-year winning, results kept
 * per school and year from the newest package carrying that year, and a
 * receipt left beside the package for the school to see. */
#include "config.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "db-district.h"
#include "db.h"
#include "district.h"
#include "keyval.h"
#include "package-write.h"
#include "package.h"
#include "receipt.h"
#include "roadmap.h"
#include "store.h"
#include "strmap.h"

static const char *const required_files[] = { "manifest.txt", "indicators.csv", "roadmap.csv", "results.csv",
					      "staff.csv", "events.csv" };

static int is_package(const char *dir)
{
	char *m = xasprintf("%s/manifest.txt", dir);
	struct stat st;
	int yes = stat(m, &st) == 0 && S_ISREG(st.st_mode);
	free(m);
	return yes;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int district_find_packages(const char *path, char ***dirs, size_t *n, char **err)
{
	*dirs = NULL;
	*n = 0;
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("%s: not a folder"), path);
		return -1;
	}
	if (is_package(path)) {
		*dirs = xmalloc(sizeof **dirs);
		(*dirs)[(*n)++] = xstrdup(path);
		return 0;
	}
	DIR *d = opendir(path);
	if (!d) {
		*err = xasprintf(_("%s: cannot read the folder"), path);
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')	/* hidden: a package being written, or ours */
			continue;
		char *sub = xasprintf("%s/%s", path, e->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode) && is_package(sub)) {
			*dirs = xrealloc(*dirs, (*n + 1) * sizeof **dirs);
			(*dirs)[(*n)++] = sub;
		} else {
			free(sub);
		}
	}
	closedir(d);
	if (*n > 1)	/* with none, *dirs is NULL, which qsort may not be given */
		qsort(*dirs, *n, sizeof **dirs, by_name);
	return 0;
}

void district_dirs_free(char **dirs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

const char *pkg_outcome_title(enum pkg_outcome o)
{
	switch (o) {
	case PKG_NEW: return _("accepted");
	case PKG_REPLACED: return _("accepted, replaces the earlier version");
	case PKG_UNCHANGED: return _("unchanged: this very package was received before");
	case PKG_OLDER: return _("older than the one we have, ignored");
	default: return _("refused");
	}
}

const char *pkg_outcome_code(enum pkg_outcome o)
{
	static const char *const codes[] = { "accepted", "replaced", "unchanged", "older", "refused" };
	return codes[o];
}

static void note(pkg_import *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(pkg_import *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	r->notes = xrealloc(r->notes, (r->nnotes + 1) * sizeof *r->notes);
	r->notes[r->nnotes++] = s;
}

/* Sets the reason a package is refused (the first one found wins). */
static int refuse(pkg_import *r, char *reason)
{
	if (!r->reason)
		r->reason = reason;
	else
		free(reason);
	r->outcome = PKG_REFUSED;
	return -1;
}

/* --- reading the package's tables --- */

struct reader {
	sqlite3 *db;
	pkg_import *r;
	const char *dir, *file;
	int store;		/* write what is read (a new or newer package) */
	long package_id;
	const char *created_at;
	/* results: the years met so far and whether this package's rows of each are taken */
	int years[8], take[8], nyears;
	long rows;
};

typedef int (*row_fn)(struct reader *rd, const csvin_row *row);

/* Reads dir/file with cols, every one of need[] required, handing each row
 * to fn. 0, or -1 with the package refused (the file and line named). */
static int read_table(struct reader *rd, const char *file, const csvin_col *cols, size_t ncols, const int *need,
		      row_fn fn)
{
	char *path = xasprintf("%s/%s", rd->dir, file), *err = NULL, *unknown = NULL;
	rd->file = file;
	csvin *in = csvin_open(path, &err);
	int rc = -1;
	if (!in)
		goto out;
	if (csvin_header(in, cols, ncols, &err, &unknown) != 0)
		goto out;
	for (size_t i = 0; i < ncols; i++)
		if (need[i] && !csvin_header_name(in, i)) {
			err = xasprintf(_("%s:%ld: no column «%s»"), path, csvin_header_line(in),
					strchr(cols[i].aliases, '|') ? strchr(cols[i].aliases, '|') + 1 : cols[i].aliases);
			goto out;
		}
	csvin_row *row;
	int got;
	while ((got = csvin_next(in, &row, &err)) == 1)
		if (fn(rd, row) != 0)
			goto out;
	if (got == 0)
		rc = 0;
out:
	if (err)
		refuse(rd->r, err);
	free(unknown);
	free(path);
	csvin_close(in);
	return rc;
}

/* A bad row: the package is refused, naming the file and line. */
static int bad_row(struct reader *rd, const csvin_row *row, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad_row(struct reader *rd, const csvin_row *row, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	refuse(rd->r, xasprintf("%s/%s:%ld: %s", rd->dir, rd->file, row->line, msg));
	free(msg);
	return -1;
}

static int db_failed(struct reader *rd, char *err)
{
	refuse(rd->r, err);
	return -1;
}

/* An optional number cell: 1 there, 0 empty, -1 not a number. */
static int opt_number(const char *s, double *v)
{
	if (cell_empty(s))
		return 0;
	return cell_number(s, v) == 0 ? 1 : -1;
}

static int opt_int(const char *s, long *v)
{
	if (cell_empty(s))
		return 0;
	return cell_int(s, v) == 0 ? 1 : -1;
}

enum { I_CODE, I_PROC, I_SUBJ, I_GRADE, I_YEAR, I_NUM, I_DEN, I_PCT, I_N };
static const csvin_col ind_cols[] = {
	{ "indicator", "indicator|Код показателя" }, { "procedure", "procedure|Процедура" },
	{ "subject", "subject|Предмет" }, { "grade", "grade|Параллель" }, { "year", "year|Год" },
	{ "numerator", "numerator|Числитель" }, { "denominator", "denominator|Знаменатель" },
	{ "percent", "percent|Процент" },
};
static const int ind_need[] = { 1, 1, 1, 1, 1, 1, 1, 1 };

static int indicator_row(struct reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	long grade = 0, year, num = 0, den = 0;
	double pct = 0;
	int hn, hd, hp;
	if (cell_empty(f[I_CODE]))
		return bad_row(rd, row, _("no indicator code"));
	if ((!cell_empty(f[I_GRADE]) && (cell_int(f[I_GRADE], &grade) != 0 || grade < 1 || grade > 11)) ||
	    cell_int(f[I_YEAR], &year) != 0 || (hn = opt_int(f[I_NUM], &num)) < 0 ||
	    (hd = opt_int(f[I_DEN], &den)) < 0 || (hp = opt_number(f[I_PCT], &pct)) < 0)
		return bad_row(rd, row, _("the grade, year, numerator, denominator or percent is not a number"));
	if (!rd->store)
		return 0;
	d_indicator v = { f[I_CODE], f[I_PROC], f[I_SUBJ], (int)grade, (int)year, hn, hd, hp, num, den, pct };
	char *err = NULL;
	return db_d_indicator_add(rd->db, rd->package_id, &v, &err) == 0 ? 0 : db_failed(rd, err);
}

enum { A_SECTION, A_NUMBER, A_TITLE, A_DEADLINE, A_STATUS, A_DONE, A_OVERDUE, A_N };
static const csvin_col act_cols[] = {
	{ "section", "section|Раздел" }, { "number", "number|№" }, { "title", "title|Мероприятие" },
	{ "deadline_text", "deadline_text|Сроки" }, { "status", "status|Код состояния" },
	{ "done_date", "done_date|Дата выполнения" }, { "overdue", "overdue|Просрочено" },
};
static const int act_need[] = { 0, 1, 1, 0, 1, 0, 0 };

static int activity_row(struct reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	int y, m, d, over = 0;
	if (!activity_status_valid(f[A_STATUS]))
		return bad_row(rd, row, _("«%s» is not a status of an activity"), f[A_STATUS]);
	if (!cell_empty(f[A_DONE]) && cell_date(f[A_DONE], &y, &m, &d) != 0)
		return bad_row(rd, row, _("«%s» is not a date"), f[A_DONE]);
	if (f[A_OVERDUE] && cell_yesno(f[A_OVERDUE], &over) != 0)
		return bad_row(rd, row, _("«%s» is not yes or no"), f[A_OVERDUE]);
	if (!rd->store)
		return 0;
	char *done = cell_empty(f[A_DONE]) ? xstrdup("") : xasprintf("%04d-%02d-%02d", y, m, d);
	d_activity a = { f[A_SECTION], f[A_NUMBER], f[A_TITLE], f[A_DEADLINE], f[A_STATUS], done, over };
	char *err = NULL;
	int rc = db_d_activity_add(rd->db, rd->package_id, (int)row->line, &a, &err);
	free(done);
	return rc == 0 ? 0 : db_failed(rd, err);
}

enum { R_PROC, R_SUBJ, R_GRADE, R_YEAR, R_CLASS, R_CODE, R_SCORE, R_MARK, R_JOURNAL, R_ABSENT, R_MAX, R_MIN,
       R_HIGH, R_N };
static const csvin_col res_cols[] = {
	{ "procedure", "procedure|Процедура" }, { "subject", "subject|Предмет" }, { "grade", "grade|Параллель" },
	{ "year", "year|Год" }, { "class", "class|Класс" }, { "student_code", "student_code|Код" },
	{ "score", "score|Балл" }, { "mark", "mark|Отметка" }, { "journal_mark", "journal_mark|Отметка по журналу" },
	{ "absent", "absent|Отсутствовал" }, { "max_score", "max_score|Макс. балл" },
	{ "min_score", "min_score|Мин. балл" }, { "high_score", "high_score|Высокий уровень" },
};
static const int res_need[] = { 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0 };

/* Whether this package's results of year are taken: they are when no
 * package made later gave that year's results already. */
static int take_year(struct reader *rd, int year, int *take)
{
	for (int i = 0; i < rd->nyears; i++)
		if (rd->years[i] == year) {
			*take = rd->take[i];
			return 0;
		}
	if (rd->nyears == (int)(sizeof rd->years / sizeof *rd->years))
		return refuse(rd->r, xasprintf(_("%s/%s: results of more than %d years; a package holds two"), rd->dir,
					       rd->file, rd->nyears));
	char *held = NULL, *err = NULL;
	int rc = db_d_result_source_get(rd->db, rd->r->school_code, year, &held, &err);
	if (rc < 0)
		return db_failed(rd, err);
	*take = rc == 0 || strcmp(held, rd->created_at) < 0;
	if (*take && db_d_result_source_put(rd->db, rd->r->school_code, year, rd->r->period, rd->created_at, &err) != 0) {
		free(held);
		return db_failed(rd, err);
	}
	if (!*take) {
		char *when = district_time_text(held);
		note(rd->r, _("results of %d: kept from a package made later (%s)"), year, when);
		free(when);
	}
	free(held);
	rd->years[rd->nyears] = year;
	rd->take[rd->nyears++] = *take;
	return 0;
}

static int result_row(struct reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	d_result v = { .school_code = rd->r->school_code, .procedure = f[R_PROC], .subject = f[R_SUBJ],
		       .student = f[R_CODE], .class_label = f[R_CLASS] ? f[R_CLASS] : "" };
	long grade, year, mark = 0, journal = 0;
	if (cell_empty(f[R_PROC]) || cell_empty(f[R_SUBJ]) || cell_empty(f[R_CODE]))
		return bad_row(rd, row, _("the procedure, subject or pupil's code is empty"));
	if (cell_int(f[R_GRADE], &grade) != 0 || grade < 1 || grade > 11)
		return bad_row(rd, row, _("«%s» is not a grade from 1 to 11"), f[R_GRADE]);
	if (cell_int(f[R_YEAR], &year) != 0 || year < 2000 || year > 2100)
		return bad_row(rd, row, _("«%s» is not a year"), f[R_YEAR]);
	if (cell_yesno(f[R_ABSENT], &v.absent) != 0)
		return bad_row(rd, row, _("«%s» is not yes or no"), f[R_ABSENT]);
	if ((v.has_score = opt_number(f[R_SCORE], &v.score)) < 0 || (v.has_max = opt_number(f[R_MAX], &v.max_score)) < 0 ||
	    (v.has_min = opt_number(f[R_MIN], &v.min_score)) < 0 ||
	    (v.has_high = opt_number(f[R_HIGH], &v.high_score)) < 0)
		return bad_row(rd, row, _("a score is not a number"));
	if ((v.has_mark = opt_int(f[R_MARK], &mark)) < 0 || (v.has_journal = opt_int(f[R_JOURNAL], &journal)) < 0 ||
	    mark < 0 || mark > 5 || journal < 0 || journal > 5)
		return bad_row(rd, row, _("a mark is not one from 1 to 5"));
	if (!v.absent && (!v.has_score || !v.has_min))
		return bad_row(rd, row, _("a pupil who was present has no score or the scale no minimum"));
	v.grade = (int)grade;
	v.year = (int)year;
	v.mark = (int)mark;
	v.journal_mark = (int)journal;
	if (!rd->store)
		return 0;
	int take;
	if (take_year(rd, v.year, &take) != 0)
		return -1;
	if (!take)
		return 0;
	char *err = NULL;
	if (db_d_result_add(rd->db, &v, &err) != 0) {
		if (sqlite3_extended_errcode(rd->db) == SQLITE_CONSTRAINT_PRIMARYKEY) {
			free(err);
			return bad_row(rd, row, _("a second result of pupil %s in %s, %s, grade %ld, %ld"), v.student,
				       v.procedure, v.subject, grade, year);
		}
		return db_failed(rd, err);
	}
	rd->rows++;
	return 0;
}

/* staff.csv and events.csv are checked to be readable tables; the
 * district's own figures from them come through indicators.csv. */
static int any_row(struct reader *rd, const csvin_row *row)
{
	(void)rd, (void)row;
	return 0;
}

static const csvin_col staff_cols[] = { { "teacher_code", "teacher_code|Код учителя" } };
static const csvin_col event_cols[] = { { "date", "date|Дата" } };
static const int one_need[] = { 1 };

static int read_tables(struct reader *rd)
{
	return read_table(rd, "indicators.csv", ind_cols, I_N, ind_need, indicator_row) != 0 ||
	       read_table(rd, "roadmap.csv", act_cols, A_N, act_need, activity_row) != 0 ||
	       read_table(rd, "results.csv", res_cols, R_N, res_need, result_row) != 0 ||
	       read_table(rd, "staff.csv", staff_cols, 1, one_need, any_row) != 0 ||
	       read_table(rd, "events.csv", event_cols, 1, one_need, any_row) != 0 ? -1 : 0;
}

/* --- the manifest --- */

/* "2026-06-18T10:22:03": the form created_at and received_at take. */
static int is_timestamp(const char *s)
{
	int y, mo, d, h, mi, se, n = 0;
	return s && sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) == 6 && n == 19 &&
	       s[19] == '\0' && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && se < 61;
}

/* Reads the package's manifest into p and r (as much as there is, so that
 * even a refused package's receipt names it), then checks its checksums
 * and that every file is there and the manifest is one we read. */
static int read_manifest(const char *dir, pkg_import *r, d_package *p, char *digest)
{
	char *err = NULL, *m = package_read_file(dir, "manifest.txt", NULL);
	char *format = m ? keyval_get(m, "format") : NULL;
	char **f[] = { &p->school_code, &p->school_name, &p->district, &p->period, &p->created_at, &p->app_version };
	const char *keys[] = { "school_code", "school_name", "district", "period", "created_at", "app_version" };
	for (int i = 0; i < 6; i++)
		if (!m || !(*f[i] = keyval_get(m, keys[i])))
			*f[i] = xstrdup("");
	free(m);
	r->school_code = xstrdup(p->school_code);
	r->school_name = xstrdup(p->school_name);
	r->period = xstrdup(p->period);
	r->created_at = xstrdup(p->created_at);
	int rc = 0, year, half;
	/* Taken before the check, so that even a refusal's receipt names the
	 * version it is about, and the school can tell it from a later one. */
	int have_sums = package_digest(dir, digest) == 0;
	if (package_verify(dir, &err) != 0 || !have_sums) {
		rc = refuse(r, err ? err : xasprintf(_("%s: no SHA256SUMS: the package is incomplete"), dir));
		goto out;
	}
	char *sums = package_read_file(dir, "SHA256SUMS", NULL);
	for (size_t i = 0; i < sizeof required_files / sizeof *required_files && rc == 0; i++) {
		char *listed = xasprintf("  %s\n", required_files[i]);
		if (!sums || !strstr(sums, listed))
			rc = refuse(r, xasprintf(_("%s: %s is missing from the package"), dir, required_files[i]));
		free(listed);
	}
	free(sums);
	if (rc != 0)
		goto out;
	if (!format || strcmp(format, PACKAGE_FORMAT) != 0)
		rc = refuse(r, xasprintf(_("%s/manifest.txt: the format «%s» is not one this orientir reads (%s);"
					   " a newer orientir may read it"), dir, format ? format : "", PACKAGE_FORMAT));
	else if (!*p->school_code || !*p->school_name)
		rc = refuse(r, xasprintf(_("%s/manifest.txt: no school code or name"), dir));
	else if (period_parse(p->period, &year, &half) != 0)
		rc = refuse(r, xasprintf(_("%s/manifest.txt: «%s» is not a half-year"), dir, p->period));
	else if (!is_timestamp(p->created_at))
		rc = refuse(r, xasprintf(_("%s/manifest.txt: «%s» is not the time the package was made"), dir,
					 p->created_at));
out:
	free(format);
	return rc;
}

/* --- what changed --- */

static void keep_old(void *ctx, const char *key, double percent)
{
	strmap_put(ctx, key, (long long)(percent * 10 + (percent < 0 ? -0.5 : 0.5)));
}

struct moved {
	pkg_import *r;
	strmap *old;
	int shown, more;
};

static void compare_new(void *ctx, const char *key, double percent)
{
	struct moved *m = ctx;
	long long was, now = (long long)(percent * 10 + (percent < 0 ? -0.5 : 0.5));
	if (!strmap_get(m->old, key, &was) || was == now)
		return;
	if (m->shown++ >= 8) {
		m->more++;
		return;
	}
	/* key: code|procedure|subject|year */
	char *k = xstrdup(key), *proc = strchr(k, '|'), *subj = proc ? strchr(proc + 1, '|') : NULL;
	char *year = subj ? strchr(subj + 1, '|') : NULL;
	if (year) {
		*proc++ = *subj++ = *year++ = '\0';
		char *a = cell_number_text((double)was / 10), *b = cell_number_text((double)now / 10);
		note(m->r, _("%s %s %s %s: %s %% → %s %%"), k, proc, subj, year, a, b);
		free(a), free(b);
	}
	free(k);
}

/* --- one package --- */

static void write_receipt(sqlite3 *db, const char *digest, const char *received_at, pkg_import *r)
{
	school office = { 0 };
	char *err = NULL;
	if (db_school_get(db, &office, &err) != 1)
		office.name = xstrdup("");
	free(err);
	err = NULL;
	/* A refused package's receipt gives the reason alone: notes made before
	 * the refusal describe a change that did not happen. */
	int n = r->reason ? 1 : (int)r->nnotes;
	char **remarks = r->reason ? &r->reason : r->notes;
	receipt rc = { r->school_code ? r->school_code : "", r->period ? r->period : "",
		       r->created_at ? r->created_at : "", (char *)digest, (char *)received_at,
		       office.name, (char *)pkg_outcome_code(r->outcome), remarks, n };
	if (receipt_write(r->dir, &rc, &err) != 0)
		r->receipt_error = err;
	school_clear(&office);
}

/* Stores a new or newer package: the school, the package, its tables. */
static int store_package(sqlite3 *db, const char *dir, d_package *p, const d_package *held, pkg_import *r)
{
	char *err = NULL;
	d_school s = { 0 };
	int known = db_d_school_get(db, p->school_code, &s, &err);
	if (known < 0)
		return refuse(r, err);
	if (!known && db_d_school_put(db, p->school_code, p->school_name, 0, &err) != 0)
		return refuse(r, err);
	if (known && strcmp(s.name, p->school_name) != 0) {
		if (db_d_school_set_other_name(db, p->school_code, p->school_name, &err) != 0) {
			d_school_clear(&s);
			return refuse(r, err);
		}
		note(r, _("the package names the school «%s», the district knows code %s as «%s»: confirm which is"
			  " right"), p->school_name, p->school_code, s.name);
	} else if (known && *s.other_name && db_d_school_set_other_name(db, p->school_code, NULL, &err) != 0) {
		d_school_clear(&s);
		return refuse(r, err);
	}
	d_school_clear(&s);
	long old_id = held ? held->id : 0;
	/* The old version's indicators are read before it goes. */
	strmap *old = strmap_new();
	if (old_id && db_d_indicator_each(db, old_id, keep_old, old, &err) != 0) {
		strmap_free(old);
		return refuse(r, err);
	}
	if (db_d_package_put(db, p, &err) != 0) {
		strmap_free(old);
		return refuse(r, err);
	}
	struct reader rd = { db, r, dir, NULL, 1, p->id, p->created_at, { 0 }, { 0 }, 0, 0 };
	int rc = read_tables(&rd);
	if (rc == 0 && old_id) {
		struct moved m = { r, old, 0, 0 };
		if (db_d_indicator_each(db, p->id, compare_new, &m, &err) != 0)
			rc = refuse(r, err);
		else if (m.shown == 0)
			note(r, _("no indicator moved"));
		else if (m.more)
			note(r, ngettext("and %d more indicator moved", "and %d more indicators moved",
					 (unsigned long)m.more), m.more);
	}
	strmap_free(old);
	r->results = rd.rows;
	return rc;
}

int district_import_package(sqlite3 *db, const char *dir, const char *received_at, pkg_import *r)
{
	*r = (pkg_import){ .dir = xstrdup(dir), .outcome = PKG_REFUSED };
	d_package p = { 0 }, held = { 0 };
	char digest[65] = "", *err = NULL;
	int rc = 0, have = 0;
	if (read_manifest(dir, r, &p, digest) != 0)
		goto receipt;
	if (db_begin(db, &err) != 0) {
		rc = -1;
		refuse(r, err);
		goto out;
	}
	have = db_d_package_get(db, p.school_code, p.period, &held, &err);
	if (have < 0) {
		rc = -1;
		refuse(r, err);
		db_rollback(db);
		goto out;
	}
	p.digest = xstrdup(digest);
	p.received_at = xstrdup(received_at);
	p.first_received_at = xstrdup(have ? held.first_received_at : received_at);
	p.source = xstrdup(dir);
	if (have && strcmp(held.digest, digest) == 0) {
		r->outcome = PKG_UNCHANGED;
		char *when = district_time_text(held.received_at);
		note(r, _("first received %s"), when);
		free(when);
	} else if (have && strcmp(p.created_at, held.created_at) <= 0) {
		r->outcome = PKG_OLDER;
		char *when = district_time_text(held.created_at);
		note(r, _("the district has the version made %s"), when);
		free(when);
	} else {
		r->outcome = have ? PKG_REPLACED : PKG_NEW;
		if (store_package(db, dir, &p, have ? &held : NULL, r) != 0) {
			db_rollback(db);
			goto receipt;
		}
	}
	if (r->outcome == PKG_UNCHANGED || r->outcome == PKG_OLDER) {
		/* Not kept, but still read through: a damaged copy is told. */
		struct reader rd = { db, r, dir, NULL, 0, 0, p.created_at, { 0 }, { 0 }, 0, 0 };
		if (read_tables(&rd) != 0) {
			db_rollback(db);
			goto receipt;
		}
	}
	if (db_commit(db, &err) != 0) {
		rc = -1;
		refuse(r, err);
		goto out;
	}
receipt:
	write_receipt(db, digest, received_at, r);
out:
	d_package_clear(&p);
	if (have > 0)
		d_package_clear(&held);
	return rc;
}

void pkg_import_clear(pkg_import *r)
{
	free(r->dir), free(r->school_code), free(r->school_name), free(r->period), free(r->created_at);
	free(r->reason), free(r->receipt_error);
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	*r = (pkg_import){ 0 };
}
