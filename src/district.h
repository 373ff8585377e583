/* The district office: taking in the schools' report packages, who has
 * reported for a half-year, and the low-results rule. Domain layer. */
#ifndef ORIENTIR_DISTRICT_H
#define ORIENTIR_DISTRICT_H

#include "sdb.h"
#include <stddef.h>

#include "rules.h"
#include "strmap.h"

enum pkg_outcome {
	PKG_NEW,	/* the first package of that school and half-year */
	PKG_REPLACED,	/* newer than the one held: it replaced it */
	PKG_UNCHANGED,	/* the very package held already */
	PKG_OLDER,	/* older than the one held: ignored */
	PKG_HELD,	/* sound, but kept apart for the methodist to decide */
	PKG_REFUSED,	/* failed a check: nothing of it stored (the last: counts are indexed by outcome) */
};

/* What became of one package. */
typedef struct pkg_import {
	char *dir;				/* the package folder */
	char *school_code, *school_name, *period, *created_at;	/* from its manifest, "" if unread */
	enum pkg_outcome outcome;
	char *reason;				/* refused: why, naming the file (and line) */
	char **notes;				/* what changed, remarks, in the user's language */
	size_t nnotes;
	char **remarks;				/* the same as the school reads them on its receipt */
	size_t nremarks;
	long results;				/* result rows taken in */
	char *receipt_error;			/* the receipt could not be written: why */
	long held_id;				/* held: its number for 'district accept' */
	char *via;				/* the district whose export carried it (its manifest's district
						 * when the package names none), or NULL */
} pkg_import;

/* The package folders at path: path itself when it holds a manifest.txt,
 * else its subfolders that do, by name. 0 (maybe none), -1 with *err. */
int district_find_packages(const char *path, char ***dirs, size_t *n, char **err);
void district_dirs_free(char **dirs, size_t n);

/* Verifies and takes in one package as received at received_at
 * (YYYY-MM-DDTHH:MM:SS), all or nothing, then writes its receipt, signed
 * with the office's key. Read once into memory within the limits of
 * package.h, only regular files; refused when it does not verify, names
 * a period or a time it cannot have, or its signature does not match.
 * Held apart, whole, for the methodist: an unknown school's package; one
 * signed by another key than the one pinned for its school, or not signed
 * where a key is pinned. The first signed package of a school pins its
 * key. A district (not the region) keeps the files of a package it takes
 * in, as they came, for its export (not those of one with pupils' names).
 * The receipt is synced as a file; the stick itself is the caller's to
 * sync (district_sync_stick) after the last package. The outcome is in *r. 0, or -1 when the database itself failed
 * (*r->reason). */
int district_import_package(sdb *db, const char *dir, const char *received_at, pkg_import *r);
/* Takes in the packages dirs[0..n) each as district_import_package does,
 * and tells each(ctx, r) of them in dirs' order (r is cleared after).
 * On the region's server up to jobs at once, each in a worker process on
 * a connection of its own (district-import-jobs.c); one at a time on a
 * district's file or for jobs < 2. A worker that dies (killed, out of
 * memory): its package is taken again here, as a package brought twice.
 * Once the database fails for one, nothing more is begun. 0, or -1 when the database failed (the packages
 * after the one told of last were not taken in). */
/* Syncs the stick (the filesystem) path is on, once every package from
 * it is taken in: the receipts are synced only as files until then, and
 * only now can the stick be pulled out. 0, or -1 with *err. */
int district_sync_stick(const char *path, char **err);
#define DISTRICT_IMPORT_JOBS 4	/* district import's --jobs unless told */
int district_import_packages(sdb *db, char *const *dirs, size_t n, const char *received_at, int jobs,
			     void (*each)(void *ctx, pkg_import *r), void *ctx);

