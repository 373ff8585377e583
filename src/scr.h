/* The screens, one file each (scr-*.c). */
#ifndef ORIENTIR_SCR_H
#define ORIENTIR_SCR_H
#include "ui.h"
ui_screen *scr_menu_new(void);
ui_screen *scr_setup_new(void);
ui_screen *scr_results_new(void);
ui_screen *scr_grid_new(long assessment_id);
ui_screen *scr_indicators_new(void);
ui_screen *scr_pupils_new(void);
ui_screen *scr_scales_new(void);
ui_screen *scr_import_new(void);
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
