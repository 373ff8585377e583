/* The region's report (see region-report.h): the district's report built
 * over the region's database, kept to one district when asked, and the
 * summary by district. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "region-report.h"
#include "utf8.h"

/* Whether the school code is one the report keeps. */
static int kept(const district_report *r, const char *code)
{
	long long at;
	return strmap_get(r->index, code, &at);
}

/* The roadmap progress and the signs of the kept schools. */
static void keep_rest(district_report *r)
{
	size_t k = 0;
	for (size_t i = 0; i < r->nprogress; i++)
		if (kept(r, r->progress[i].school_code))
			r->progress[k++] = r->progress[i];
		else
			free(r->progress[i].school_code);
	r->nprogress = k;
	district_signs_keep(r->signs, &r->nsigns, r->index);
}

/* Keeps the schools of district alone, the index made again. */
static void keep_district(district_report *r, const char *district)
{
	district_status_keep(&r->status, district);
	district_risk_keep(&r->risk, district);
	strmap_free(r->index);
	r->index = strmap_new();
	for (size_t i = 0; i < r->status.n; i++)
		strmap_put(r->index, r->status.v[i].code, (long long)i + 1);
	district_indicators_keep(&r->ind, r->index);
	district_tasks_keep(&r->tasks, r->index);
	keep_rest(r);
}

/* By name in Russian order, "" (no district known) last. */
static int by_name(const void *a, const void *b)
{
	const region_district *x = a, *y = b;
	if (!*x->name || !*y->name)
		return !*x->name - !*y->name;
	return utf8_collate(x->name, strlen(x->name), y->name, strlen(y->name));
}

/* The line of district name in the summary, made when new. */
static region_district *line_of(region_part *p, strmap *at, const char *name)
{
	long long i;
	if (!strmap_get(at, name, &i)) {
		p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
		p->v[p->n] = (region_district){ .name = xstrdup(name) };
		i = (long long)p->n++;
		strmap_put(at, name, i);
	}
	return &p->v[i];
}

/* The summary by district: schools expected (known), reported, on time,
 * flagged by the rule. */
static void summarise(district_report *r)
{
	region_part *p = r->region;
	strmap *at = strmap_new();
	for (size_t i = 0; i < r->status.n; i++) {
		const status_row *s = &r->status.v[i];
		region_district *d = line_of(p, at, s->district);
		d->expected++;
		d->received += s->received;
		d->on_time += s->received && s->on_time;
	}
	for (size_t i = 0; i < r->risk.n; i++)
		if (r->risk.v[i].flagged)
			line_of(p, at, r->risk.v[i].district)->flagged++;
	strmap_free(at);
	if (p->n)
		qsort(p->v, p->n, sizeof *p->v, by_name);
	for (size_t i = 0; i < p->n; i++) {
		p->total.expected += p->v[i].expected, p->total.received += p->v[i].received;
		p->total.on_time += p->v[i].on_time, p->total.flagged += p->v[i].flagged;
	}
}

/* The districts the region knows, ", "-joined in ёлочки (fresh). */
static char *districts_listed(sdb *db)
{
	char **v, *names = xstrdup(""), *err = NULL;
	size_t n;
	if (district_names(db, &v, &n, &err) != 0) {
		free(err);
		return names;
	}
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf(*names ? "%s, «%s»" : "%s«%s»", names, v[i]);
		free(names), free(v[i]);
		names = t;
	}
	free(v);
	return names;
}

int region_report_build(sdb *db, const char *period, const char *district, district_report *out, char **err)
{
	if (district_report_build(db, period, out, err) != 0)
		return -1;
	out->region = xcalloc(1, sizeof *out->region);
	if (district) {
		int any = 0;
		for (size_t i = 0; i < out->status.n && !any; i++)
			any = strcmp(out->status.v[i].district, district) == 0;
		if (!any) {
			char *names = districts_listed(db);
			*err = *names ? xasprintf(_("the region has no school of the district «%s»; its districts: %s"),
						  district, names)
				      : xasprintf(_("the region has no school of the district «%s»"), district);
			free(names);
			region_report_free(out);
			return -1;
		}
		out->region->district = xstrdup(district);
		keep_district(out, district);
	}
	summarise(out);
	return 0;
}

void region_report_free(district_report *r)
{
	region_part *p = r->region;
	if (p) {
		for (size_t i = 0; i < p->n; i++)
			free(p->v[i].name);
		free(p->v);
		free(p->district);
		free(p);
	}
	r->region = NULL;
	district_report_free(r);
}

const char *region_report_all(const district_report *r)
{
	if (!r->region)
		return _("All schools of the district");
	return r->region->district ? _("All schools of the district") : _("All schools of the region");
}

/* districts.csv: a district a line, then the region's. */
static void write_districts(FILE *fp, const csv_style *st, const district_report *r)
{
	const char *head[] = { "Район", "Полугодие", "Школ", "Отчёт получен", "В срок", "Низкие результаты" };
	csvout_row(fp, st, head, 6);
	const region_part *p = r->region;
	/* the region's line, unless kept to one district */
	for (size_t i = 0; i < p->n + !p->district; i++) {
		const region_district *d = i < p->n ? &p->v[i] : &p->total;
		char *n[4] = { xasprintf("%ld", d->expected), xasprintf("%ld", d->received),
			       xasprintf("%ld", d->on_time), xasprintf("%ld", d->flagged) };
		const char *row[] = { i < p->n ? d->name : "Итого", r->period, n[0], n[1], n[2], n[3] };
		csvout_row(fp, st, row, 6);
		for (int k = 0; k < 4; k++)
			free(n[k]);
	}
}

/* A district's name fit for the end of a folder's name (fresh): what FAT
 * or a path refuses, spaces and a leading dot as '_', at most 60
 * characters (a file name's 255 bytes, Cyrillic taking two each). */
static char *folder_part(const char *name)
{
	char *t = xstrdup(name);
	size_t chars = 0, i;
	for (i = 0; t[i]; i++) {
		if ((t[i] & 0xC0) != 0x80 && ++chars > 60)
			break;
		if (strchr("\\/:*?\"<>| ", t[i]) || (i == 0 && t[i] == '.'))
			t[i] = '_';
	}
	t[i] = '\0';
	return t;
}

int region_report_package(const district_report *r, const csv_style *st, package *out, char **err)
{
	char *code = package_safe_name(r->office.code, err);
	if (!code)
		return -1;
	char *dist = r->region->district ? folder_part(r->region->district) : NULL;
	if (district_report_package(r, st, out, err) != 0) {
		free(code), free(dist);
		return -1;
	}
	free(out->dirname);
	out->dirname = dist ? xasprintf("orientir-region-%s-%s-%s", code, r->period, dist)
			    : xasprintf("orientir-region-%s-%s", code, r->period);
	free(code), free(dist);
	pkg_file f = { xstrdup("districts.csv"), NULL, 0 };
	FILE *fp = open_memstream(&f.data, &f.len);
	if (!fp) {
		free(f.name);
		package_free(out);
		*err = xasprintf(_("out of memory"));
		return -1;
	}
	if (st->bom)
		fputs("\xEF\xBB\xBF", fp);
	write_districts(fp, st, r);
	fclose(fp);
	/* after report.html: the summary the page opens with */
	out->files = xrealloc(out->files, (out->n + 1) * sizeof *out->files);
	memmove(out->files + 2, out->files + 1, (out->n - 1) * sizeof *out->files);
	out->files[1] = f;
	out->n++;
	out->bytes += (long long)f.len;
	return 0;
}