/* --- a district's consolidated export (district-import-district.c) --- */
/* Whether dir is a district's export: its manifest.txt says so. */
int district_export_is(const char *dir);
/* What a district's export says of itself. */
typedef struct district_export_info {
	char *code, *name;	/* the district office's */
	char *district;		/* the district its schools are of */
	char *period;
	int pinned;		/* its key was pinned now: 1 the district's first export here,
				 * 2 a new key replacing the one pinned */
	size_t carried;		/* school packages it carries (0 until it is found sound) */
} district_export_info;
/* Takes in the district's export at dir: its SHA256SUMS and SIGNATURE,
 * the signer against the key pinned for that district (pinned on its
 * first export; another key refuses the export, or with new_key, once the
 * methodist has confirmed it with the district, is pinned in its place),
 * and every package it
 * carries in schools/ against schools.txt, all checked before anything
 * is taken; then each school's package as district_import_package takes
 * one, its district the export's when it names none, and each(ctx, r)
 * told of it. 0; or -1 with *err: nothing taken when info->carried is 0
 * (the export is broken, or signed by another key), else the database
 * failed part way (the packages told of before are kept). */
int district_import_export(sdb *db, const char *dir, const char *received_at, int new_key, district_export_info *info,
			   void (*each)(void *ctx, pkg_import *r), void *ctx, char **err);
void district_export_info_clear(district_export_info *info);
/* What the district's export at dir says of itself and the folders of the
 * school packages it lists (fresh, *n of them; free with
 * district_dirs_free), read but not yet checked against the district's
 * key: for a screen to show before it is taken in. 0, or -1 with *err. */
int district_export_about(const char *dir, district_export_info *info, char ***folders, size_t *n, char **err);

/* --- packages held for the methodist to decide --- */
/* Takes the held package id in as it came, now that the methodist says
 * so: an unknown school joins the list under the package's name, and the
 * package's key is pinned as the school's. The decision is kept. 0, or -1
 * with *err (no such package waiting, or the database failed); how the
 * package fared is in *r. */
int district_accept(sdb *db, long id, pkg_import *r, char **err);
/* Rejects it: its files go, the decision stays, and the same package
 * brought again is refused. 0, or -1 with *err. */
int district_reject(sdb *db, long id, char **err);
/* Why a package is held (d_held.reason), in words (translated). */
const char *district_held_reason(const char *reason);
void pkg_import_clear(pkg_import *r);
/* A translated word for an outcome. */
const char *pkg_outcome_title(enum pkg_outcome o);
/* The contract's English word for it (receipts, CSV). */
const char *pkg_outcome_code(enum pkg_outcome o);

/* "2026-06-18T10:22:03" as people read it, «18.06.2026 10:22:03» (fresh):
 * the seconds stay, since two versions of a package may differ by them. */
char *district_time_text(const char *ts);

/* --- settings --- */
/* The report deadline of a half-year (YYYYMMDD): the setting, else 20 June
 * and 10 December. */
long district_deadline(sdb *db, int year, int half);
/* The share below the minimum (percent) that makes a school low: 30 unless set. */
double district_threshold(sdb *db);
/* Sets "deadline-h1", "deadline-h2" (DD.MM) or "threshold" (a percent). 0, or
 * -1 with *err when the value is not one. */
int district_setting_set(sdb *db, const char *name, const char *value, char **err);
/* Sets n of them at once, all or none: a bad value changes nothing and
 * gives its index in *bad (when not NULL). */
int district_settings_set(sdb *db, const char *const *names, const char *const *values, size_t n, size_t *bad,
			  char **err);
/* A deadline (YYYYMMDD) as the setting writes it, «20.06» (fresh). */
char *district_day_month(long ymd);

/* --- the list of schools --- */
/* Puts a school on the district's list under name (a school already known
 * takes that name). 0, or -1 with *err. */
int district_school_add(sdb *db, const char *code, const char *name, char **err);
/* Settles the different name a school's package gave: take it, or (keep)
 * keep the district's. *name (fresh) is the name the school now has. 0, or
 * -1 with *err (no such school, nothing to settle, the database failed). */
int district_school_confirm(sdb *db, const char *code, int keep, char **name, char **err);

/* The fingerprint of the key pinned for school code ("" none; fresh), and
 * when it was pinned in *since (fresh, "" none) unless since is NULL. */
char *district_school_fingerprint(sdb *db, const char *code, char **since);
/* The same for people: the fingerprint and the day it was pinned, or that
 * none is pinned yet (fresh, translated). */
