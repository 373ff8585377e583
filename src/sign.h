/* Ed25519 signatures (nettle's hogweed): keys, signing and checking, the
 * text of a signature file (a package's SIGNATURE, a backup's .sig, the
 * last lines of a receipt) and the short fingerprint people read out on the
 * phone. Every signature covers a context line naming what it is for, so
 * that one made for a receipt never passes for a package's. io layer. */
#ifndef ORIENTIR_SIGN_H
#define ORIENTIR_SIGN_H

#include <stddef.h>
#include <stdint.h>

#define SIGN_KEY_SIZE 32
#define SIGN_SIZE 64

/* What a signature is for: the first line of what is signed. */
#define SIGN_PACKAGE "orientir-package-1"
#define SIGN_RECEIPT "orientir-receipt-1"
#define SIGN_BACKUP "orientir-backup-1"

/* The format line of a signature file. */
#define SIGN_FORMAT "orientir-signature-1"

typedef struct sign_key {
	uint8_t pub[SIGN_KEY_SIZE], priv[SIGN_KEY_SIZE];
} sign_key;

/* A new key from getrandom(2): 0, or -1 with *err. */
int sign_key_make(sign_key *k, char **err);
/* The key whose private half is priv. */
void sign_key_from_private(sign_key *k, const uint8_t priv[SIGN_KEY_SIZE]);

/* Signs "context\n" followed by data. */
void sign_make(const sign_key *k, const char *context, const void *data, size_t len, uint8_t sig[SIGN_SIZE]);
/* 1 when sig is pub's signature of "context\n" and data, else 0. */
int sign_valid(const uint8_t pub[SIGN_KEY_SIZE], const char *context, const void *data, size_t len,
	       const uint8_t sig[SIGN_SIZE]);

/* The key's fingerprint for people, five groups of four digits from the
 * SHA-256 of the public key: "4821 0937 5512 0394 1187" (fresh). Digits,
 * so that it is read out on the phone without Latin letters. */
char *sign_fingerprint(const uint8_t pub[SIGN_KEY_SIZE]);
/* The same from the public key in hex; "" when hex is not one (fresh). */
char *sign_fingerprint_hex(const char *hex);
/* Bytes as lower-case hex (fresh); hex of exactly n bytes back: 0, or -1. */
char *sign_hex(const uint8_t *b, size_t n);
int sign_unhex(const char *s, uint8_t *out, size_t n);

/* A signature file: "format:", "algorithm: ed25519", "public_key:" and
 * "signature:" lines, signing context and data (fresh). */
char *sign_file_text(const sign_key *k, const char *context, const void *data, size_t len);

enum sign_state {
	SIGN_NONE,	/* no signature */
	SIGN_GOOD,	/* a signature that matches, by the key it names */
	SIGN_BAD,	/* a signature that does not match, or is not one */
};
/* Checks the signature file text (NULL: none) over context and data; the
 * signer's public key in pub when SIGN_GOOD. */
enum sign_state sign_file_check(const char *text, const char *context, const void *data, size_t len,
				uint8_t pub[SIGN_KEY_SIZE]);

#endif
