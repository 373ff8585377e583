/* The district's consolidated report (see district-report.h): gathered
 * in one read of the database, and its tables for the region as CSV. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "district-report-html.h"
#include "district-report.h"
#include "indicators.h"
#include "keys.h"
#include "region-report.h"
#include "keyval.h"
#include "package-read.h"
#include "roadmap.h"

/* Adds a file kept with a package to the one being carried. */
static void add_carried_file(void *ctx, const char *name, const void *data, size_t len)
{
	pkg_embed *e = ctx;
	pkg_files_add(&e->files, &e->n, name, data, len);
}

static void embed_free(pkg_embed *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->files[i].name), free(e->files[i].data);
	free(e->files);
	free(e->dirname);
}

/* The schools' packages the export carries, read with their files; those
 * taken in before the files were kept, named apart. */
static int carry(sdb *db, district_report *out, char **err)
{
	d_package *v;
	size_t n;
	if (db_d_package_carried(db, out->period, out->year, &v, &n, err) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *code = package_safe_name(v[i].school_code, err);
		pkg_embed e = { code ? xasprintf("orientir-%s-%s", code, v[i].period) : NULL, NULL, 0 };
		free(code);
		long got = e.dirname ? db_d_package_files(db, v[i].id, add_carried_file, &e, err) : -1;
		if (got < 0) {
			rc = -1;
		} else if (got == 0) {
			out->uncarried = xrealloc(out->uncarried, (out->nuncarried + 1) * sizeof *out->uncarried);
			out->uncarried[out->nuncarried++] = v[i];
			v[i] = (d_package){ 0 };
		} else {
			out->carried = xrealloc(out->carried, (out->ncarried + 1) * sizeof *out->carried);
			out->carried[out->ncarried++] = e;
			continue;
		}
		embed_free(&e);
	}
	for (size_t i = 0; i < n; i++)
		d_package_clear(&v[i]);
	free(v);
	return rc;
}

int district_report_build(sdb *db, const char *period, district_report *out, char **err)
{
	*out = (district_report){ .index = strmap_new() };
	if (half_parse(period, &out->year, &out->half) != 0) {
		*err = xasprintf(_("'%s' is not a half-year (write 2026-H1 or 2026-H2)"), period);
		district_report_free(out);
		return -1;
	}
	out->period = xstrdup(period);
	long deadline;
	period_days(out->year, out->half, &out->from, &out->to, &deadline);
	out->today = day_today();
	char *now = day_now_iso();
	snprintf(out->created_at, sizeof out->created_at, "%s", now);
	free(now);
	if (keys_own(db, &out->key, &out->key_news, err) < 0) {
		district_report_free(out);
		return -1;
	}
	/* One read transaction: an import running beside us cannot make the
	 * tables of the report disagree with each other. */
	if (sdb_exec(db, "BEGIN", err) != 0) {
		district_report_free(out);
		return -1;
	}
	int got = db_school_get(db, &out->office, err);
	int rc = got == 1 && district_status(db, period, &out->status, err) == 0 &&
			 district_indicators(db, out->year, &out->ind, err) == 0 &&
			 district_risk(db, out->year, &out->risk, err) == 0 &&
			 db_d_progress(db, period, &out->progress, &out->nprogress, err) == 0 &&
			 district_tasks(db, out->year, &out->tasks, err) == 0 &&
			 district_signs(db, out->year, &out->signs, &out->nsigns, err) == 0
		 ? 0 : -1;
	/* a region keeps no package's files: its report carries none */
	if (rc == 0 && strcmp(out->office.role, "district") == 0)
		rc = carry(db, out, err);
	sdb_rollback(db);
	if (got == 0 && !*err)
		*err = xasprintf(_("the database has no district office yet"));
	if (rc != 0) {
		district_report_free(out);
		return -1;
	}
	for (size_t i = 0; i < out->status.n; i++)
		strmap_put(out->index, out->status.v[i].code, (long long)i + 1);
	return 0;
}

void district_report_free(district_report *r)
{
	school_clear(&r->office);
	free(r->period);
	status_report_free(&r->status);
	dist_ind_set_free(&r->ind);
	risk_report_free(&r->risk);
	d_progress_free(r->progress, r->nprogress);
	dtask_report_free(&r->tasks);
	district_signs_free(r->signs, r->nsigns);
	for (size_t i = 0; i < r->ncarried; i++)
		embed_free(&r->carried[i]);
	free(r->carried);
	for (size_t i = 0; i < r->nuncarried; i++)
		d_package_clear(&r->uncarried[i]);
	free(r->uncarried);
	if (r->index)
		strmap_free(r->index);
	free(r->key_news);
	*r = (district_report){ 0 };
}

const char *district_report_name(const district_report *r, const char *code)
{
	long long at;
	return strmap_get(r->index, code, &at) ? r->status.v[at - 1].name : code;
}

const d_progress *district_report_progress(const district_report *r, const char *code)
{
	for (size_t i = 0; i < r->nprogress; i++)
		if (strcmp(r->progress[i].school_code, code) == 0)
			return &r->progress[i];
	return NULL;
}

