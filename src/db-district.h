/* The district office's tables (schema 6): the schools it expects reports
 * from, the newest package per school and half-year with what it held, and
 * the results of the newest package per school and year. Store layer: each
 * returns 0 (or 1 / 0 for found / not found where it says so) and -1 with
 * a translated *err. Never prints. */
#ifndef ORIENTIR_DB_DISTRICT_H
#define ORIENTIR_DB_DISTRICT_H

#include <stddef.h>

#include "sdb.h"

typedef struct d_school {
	char *code, *name;
	int listed;		/* on the methodist's list, not only known from a package */
	char *other_name;	/* "" or the different name a package gave: to confirm */
	char *key;		/* the public key pinned for its packages (hex), "" none yet */
	char *key_since;	/* when it was pinned, "" none */
	char *district;		/* as its newest package names it, "" none */
} d_school;

/* 1 and *out filled, 0 unknown. */
int db_d_school_get(sdb *db, const char *code, d_school *out, char **err);
/* Adds the school, or (listed) puts it on the list under this name. */
int db_d_school_put(sdb *db, const char *code, const char *name, int listed, char **err);
/* Notes the name a package gave (NULL or "" clears the note). */
int db_d_school_set_other_name(sdb *db, const char *code, const char *other, char **err);
/* Holds the school's packages back from any other import until the
 * transaction ends: two imports of one package store it once. */
int db_d_school_lock(sdb *db, const char *code, char **err);
/* Pins key (hex) as the school's, or with "" pins none. */
int db_d_school_set_key(sdb *db, const char *code, const char *key, char **err);
/* Every school known, by name. */
int db_d_school_list(sdb *db, d_school **out, size_t *n, char **err);
void d_school_clear(d_school *s);
void d_school_list_free(d_school *v, size_t n);

typedef struct d_package {
	long id;
	char *school_code, *period, *school_name, *district, *created_at, *app_version, *digest;
	char *received_at, *first_received_at, *source;
} d_package;

/* 1 and *out filled when a package of that school and period is held. */
int db_d_package_get(sdb *db, const char *code, const char *period, d_package *out, char **err);
/* Stores p as the school's package of its period, dropping the one held
 * before with everything it brought; sets p->id. */
int db_d_package_put(sdb *db, d_package *p, char **err);
void d_package_clear(d_package *p);
/* The packages a district's export of period carries: the period's, and
 * those the results of year and the year before come from, by school
 * code and period. */
int db_d_package_carried(sdb *db, const char *period, int year, d_package **out, size_t *n, char **err);

/* An indicator as a package's indicators.csv gives it; has_* say which
 * numbers were there. grade 0: all grades pooled. */
typedef struct d_indicator {
	const char *code, *procedure, *subject;
	int grade, year;
	int has_num, has_den, has_percent;
	long num, den;
	double percent;
} d_indicator;
/* A package's rows come in bulk, a file's at a time: a load begun (NULL
 * *err), each row added, the load ended with sdb_copy_end (or given up
 * with sdb_copy_abort). Rows must not repeat a key: the caller sees to it. */
sdb_copy *db_d_indicator_load(sdb *db, char **err);
int db_d_indicator_add(sdb_copy *c, long package_id, const d_indicator *v, char **err);
/* The pooled indicators of a package, for comparing two versions: each
 * as "code|procedure|subject|year" with its percent, through visit. */
typedef void (*d_indicator_visit)(void *ctx, const char *key, double percent);
int db_d_indicator_each(sdb *db, long package_id, d_indicator_visit visit, void *ctx, char **err);

typedef struct d_activity {
	const char *section, *number, *title, *deadline_text, *status, *done_on;
	int overdue;
	const char *roadmap_years;	/* «2025-2026»; "" from a package made before roadmaps were kept by years */
} d_activity;
sdb_copy *db_d_activity_load(sdb *db, char **err);
int db_d_activity_add(sdb_copy *c, long package_id, int sort, const d_activity *a, char **err);

/* The created_at of the package whose results for school and year are
 * held: 1 and *created_at (fresh), 0 none. */
int db_d_result_source_get(sdb *db, const char *code, int year, char **created_at, char **err);
/* Records that the school's results of year now come from the package of
 * period made at created_at; when replacing (a year held before), drops
 * what the earlier package gave of that year first. */
int db_d_result_source_put(sdb *db, const char *code, int year, const char *period, const char *created_at,
			   int replacing, char **err);

typedef struct d_result {
	const char *school_code, *procedure, *subject, *student, *class_label;
	int year, grade, absent;
	int has_score, has_mark, has_journal, has_max, has_min, has_high;
	double score, max_score, min_score, high_score;
	int mark, journal_mark;
} d_result;
sdb_copy *db_d_result_load(sdb *db, char **err);
int db_d_result_add(sdb_copy *c, const d_result *r, char **err);

/* Counts over the held results of one school, year, procedure and subject,
 * all grades pooled; participants are the results not absent. */
typedef struct d_share {
	const char *school_code, *procedure, *subject;
	int year;
	long participants, below, high_known, high, compared, lowered, confirmed, raised;
} d_share;
typedef int (*d_share_visit)(void *ctx, const d_share *s);
/* A school's shares, counted at import (share-tally.h), loaded in bulk. */
sdb_copy *db_d_share_load(sdb *db, char **err);
int db_d_share_add(sdb_copy *c, const d_share *s, char **err);
/* Every school's shares for the years first..last, by school, year,
 * procedure and subject. */
