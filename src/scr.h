/* The screens, one file each (scr-*.c). */
#ifndef ORIENTIR_SCR_H
#define ORIENTIR_SCR_H
#include "diag.h"
#include "ui.h"
ui_screen *scr_menu_new(void);
ui_screen *scr_setup_new(void);
ui_screen *scr_results_new(void);
ui_screen *scr_grid_new(long assessment_id);
ui_screen *scr_indicators_new(void);
ui_screen *scr_pupils_new(void);
ui_screen *scr_scales_new(void);
ui_screen *scr_import_new(void);
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
/* The Import screen's file picker for the district's list of schools. */
ui_screen *scr_import_schools_new(void);
ui_screen *scr_settings_new(void);
ui_screen *scr_roadmap_new(void);
ui_screen *scr_reports_new(void);
ui_screen *scr_risk_new(void);
ui_screen *scr_teachers_new(void);
/* The district office's screens. */
ui_screen *scr_dschools_new(void);
ui_screen *scr_dimport_new(void);
ui_screen *scr_drisk_new(void);
ui_screen *scr_dindicators_new(void);
ui_screen *scr_dexport_new(void);
#endif
