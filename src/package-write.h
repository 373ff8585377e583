/* Writing a package onto a stick so that a removed stick or a power cut
 * leaves either the previous package or the new one whole: files go into
 * a hidden temporary folder, each written and synced, SHA256SUMS and
 * SIGNATURE last (without them nothing verifies), then the folder takes
 * the package's name. Everything goes through stick.h: nothing on the
 * stick is followed or written over that this program did not make. io
 * layer: never prints. */
#ifndef ORIENTIR_PACKAGE_WRITE_H
#define ORIENTIR_PACKAGE_WRITE_H

#include "package.h"

/* Writes p into dest (a folder). 0, or -1 with *err (translated): the
 * previous package, if any, is then still there whole. Leftovers of an
 * earlier write cut short are cleared first, or named in *err with what
 * to do when they cannot be. */
int package_write(const package *p, const char *dest, char **err);

/* Checks a package folder against its SHA256SUMS (and its SIGNATURE, when
 * there is one): 0 sound, -1 with *err. */
int package_verify(const char *dir, char **err);

/* The SHA-256 of a package's SHA256SUMS, in hex: it names the package's
 * exact content. 0, or -1 when there is none. */
int package_digest(const char *dir, char out[65]);

/* The folders in dir whose names begin with prefix, hidden ones and links
 * left out, by name (fresh names, not paths). 0, or -1 when dir cannot be
 * read. */
int package_folders(const char *dir, const char *prefix, char ***names, size_t *n);
void package_folders_free(char **names, size_t n);

/* A small file (at most PKG_MAX_SMALL) of a package folder, read whole and
 * NUL-terminated; NULL if it is not a regular file there or cannot be read. */
char *package_read_file(const char *dir, const char *name, size_t *len);

/* Writes one file into a folder on a stick (a receipt, a roadmap): a
 * temporary file synced, renamed over name, the folder synced. 0, -1 with *err. */
int package_put_file(const char *dir, const char *name, const char *data, size_t len, char **err);

#endif