char *district_school_key_text(sdb *db, const char *code);

/* --- who has reported --- */
typedef struct status_row {
	char *code, *name, *other_name;	/* other_name: "" or a package's different name */
	int listed, received, on_time;
	char *received_at, *first_received_at, *created_at;	/* "" when not received */
	char *district;			/* as its newest package names it (the region's column) */
} status_row;

typedef struct status_report {
	status_row *v;
	size_t n;
	long deadline;		/* YYYYMMDD */
	long received, on_time;
} status_report;

/* The half-year the screens start on: the current one, or the one before
 * while no package of the current one has come and some of the one before
 * have (fresh). */
char *district_period_to_show(sdb *db);
/* Every school known and its package of period (2026-H1). 0, -1 with *err. */
int district_status(sdb *db, const char *period, status_report *out, char **err);
void status_report_free(status_report *r);
/* Keeps the schools of district alone (the region's filter), counted again. */
void district_status_keep(status_report *r, const char *district);
/* The codes of the schools of district, as their newest packages name it
 * (keys of a fresh map), or NULL with *err. */
strmap *district_codes(sdb *db, const char *district, char **err);
/* Keeps the schools whose codes are keys of codes in v (a list
 * db_d_school_list made), the others freed. */
struct d_school;
void district_schools_keep(struct d_school *v, size_t *n, const strmap *codes);
/* The districts the schools known belong to, by name, for the region's
 * filter (fresh; none has an empty name). 0, or -1 with *err. */
int district_names(sdb *db, char ***out, size_t *n, char **err);

/* --- the low-results rule --- */
typedef struct risk_row {
	char *code, *name;
	int has_data;		/* any results of the year */
	int flagged, two_procedures, two_years;
	char *low_procedures;	/* "ВПР;ОГЭ": low in the year, ";"-joined */
	char *low_last_year;	/* the same for the year before */
	double worst;		/* the highest share below the minimum, percent; -1 none */
	char *worst_procedure, *worst_subject;
	char *district;		/* as its newest package names it */
} risk_row;

typedef struct risk_report {
	risk_row *v;
	size_t n;
	int year;
	double threshold;
	long flagged;
} risk_report;

/* Applies the rule for year to every school known: low in a procedure when
 * in Russian or mathematics (a subject whose name begins so) at least the
 * threshold share of its participants scored below the minimum, all grades
 * pooled; flagged when low in two procedures in the year, or in the same
 * procedure in the year and the one before. Schools by distance from the
 * line, worst first. */
int district_risk(sdb *db, int year, risk_report *out, char **err);
void risk_report_free(risk_report *r);
/* Keeps the schools of district alone (the region's filter), counted again. */
void district_risk_keep(risk_report *r, const char *district);
/* Why the rule flags a school in year, in words (fresh): the procedures
 * low in the year when two are, the ones low in the year and the year
 * before; else what is low without flagging it, or that there are no
 * results; "" when nothing is low. brief: a few words for a column. */
char *district_risk_reason(const risk_row *r, int year, int brief);
/* The procedures the rule looks at, in its order, from i = 0; NULL past
 * the last. */
const char *district_rule_procedure(size_t i);
/* Whether the rule looks at this procedure and subject (ВПР, ОГЭ, ЕГЭ;
 * a subject beginning «Русский язык» or «Математика»): 0 when not, else
 * the procedure's place in that order, from 1. */
int district_rule_counts(const char *procedure, const char *subject);

/* One state of the database for several readings in a row (a screen's
 * risk and its signs), whatever imports commit meanwhile: 1 begun, 0
 * joined to an open one, -1 with *err; district_read_end ends it. */
int district_read_begin(sdb *db, char **err);
void district_read_end(sdb *db, int began);

/* The latest year of any results held: 1 and *year, 0 when there are
 * none, -1 with *err. */
int district_latest_year(sdb *db, int *year, char **err);

/* --- consolidated indicators, computed from the results held --- */
/* One school's (or, with school_code "", the whole district's) counts in
 * one procedure and subject, all grades pooled: [0] the year before, [1]
 * the year. */
