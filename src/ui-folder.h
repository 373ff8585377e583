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

/* Asks as ui_folder_pick does and puts the folder chosen in *dir, freeing
 * the one there: 1, or 0 when the user gave up (*dir stays). */
int ui_folder_choose(enum folder_purpose purpose, const char *title, char **dir);

/* What a screen that writes says of its folder: «Destination: …», or with
 * none that no stick was found and how to choose one (fresh). */
char *ui_folder_line(const char *dir);

/* Where a screen starts for purpose (fresh): the USB stick in when there is
 * exactly one, else the folder chosen last time, else NULL. *nsticks (if
 * not NULL) is how many sticks there are. */
char *ui_folder_start(enum folder_purpose purpose, size_t *nsticks);

#endif
