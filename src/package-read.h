/* Reading a report package off a stick into memory, once: only the regular
 * files of its folder, each and all together bounded (package.h), every
 * file SHA256SUMS lists checked against it, so that what is checked is
 * exactly what is then read. io layer: never prints. */
#ifndef ORIENTIR_PACKAGE_READ_H
#define ORIENTIR_PACKAGE_READ_H

#include <stddef.h>
#include <stdint.h>

#include "package.h"
#include "sign.h"

typedef struct pkg_in {
	char *dir;		/* the folder as named, for messages */
	pkg_file *files;	/* the files SHA256SUMS lists, as read, in its order */
	size_t n;
	char *sums;		/* SHA256SUMS as read; NULL when there is none */
	size_t sums_len;
	char digest[65];	/* the SHA-256 of SHA256SUMS in hex: the package's exact content; "" without one */
	char *signature;	/* SIGNATURE as read; NULL when there is none */
	char *manifest;		/* manifest.txt as read, even when the rest failed; or NULL */
	char **unlisted;	/* names in the folder SHA256SUMS does not list (ours left out) */
	size_t nunlisted;
} pkg_in;

/* Reads the package folder dir. 0, or -1 with *err naming the file; *out
 * then holds what could be read (the manifest and the digest for a
 * receipt). Free *out either way. */
int package_load(const char *dir, pkg_in *out, char **err);
/* The same for a folder already open (dfd), named dir in messages. */
int package_load_at(int dfd, const char *dir, pkg_in *out, char **err);
/* Checks p's files against its SHA256SUMS again (a package kept in a
 * database and read back): 0, or -1 with *err. */
int package_check_sums(const pkg_in *p, char **err);
/* The file called name, or NULL. */
const pkg_file *pkg_in_file(const pkg_in *p, const char *name);
/* Whether SIGNATURE signs SHA256SUMS: *state SIGN_GOOD (the signer in pub)
 * or SIGN_NONE and 0, or -1 with *err when it does not match. */
int package_signature(const pkg_in *p, enum sign_state *state, uint8_t pub[SIGN_KEY_SIZE], char **err);
void pkg_in_free(pkg_in *p);
/* Appends a copy of a file (name and bytes, NUL-terminated as stick_read
 * leaves them) to files. */
void pkg_files_add(pkg_file **files, size_t *n, const char *name, const void *data, size_t len);

/* The lines of SHA256SUMS read as 'sha256sum -c' reads them ("HASH  NAME",
 * "HASH *NAME", "SHA256 (NAME) = HASH", CRLF or LF, hex in either case):
 * n names and their hashes (lower-case hex), fresh. Blank lines are
 * skipped. A name must be a plain file name of the folder, listed once.
 * 0, or -1 with *err naming the line. */
int package_sums_parse(const char *text, size_t len, const char *shown, char ***names, char ***hashes, size_t *n,
		       char **err);

/* The SHA-256 of data in lower-case hex. */
void package_sha256_hex(const void *data, size_t len, char out[65]);

#endif
