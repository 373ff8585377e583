/* Where the program's own files are: installed (under a DESTDIR or a moved
 * tree too, found from where the binary is), or in the build tree when it
 * runs from there (the README's quick start does). */
#ifndef ORIENTIR_PATHS_H
#define ORIENTIR_PATHS_H
/* $ORIENTIR_DATADIR, else the installed or the source tree's data/. */
const char *paths_datadir(void);
/* $ORIENTIR_LOCALEDIR, else the installed or the build tree's catalogues. */
const char *paths_localedir(void);
#endif