/* --- the CSV tables: Russian headers, as the schools' packages have --- */

/* A file being written into memory. */
struct out {
	FILE *fp;
	char *data;
	size_t len;
};

static int open_out(struct out *o, const csv_style *st)
{
	*o = (struct out){ 0 };
	o->fp = open_memstream(&o->data, &o->len);
	if (o->fp && st && st->bom)
		fputs("\xEF\xBB\xBF", o->fp);
	return o->fp ? 0 : -1;
}

static void add_file(package *p, const char *name, struct out *o)
{
	fclose(o->fp);
	p->files = xrealloc(p->files, (p->n + 1) * sizeof *p->files);
	p->files[p->n++] = (pkg_file){ xstrdup(name), o->data, o->len };
	p->bytes += (long long)o->len;
}

static const char *yes_no(int v)
{
	return v ? "да" : "нет";
}

/* num of den as the style writes a share, "" when den is 0. */
static char *share(const csv_style *st, long num, long den)
{
	return den > 0 ? csvout_tenths(st, indicator_tenths(num, den)) : xstrdup("");
}

static char *count(long v)
{
	return xasprintf("%ld", v);
}

/* A percent with one decimal, as the style writes it; "" below zero. */
static char *percent(const csv_style *st, double v, int always)
{
	if (v < 0 && !always)
		return xstrdup("");
	int t = (int)(v * 10 + (v < 0 ? -0.5 : 0.5));
	return csvout_tenths(st, t);
}

static void write_status(FILE *fp, const csv_style *st, const district_report *r)
{
	/* the region's: each school's district last */
	const char *head[] = { "Код ОО", "Наименование ОО", "Полугодие", "Отчёт получен", "Дата получения",
			       "Дата составления отчёта", "В срок", "Район" };
	size_t n = r->region ? 8 : 7;
	csvout_row(fp, st, head, n);
	for (size_t i = 0; i < r->status.n; i++) {
		const status_row *s = &r->status.v[i];
		char *got = s->received ? xstrndup(s->first_received_at, 10) : xstrdup("");
		char *made = s->received ? xstrndup(s->created_at, 10) : xstrdup("");
		char *got_d = csvout_date(st, got), *made_d = csvout_date(st, made);
		const char *row[] = { s->code, s->name, r->period, yes_no(s->received), got_d, made_d,
				      s->received ? yes_no(s->on_time) : "", s->district };
		csvout_row(fp, st, row, n);
		free(got), free(made), free(got_d), free(made_d);
	}
}

int district_report_change(const dist_ind *v, int *tenths)
{
	if (v->participants[0] <= 0 || v->participants[1] <= 0)
		return 0;
	*tenths = indicator_tenths(v->below[1], v->participants[1]) - indicator_tenths(v->below[0], v->participants[0]);
	return 1;
}

void district_report_numbers(const dist_ind *v, const csv_style *st, char *out[DISTRICT_REPORT_NUMBERS])
{
	int d;
	char *n[DISTRICT_REPORT_NUMBERS] = {
		count(v->participants[1]), count(v->below[1]), share(st, v->below[1], v->participants[1]),
		count(v->high[1]), share(st, v->high[1], v->high_known[1]), count(v->compared[1]),
		count(v->lowered[1]), count(v->confirmed[1]), count(v->raised[1]), count(v->participants[0]),
		count(v->below[0]), share(st, v->below[0], v->participants[0]), count(v->high[0]),
		share(st, v->high[0], v->high_known[0]),
		district_report_change(v, &d) ? csvout_tenths(st, d) : xstrdup(""),
	};
	memcpy(out, n, sizeof n);
}

static void write_indicators(FILE *fp, const csv_style *st, const district_report *r)
{
	const char *head[] = { "Код ОО", "Наименование ОО", "Процедура", "Предмет", "Год", "Участников",
			       "Ниже минимума", "Ниже минимума, %", "Высокий уровень", "Высокий уровень, %",
			       "Сравнено с журналом", "Понизили", "Подтвердили", "Повысили",
			       "Участников (прошлый год)", "Ниже минимума (прошлый год)",
			       "Ниже минимума, % (прошлый год)", "Высокий уровень (прошлый год)",
			       "Высокий уровень, % (прошлый год)", "Изменение доли ниже минимума, п.п." };
	enum { N = sizeof head / sizeof *head };
	csvout_row(fp, st, head, N);
	char *year = xasprintf("%d", r->year);
	for (size_t i = 0; i < r->ind.n; i++) {
		const dist_ind *v = &r->ind.v[i];
		char *num[DISTRICT_REPORT_NUMBERS];
		district_report_numbers(v, st, num);
		const char *row[N] = { v->school_code,
				       *v->school_code ? district_report_name(r, v->school_code)
						       : region_report_all(r),
				       v->procedure, v->subject, year };
		for (size_t k = 0; k < DISTRICT_REPORT_NUMBERS; k++)
			row[5 + k] = num[k];
		csvout_row(fp, st, row, N);
		for (size_t k = 0; k < DISTRICT_REPORT_NUMBERS; k++)
			free(num[k]);
	}
	free(year);
}

