/* Choosing a folder to write into or read from: a USB stick found, the
 * folder chosen last time for the same purpose, or another folder typed
 * in. Shared by the screens that work with sticks. */
#ifndef ORIENTIR_UI_FOLDER_H
#define ORIENTIR_UI_FOLDER_H

#include <stddef.h>

#include "folder.h"

/* Asks under title: the sticks found, the folder chosen last time for
 * purpose, another folder (typed, starting as current, else the one chosen
 * last time, else the home folder). The folder chosen (fresh), remembered
 * for purpose; NULL when the user gave up or typed something that is not
 * a folder (told). */
char *ui_folder_pick(enum folder_purpose purpose, const char *title, const char *current);

/* Where a screen starts for purpose (fresh): the USB stick in when there is
 * exactly one, else the folder chosen last time, else NULL. *nsticks (if
 * not NULL) is how many sticks there are. */
char *ui_folder_start(enum folder_purpose purpose, size_t *nsticks);

#endif
