/* The screens, one file each (scr-*.c). */
#ifndef ORIENTIR_SCR_H
#define ORIENTIR_SCR_H
#include "diag.h"
#include "store.h"
#include "ui.h"
ui_screen *scr_menu_new(void);
ui_screen *scr_setup_new(void);
ui_screen *scr_results_new(void);
ui_screen *scr_grid_new(long assessment_id);
ui_screen *scr_indicators_new(void);
ui_screen *scr_pupils_new(void);
ui_screen *scr_scales_new(void);
ui_screen *scr_import_new(void);
/* A key's handler: the Import screen over scr, which reloads when back. */
ui_result scr_import_open(ui_screen *scr);
/* The Import screen's file picker for a file another screen reads: then
 * gets the file chosen, and the screen it returns takes the picker's
 * place (NULL: the picker stays). Set the title and help. */
typedef ui_screen *(*scr_import_then)(const char *path, void *ctx);
ui_screen *scr_import_pick_new(scr_import_then then, void *ctx);
/* A problem in a file as the Import screen lists it: «name:12: what»
 * (fresh). */
char *scr_import_problem(enum diag_level level, const char *file, long line, const char *msg);
/* The roadmap from the file at path: its years and title asked, then the
 * dry run; F2 there imports it. NULL when the user gave up at the form.
 * *imported, if imported is not NULL, becomes 1 once it is imported. */
ui_screen *scr_rmimport_new(const char *path, int *imported);
/* How many roadmaps are kept (0 when the database cannot say). */
int scr_roadmap_count(void);
/* Which roadmap: with several, a pop-up list of them (years, order,
 * title; the one covering today marked) starting on current_id (0: on
 * the one covering today); the only one without asking. 1 and *out (roadmap_info_clear it), 0 when there is
 * none or the user gave up. */
int scr_roadmap_pick(const char *title, long current_id, roadmap_info *out);
/* Writes roadmap r into the folder dir as the table the schools import,
 * asking (from «Нет») before replacing the file there, and says how it went. */
void scr_roadmap_write(const roadmap_info *r, const char *dir);
/* The Import screen's file picker for the district's list of schools. */
ui_screen *scr_import_schools_new(void);
ui_screen *scr_settings_new(void);
/* Tells the user, in a box, that the database's signing key was just made
 * (news from keys_own, with its fingerprint) and what the district does
 * with it; nothing when news is NULL. */
void scr_key_news(const char *news);
ui_screen *scr_roadmap_new(void);
ui_screen *scr_reports_new(void);
ui_screen *scr_risk_new(void);
ui_screen *scr_teachers_new(void);
ui_screen *scr_tasks_new(void);
/* The district office's screens. */
ui_screen *scr_dschools_new(void);
ui_screen *scr_dimport_new(void);
/* The packages held for the methodist to decide on (Schools, F6). */
ui_screen *scr_dheld_new(void);
ui_screen *scr_drisk_new(void);
ui_screen *scr_dindicators_new(void);
ui_screen *scr_dexport_new(void);
ui_screen *scr_dtasks_new(void);
/* A screen showing text (taken); with save_name (taken, with save_data)
 * F2 saves save_data as that file in a folder the user chooses. */
struct ui_text;
ui_screen *scr_text_new(const char *title, const char *help, struct ui_text *text, char *save_name, char *save_data);
/* A list to print: a heading, a note, then the lines (a subject's in the
 * heading's look, «  • » items plain; none when there are none), which F2
 * saves as save_name (taken) for Notepad too. */
ui_screen *scr_text_list(const char *title, const char *help, const char *head, const char *note,
			 const char *const *lines, size_t n, const char *none, char *save_name);
#endif
