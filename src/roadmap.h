/* The roadmap: importing the district's table (keeping the school's
 * progress on activities still there), and the rules about activities.
 * Domain layer. */
#ifndef ORIENTIR_ROADMAP_H
#define ORIENTIR_ROADMAP_H

#include <sqlite3.h>

#include "diag.h"
#include "roadmap-read.h"
#include "store.h"

typedef struct roadmap_summary {
	long added, changed, unchanged, dropped;
	char **changed_list, **dropped_list;	/* "1.2 Title" each */
	size_t nchanged_list, ndropped_list;
} roadmap_summary;

/* Reads path into *t (the caller frees it) and stores it as the current
 * roadmap, unless dry_run. 0, 1 refused (reasons sent to d), -1 the
 * database failed. */
int roadmap_import(sqlite3 *db, const char *path, int first_year, int last_year, const char *title,
		   int dry_run, diag *d, rm_table *t, roadmap_summary *sum);
void roadmap_summary_free(roadmap_summary *s);

/* Takes one line of text to show (translated, no line end). */
typedef void (*roadmap_line_fn)(void *ctx, const char *text);
/* What a table read holds, a line at a time: a heading, each section with
 * the numbers of its activities and their count, then the number of
 * activities (and of header rows skipped, of broken rows joined). */
void roadmap_found(const rm_table *t, roadmap_line_fn line, void *ctx);
/* «2026», or «2025-2026» (fresh). */
char *roadmap_years_text(int first_year, int last_year);
/* What an import of the roadmap for first-last did, or would do (dry_run),
 * to the roadmap there was: the counts, then each activity changed and
 * each dropped, a line each. */
void roadmap_summary_say(const roadmap_summary *s, int first_year, int last_year, int dry_run,
			 roadmap_line_fn line, void *ctx);
/* What to offer for importing path, today (YYYYMMDD): the years and title
 * a file orientir wrote states; else the calendar years of the current
 * school year (September to August), and the current roadmap's title if
 * it came from a file of the same name (*title fresh, maybe ""). 1 when
 * the file stated the years, 0 when not, -1 when the database failed
 * (*err). */
int roadmap_import_defaults(sqlite3 *db, const char *path, long today, int *first_year, int *last_year,
			    char **title, char **err);

/* Overdue on today (YYYYMMDD): its window ended and it is neither done nor
 * cancelled. Text without a date is never overdue. */
int activity_overdue(const activity *a, long today);
/* Due within days of today, not yet done or cancelled. */
int activity_due_soon(const activity *a, long today, int days);
/* Whether status is one of the contract's words. */
int activity_status_valid(const char *status);
/* The activities numbered number (with or without a trailing dot); section,
 * if not NULL, picks by the section's number or the start of its title.
 * Fills idx[] (at most max) and returns how many match. */
size_t activity_find(const activity *v, size_t n, const char *number, const char *section, size_t *idx, size_t max);
/* A translated word for a status. */
const char *activity_status_title(const char *status);
/* The statuses in the order they are offered. */
extern const char *const activity_statuses[];
#define ACTIVITY_NSTATUSES 5

/* How far activities have got: done of those not cancelled, and overdue. */
typedef struct roadmap_progress {
	int done, total, overdue;
	int percent;		/* done of total, 0 when there is none */
} roadmap_progress;
/* The progress of the activities of section_id (-1: all of them) on today. */
roadmap_progress roadmap_progress_of(const activity *v, size_t n, long section_id, long today);

#endif
