/* The roadmaps: importing the district's (a new roadmap for other years,
 * a corrected version keeping the school's progress for the same years),
 * every roadmap kept with its own progress, the one covering a day, and
 * the rules about activities. Domain layer. */
#ifndef ORIENTIR_ROADMAP_H
#define ORIENTIR_ROADMAP_H

#include <sqlite3.h>

#include "diag.h"
#include "roadmap-read.h"
#include "store.h"

/* What an import is told beyond the file. */
typedef struct roadmap_import_opts {
	int first_year, last_year;	/* 0: the years the file names */
	const char *title;		/* NULL: the file's, or the title given to these years before */
	const char *order_number, *order_date;	/* NULL: the file's (order_date YYYY-MM-DD) */
	int dry_run;
	int no_deadlines;		/* go on with a table that has no deadline column */
} roadmap_import_opts;

typedef struct roadmap_summary {
	int first_year, last_year;	/* the years imported for */
	enum rm_from years_from;	/* RM_FROM_NONE when they were given */
	int corrected;			/* a roadmap of these years was there: its corrected version */
	char **kept;			/* the years of the other roadmaps, kept as they were */
	size_t nkept;
	long added, changed, unchanged, dropped;
	char **changed_list, **dropped_list;	/* "1.2 Title" each */
	size_t nchanged_list, ndropped_list;
} roadmap_summary;

enum {
	ROADMAP_IMPORTED = 0,
	ROADMAP_REFUSED = 1,		/* the file: reasons sent to d */
	ROADMAP_NO_DEADLINES = 2,	/* no deadline column and no_deadlines not given: nothing changed */
	ROADMAP_NO_YEARS = 3,		/* none given, and the file names none */
};
/* Reads path into *t (the caller frees it) and stores it as the roadmap
 * of its years, unless dry_run: one of the above, or -1 when the database
 * failed (told to d). */
int roadmap_import(sqlite3 *db, const char *path, const roadmap_import_opts *o, diag *d, rm_table *t,
		   roadmap_summary *sum);
void roadmap_summary_free(roadmap_summary *s);

enum roadmap_line { RM_LINE_INFO, RM_LINE_WARNING };
/* Takes one line of text to show (translated, no line end); a warning is
 * to stand out. */
typedef void (*roadmap_line_fn)(void *ctx, enum roadmap_line kind, const char *text);
/* What a file read holds, a line at a time: which of the document's
 * tables is the plan, which column was taken for what and which were not
 * used, rows read as several activities, each section with the numbers of
 * its activities, the counts (rows skipped and joined), what the text
 * above names (the order, the title, the years), and, as a warning, a plan
 * without deadlines. */
void roadmap_found(const rm_table *t, roadmap_line_fn line, void *ctx);
/* «2026», or «2025-2026» (fresh). */
char *roadmap_years_text(int first_year, int last_year);
/* «the order № 274/1 of 10.08.2021» for an order's number and its date
 * (YYYY-MM-DD), either maybe "" or NULL; "" when neither (fresh). */
char *roadmap_order_text(const char *number, const char *date);
/* How people tell a roadmap from the others: its years, then its order
 * when known, «2025-2026, the order № 17 of 24.05.2023» (fresh). */
char *roadmap_label(const roadmap_info *r);
/* What an import did, or would do (dry_run): a new roadmap or a corrected
 * version and the others kept, the counts, then each activity changed and
 * each dropped, a line each. */
void roadmap_summary_say(const roadmap_summary *s, int dry_run, roadmap_line_fn line, void *ctx);
/* What the import is: «a new roadmap for 2027; the roadmap for 2026 is
 * kept», «a corrected version of the roadmap for 2026» (fresh). */
char *roadmap_summary_what(const roadmap_summary *s);
/* Where years the user did not give came from, to say so: «from the
 * document's title» (translated, static). */
const char *roadmap_from_text(enum rm_from from);

/* What to offer for importing path on today (YYYYMMDD), for the import's
 * form and for the command line's missing options. */
typedef struct roadmap_offer {
	int first_year, last_year;
	enum rm_from years_from;	/* RM_FROM_NONE: the current school year, the file naming none */
	char *title;			/* "" when none */
	char *order_number, *order_date;	/* "" when none; the date YYYY-MM-DD */
} roadmap_offer;
/* The years, title and order the file names (a file orientir wrote states
 * them; a document's text above the plan names them), else the school year
 * of today; a title not in the file is that of the roadmap of those years
 * there is, if it came from a file of the same name. 0, or -1 when the
 * database failed (*err). A file that cannot be read offers the school
 * year (its import then says why). */
int roadmap_import_defaults(sqlite3 *db, const char *path, long today, roadmap_offer *o, char **err);
void roadmap_offer_clear(roadmap_offer *o);

/* A roadmap in the list of them: its details and counts, whether overdue
 * activities it has on today and whether it covers today. */
typedef struct roadmap_item {
	roadmap_info info;
	long overdue;
	int covers_today;
} roadmap_item;
/* Every roadmap kept, the earliest years first. */
int roadmap_list(sqlite3 *db, long today, roadmap_item **out, size_t *n, char **err);
void roadmap_items_free(roadmap_item *v, size_t n);
/* The roadmap for day (YYYYMMDD): the one whose period covers it (the
 * latest begun, when several do), else the latest begun before it, else
 * the earliest. 1 and *out, 0 when there is no roadmap at all. */
int roadmap_covering(sqlite3 *db, long day, roadmap_info *out, char **err);
/* The roadmap --years names («2026», «2025-2026»): 1 and *out; 0 when
 * none is for those years; -1 with *err (the database, or a year several
 * roadmaps take in, listed). */
int roadmap_by_years(sqlite3 *db, const char *years, roadmap_info *out, char **err);
/* The roadmaps whose periods meet from..to (YYYYMMDD), earliest first,
 * and, unless acts is NULL, all their activities, roadmap by roadmap. */
int roadmap_meeting(sqlite3 *db, long from, long to, roadmap_info **out, size_t *n, activity **acts, size_t *nacts,
		    char **err);

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
