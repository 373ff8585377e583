/* Writing a package onto a stick so that a removed stick or a power cut
 * leaves either the previous package or the new one whole: files go into
 * a hidden temporary folder, each written and synced, SHA256SUMS last
 * (without it nothing verifies), then the folder takes the package's name.
 * io layer: never prints. */
#ifndef ORIENTIR_PACKAGE_WRITE_H
#define ORIENTIR_PACKAGE_WRITE_H

#include "package.h"

/* Writes p into dest (a folder). 0, or -1 with *err (translated): the
 * previous package, if any, is then still there whole. */
int package_write(const package *p, const char *dest, char **err);

/* Checks a package folder against its SHA256SUMS: 0 sound, -1 with *err. */
int package_verify(const char *dir, char **err);

/* The SHA-256 of a package's SHA256SUMS, in hex: it names the package's
 * exact content. 0, or -1 when there is none. */
int package_digest(const char *dir, char out[65]);

/* The folders in dir whose names begin with prefix, hidden ones left out,
 * by name (fresh names, not paths). 0, or -1 when dir cannot be read. */
int package_folders(const char *dir, const char *prefix, char ***names, size_t *n);
void package_folders_free(char **names, size_t n);

/* A file of a package folder, read whole and NUL-terminated; NULL if it
 * cannot be read. */
char *package_read_file(const char *dir, const char *name, size_t *len);

/* Writes one file into a folder on a stick (the receipt): a temporary
 * file synced, renamed over name, the folder synced. 0, -1 with *err. */
int package_put_file(const char *dir, const char *name, const char *data, size_t len, char **err);

#endif