static void write_risk(FILE *fp, const csv_style *st, const district_report *r)
{
	const char *head[] = { "Код ОО", "Наименование ОО", "Год", "Низкие результаты", "Основание",
			       "Процедуры с низкими результатами", "Наибольшая доля ниже минимума, %", "Процедура",
			       "Предмет", "Расстояние до порога, п.п.", "Порог, %", "Район" };
	size_t n = r->region ? 12 : 11;
	csvout_row(fp, st, head, n);
	char *year = xasprintf("%d", r->year), *line = percent(st, r->risk.threshold, 1);
	for (size_t i = 0; i < r->risk.n; i++) {
		const risk_row *s = &r->risk.v[i];
		char *why = district_risk_reason(s, r->year, 0);
		char *low = xstrdup(s->low_procedures);
		for (char *c = low; *c; c++)
			if (*c == ';')
				*c = ',';
		char *worst = percent(st, s->worst, 0);
		char *dist = s->worst >= 0 ? percent(st, s->worst - r->risk.threshold, 1) : xstrdup("");
		const char *row[] = { s->code, s->name, year, yes_no(s->flagged), why, low, worst,
				      s->worst_procedure, s->worst_subject, dist, line, s->district };
		csvout_row(fp, st, row, n);
		free(why), free(low), free(worst), free(dist);
	}
	free(year), free(line);
}

static void write_roadmap(FILE *fp, const csv_style *st, const district_report *r)
{
	const char *head[] = { "Код ОО", "Наименование ОО", "Отчёт получен", "Мероприятий", "Выполнено",
			       "Выполнено, %", "Просрочено", "Отменено" };
	csvout_row(fp, st, head, 8);
	for (size_t i = 0; i < r->status.n; i++) {
		const status_row *s = &r->status.v[i];
		const d_progress *p = district_report_progress(r, s->code);
		long total = p ? p->activities - p->cancelled : 0;
		char *n[5] = { NULL };
		if (p) {
			n[0] = count(total), n[1] = count(p->done), n[2] = share(st, p->done, total);
			n[3] = count(p->overdue), n[4] = count(p->cancelled);
		}
		const char *row[] = { s->code, s->name, yes_no(s->received), n[0], n[1], n[2], n[3], n[4] };
		csvout_row(fp, st, row, 8);
		for (int k = 0; k < 5; k++)
			free(n[k]);
	}
}

/* The part of the export the region reads: manifest.txt, schools.txt
 * and the packages carried. */
static void add_machine_part(const district_report *r, package *out)
{
	struct out o;
	char *count = xasprintf("%zu", r->ncarried);
	const char *keys[] = { "format", "district_code", "district_name", "district", "period", "created_at",
			       "app_version", "schools" };
	const char *values[] = { DISTRICT_EXPORT_FORMAT, r->office.code, r->office.name,
				 *r->office.district ? r->office.district : r->office.name, r->period, r->created_at,
				 PACKAGE_VERSION, count };
	open_out(&o, NULL);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		keyval_put(o.fp, keys[i], values[i]);
	add_file(out, "manifest.txt", &o);
	free(count);
	open_out(&o, NULL);
	for (size_t i = 0; i < r->ncarried; i++) {
		const pkg_embed *e = &r->carried[i];
		char sums[65] = "", sig[65] = "-";
		for (size_t k = 0; k < e->n; k++) {
			if (!strcmp(e->files[k].name, "SHA256SUMS"))
				package_sha256_hex(e->files[k].data, e->files[k].len, sums);
			else if (!strcmp(e->files[k].name, "SIGNATURE"))
				package_sha256_hex(e->files[k].data, e->files[k].len, sig);
			out->bytes += (long long)e->files[k].len;
		}
		fprintf(o.fp, "%s %s %s\n", sums, sig, e->dirname);
	}
	add_file(out, "schools.txt", &o);
	out->embeds = r->carried;
	out->nembeds = r->ncarried;
}

int district_report_package(const district_report *r, const csv_style *st, package *out, char **err)
{
	*out = (package){ 0 };
	char *code = package_safe_name(r->office.code, err);
	if (!code)
		return -1;
	out->dirname = xasprintf("orientir-district-%s-%s", code, r->period);
	free(code);
	out->key = r->key;
	out->has_key = 1;
	static const char *const names[] = { "report.html", "status.csv", "indicators.csv", "risk.csv", "roadmap.csv" };
	void (*const writers[])(FILE *, const csv_style *, const district_report *) = {
		NULL, write_status, write_indicators, write_risk, write_roadmap,
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct out o;
		if (open_out(&o, i ? st : NULL) != 0) {
			*err = xasprintf(_("out of memory"));
			package_free(out);
			return -1;
		}
		if (i == 0)
			district_report_html_write(o.fp, r);
		else
			writers[i](o.fp, st, r);
		add_file(out, names[i], &o);
	}
	add_machine_part(r, out);
	return 0;
}