typedef struct dist_ind {
	char *school_code, *procedure, *subject;
	long participants[2], below[2], high_known[2], high[2];
	long compared[2], lowered[2], confirmed[2], raised[2];
} dist_ind;

typedef struct dist_ind_set {
	dist_ind *v;		/* by school code ("" first), procedure, subject */
	size_t n;
	int year;
} dist_ind_set;

int district_indicators(sdb *db, int year, dist_ind_set *out, char **err);
void dist_ind_set_free(dist_ind_set *s);
/* Keeps the schools whose codes are keys of codes (the region's district
 * filter), the lines of all of them summed again from theirs. */
void district_indicators_keep(dist_ind_set *s, const strmap *codes);
/* The counts of a school ("" the district) in a procedure and subject in a
 * set district_indicators made, or NULL. */
const dist_ind *dist_ind_find(const dist_ind_set *s, const char *code, const char *proc, const char *subj);
/* What the rule looks at in one school: its counts in ВПР, ОГЭ and ЕГЭ in
 * Russian and mathematics, the year and the one before, by procedure in
 * the rule's order, then subject. */
int district_risk_detail(sdb *db, int year, const char *code, dist_ind_set *out, char **err);
/* num of den as a percentage, or -1 when den is 0. */
double district_share(long num, long den);

/* --- the ВПР task by task (district-tasks.c) --- */
/* One task's figures in one school, or (school_code "") the district's. */
typedef struct dtask_row {
	char *school_code, *procedure, *subject, *number, *skill;
	int grade, sort;
	double max_score, sum;
	long participants;
	int tenths;		/* percent × 10, -1 for none */
	int deficit;
	int has_reference;
	double reference;	/* the region's share, as the schools' maps give it */
} dtask_row;

typedef struct dtask_report {
	int year;
	dtask_row *v;		/* by procedure, subject, grade, task; the district's row before the schools' */
	size_t n;
	analysis_rules rules;
} dtask_report;

/* Every task of the year's assessments in every school that sent task
 * scores, and in the district. 0, or -1 with *err. */
int district_tasks(sdb *db, int year, dtask_report *out, char **err);
void dtask_report_free(dtask_report *r);
/* Keeps the schools whose codes are keys of codes (the region's district
 * filter), each task's line of all of them made again from theirs. */
void district_tasks_keep(dtask_report *r, const strmap *codes);
/* Whether two rows are of the same assessment. */
int district_tasks_same(const dtask_row *a, const dtask_row *b);
/* One assessment's rows as a grid: its tasks (the district's rows), its
 * schools by code, and each one's share (-1 none) and deficit. */
typedef struct dtask_grid {
	size_t first, end;		/* its rows in the report */
	const dtask_row **tasks;	/* the district's row of each task, in order */
	size_t ntasks;
	const char **schools;		/* codes */
	size_t nschools;
	int *tenths, *deficit;		/* (nschools + 1) × ntasks, row 0 the district */
} dtask_grid;
/* The grid of the assessment whose rows begin at first: the index past
 * its rows. */
size_t district_tasks_grid(const dtask_report *r, size_t first, dtask_grid *g);
void dtask_grid_free(dtask_grid *g);

/* The district's deficits as lines for people: a subject's line, then its
 * tasks' lines indented with «  • », how many schools share each (fresh). */
char **district_tasks_deficit_lines(const dtask_report *r, size_t *n);

/* A school's signs of biased results in a year, as its package reported
 * them, in words: «ВПР · Русский язык · 6: a peak of scores at 6; …». A
 * sign is a reason to look, never a verdict. */
typedef struct dist_sign {
	char *school_code, *text;
} dist_sign;
/* The schools with a sign in year, by code. */
int district_signs(sdb *db, int year, dist_sign **out, size_t *n, char **err);
/* The text of a school's signs, or NULL when it has none. */
const char *district_sign_of(const dist_sign *v, size_t n, const char *code);
void district_signs_free(dist_sign *v, size_t n);
/* Keeps the signs of the schools whose codes are keys of codes (the
 * region's district filter). */
void district_signs_keep(dist_sign *v, size_t *n, const strmap *codes);

#endif
