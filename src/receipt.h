/* The receipt the district writes beside a package it received, so that
 * the school sees on its own screen that the report arrived. io layer:
 * never prints. */
#ifndef ORIENTIR_RECEIPT_H
#define ORIENTIR_RECEIPT_H

#include <stddef.h>
#include <stdint.h>

#include "sign.h"

#define RECEIPT_FILE "receipt.txt"

typedef struct receipt {
	char *school_code, *period, *created_at;	/* the package's */
	char *digest;		/* SHA-256 of its SHA256SUMS: which version was received */
	char *received_at;	/* YYYY-MM-DDTHH:MM:SS */
	char *received_by;	/* the office's name */
	char *outcome;		/* accepted, replaced, unchanged, older, refused */
	char **remarks;		/* in the district's language */
	int nremarks;
	/* read: whether its last line signs all the lines before it, and by
	 * which key (the "district_key" it names) */
	enum sign_state sig;
	uint8_t key[SIGN_KEY_SIZE];
} receipt;

/* Writes dir/receipt.txt, synced with its folder (the stick itself is
 * the caller's to sync, stick_sync_path, once every receipt is written), signed with key (NULL: unsigned): the
 * values escaped (keyval.h), then "district_key:" and, last,
 * "signature:" over every line before it. 0, or -1 with *err. */
int receipt_write(const char *dir, const receipt *r, const sign_key *key, char **err);
/* Reads dir/receipt.txt (a regular file of at most PKG_MAX_SMALL) and
 * checks its signature: 1 read, 0 there is none (or it is not one). */
int receipt_read(const char *dir, receipt *out);
/* The same from the receipt's text. */
int receipt_parse(const char *text, receipt *out);
void receipt_clear(receipt *r);
/* The outcome in words a school reads its receipt in (translated). */
const char *receipt_outcome_title(const char *outcome);
/* The remark on a school whose package gives another name than the one the
 * district knows its code by (names quoted), in words the school can act
 * on (fresh). */
char *receipt_name_remark(const char *code, const char *ours, const char *theirs);
/* A remark as the school reads it (fresh): one an earlier orientir wrote
 * for the methodist («confirm which name is right»), in the district's
 * language or in English, is said as receipt_name_remark says it; any
 * other is given back as it is. */
char *receipt_remark_for_school(const char *remark);

#endif