int db_d_shares(sdb *db, int first, int last, d_share_visit visit, void *ctx, char **err);

/* The schools' roadmap progress in their packages of period. */
typedef struct d_progress {
	char *school_code;
	long activities, done, overdue, cancelled;	/* activities counts the cancelled too */
} d_progress;
int db_d_progress(sdb *db, const char *period, d_progress **out, size_t *n, char **err);
void d_progress_free(d_progress *v, size_t n);

/* A package held apart for the methodist to decide on: an unknown
 * school's, one signed by another key than the school's, one not signed
 * where the school's key is pinned. Its files are kept with it until the
 * decision. */
typedef struct d_held {
	long id;
	char *school_code, *school_name, *period, *created_at, *digest;
	char *key;		/* the signer's public key (hex), "" not signed */
	char *reason;		/* unknown_school, other_key, unsigned */
	char *received_at, *source;
	char *decision;		/* "" waiting, accepted, rejected */
	char *decided_at;	/* "" while waiting */
} d_held;
/* 1 and *out for the package of that digest ever held, 0 none. */
int db_d_held_by_digest(sdb *db, const char *digest, d_held *out, char **err);
/* 1 and *out for the held package id, 0 none. */
int db_d_held_get(sdb *db, long id, d_held *out, char **err);
/* Holds h (h->id set) with its n files, each a name and its bytes. */
int db_d_held_put(sdb *db, d_held *h, const char *const *names, const char *const *data, const size_t *lens,
		  size_t n, char **err);
/* The files kept with held package id, in the order given: visit gets
 * each name and its bytes. */
typedef void (*d_held_file_visit)(void *ctx, const char *name, const void *data, size_t len);
int db_d_held_files(sdb *db, long id, d_held_file_visit visit, void *ctx, char **err);
/* Keeps the n files of the package id (its SHA256SUMS, SIGNATURE and the
 * files it lists, as they came): a district's export carries them. */
int db_d_package_files_put(sdb *db, long id, const char *const *names, const char *const *data, const size_t *lens,
			   size_t n, char **err);
/* Visits the files kept with package id, in order: how many (0: none kept,
 * it came before they were), or -1 with *err. */
long db_d_package_files(sdb *db, long id, d_held_file_visit visit, void *ctx, char **err);
/* The packages waiting for a decision (all ever held with all), by
 * school code and id. */
int db_d_held_list(sdb *db, int all, d_held **out, size_t *n, char **err);
/* Holds the held package id for this transaction's decision (the
 * server: a second operator deciding on it waits). 0, or -1 with *err. */
int db_d_held_lock(sdb *db, long id, char **err);
/* Records the decision ("accepted", "rejected") and lets the files go. */
int db_d_held_decide(sdb *db, long id, const char *decision, char **err);
void d_held_clear(d_held *h);
void d_held_list_free(d_held *v, size_t n);

/* How many schools' packages of period are held, or -1 with *err. */
long db_d_package_count(sdb *db, const char *period, char **err);
/* Whether this connection may take packages in: 1, 0 (on the server, a
 * user that may only read, or a read-only session), -1 with *err. */
int db_d_may_import(sdb *db, char **err);

/* --- the ВПР task by task (issue 14): kept per school and year as results are --- */
typedef struct d_task {
	const char *school_code, *procedure, *subject, *number, *skill, *block, *level;
	int year, grade, sort;
	double max_score;
	int has_reference;
	double reference_percent;
} d_task;
sdb_copy *db_d_task_load(sdb *db, char **err);
int db_d_task_add(sdb_copy *c, const d_task *t, char **err);
typedef struct d_task_score {
	const char *school_code, *procedure, *subject, *student, *number;
	int year, grade;
	double score;
} d_task_score;
sdb_copy *db_d_task_score_load(sdb *db, char **err);
int db_d_task_score_add(sdb_copy *c, const d_task_score *s, char **err);
/* A school's signs of biased results in one assessment, as its package says. */
typedef struct d_objectivity {
	char *school_code, *procedure, *subject;
	int year, grade;
	long participants;
	int has_peak, has_shares, flag;
	double peak_at, lowered, confirmed, raised;
} d_objectivity;
sdb_copy *db_d_objectivity_load(sdb *db, char **err);
int db_d_objectivity_add(sdb_copy *c, const d_objectivity *o, char **err);
/* The year's signs, by school, procedure, subject and grade. */
int db_d_objectivity_list(sdb *db, int year, d_objectivity **out, size_t *n, char **err);
void d_objectivity_free(d_objectivity *v, size_t n);
/* A task's sums in one school (or, with an empty code, the district). */
typedef struct d_task_sum {
	const char *school_code, *procedure, *subject, *number, *skill;
	int grade, sort;
	double max_score, sum;
	long participants;
	int has_reference;
	double reference;
} d_task_sum;
typedef int (*d_task_sum_visit)(void *ctx, const d_task_sum *s);
/* Every school's sums per task in the year, by procedure, subject, grade,
 * task and school; each task's district sums come first, with school "". */
int db_d_task_sums(sdb *db, int year, d_task_sum_visit visit, void *ctx, char **err);

/* The years any held task scores are of, newest first. */
int db_d_task_years(sdb *db, int **out, size_t *n, char **err);

/* The years any held results are of, newest first. */
int db_d_result_years(sdb *db, int **out, size_t *n, char **err);

#endif
