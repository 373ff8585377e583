/* The printable report of a half-year: one self-contained HTML file (no
 * external files, no scripts, inline SVG charts, A4 print styles). io
 * layer: writes what it is given, never queries, never prints elsewhere. */
#ifndef ORIENTIR_REPORT_HTML_H
#define ORIENTIR_REPORT_HTML_H

#include <stdio.h>

#include "indicators.h"
#include "objectivity.h"
#include "store.h"
#include "tasks.h"

typedef struct report_data {
	const school *sc;
	const char *period;		/* "2026-H2" */
	int year, half;			/* 2026, 2 */
	long from, to;			/* the period, YYYYMMDD, inclusive */
	long today;			/* YYYYMMDD: overdue is judged on it */
	const char *created_at;		/* "2026-11-22T17:50:03" */
	const ind_set *now, *was;	/* indicators of year and of year - 1 */
	const roadmap_info *roadmaps;	/* those covering the period, earliest first */
	size_t nroadmaps;
	const activity *acts;		/* every activity of those roadmaps, roadmap by roadmap */
	size_t nacts;
	const event_item *events;	/* every methodical event */
	size_t nevents;
	const task_report *tasks;	/* the ВПР task by task of year, or NULL */
	const obj_report *objectivity;	/* the signs of biased results of year, or NULL */
} report_data;

/* Writes the report as well-formed HTML5 (also valid XML). */
void report_html_write(FILE *fp, const report_data *r);
/* Its parts of the ВПР task by task (report-tasks.c): the heat maps and
 * the deficits by subject; the signs of biased results and the scores. */
void report_tasks_part(FILE *fp, const task_report *r);
void report_objectivity_part(FILE *fp, const obj_report *o);

#endif
