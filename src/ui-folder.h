/* Choosing a folder to write into or read from: a USB stick found, or
 * another folder typed in. Shared by the screens that work with sticks. */
#ifndef ORIENTIR_UI_FOLDER_H
#define ORIENTIR_UI_FOLDER_H

#include <stddef.h>

/* Asks under title; current is what the typed folder starts as (NULL: the
 * home folder). The folder chosen (fresh), or NULL when the user gave up
 * or typed something that is not a folder (told). */
char *ui_folder_pick(const char *title, const char *current);

/* The mount point of the USB stick in (fresh), or NULL when there is none
 * or more than one; *n (if n is not NULL) is how many there are. */
char *ui_folder_only_stick(size_t *n);

#endif
