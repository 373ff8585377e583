/* Choosing a folder to write into: a USB stick found, or another folder
 * typed in. Shared by the screens that write onto sticks. */
#ifndef ORIENTIR_UI_FOLDER_H
#define ORIENTIR_UI_FOLDER_H

/* Asks under title; current is what the typed folder starts as (NULL: the
 * home folder). The folder chosen (fresh), or NULL when the user gave up
 * or typed something that is not a folder (told). */
char *ui_folder_pick(const char *title, const char *current);

#endif
