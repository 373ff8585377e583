#include "config.h"

#include <errno.h>
#include <nettle/eddsa.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "common.h"
#include "keyval.h"
#include "sign.h"

int sign_key_make(sign_key *k, char **err)
{
	uint8_t priv[SIGN_KEY_SIZE];
	size_t got = 0;
	while (got < sizeof priv) {
		ssize_t r = getrandom(priv + got, sizeof priv - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*err = xasprintf(_("cannot make a signing key: the system gives no random bytes: %s"),
					 strerror(errno));
			return -1;
		}
		got += (size_t)r;
	}
	sign_key_from_private(k, priv);
	memset(priv, 0, sizeof priv);
	return 0;
}

void sign_key_from_private(sign_key *k, const uint8_t priv[SIGN_KEY_SIZE])
{
	memcpy(k->priv, priv, SIGN_KEY_SIZE);
	ed25519_sha512_public_key(k->pub, k->priv);
}

/* "context\n" and data back to back (fresh, *n long). */
static uint8_t *message(const char *context, const void *data, size_t len, size_t *n)
{
	size_t c = strlen(context);
	uint8_t *m = xmalloc(c + 1 + len);
	memcpy(m, context, c);
	m[c] = '\n';
	if (len)
		memcpy(m + c + 1, data, len);
	*n = c + 1 + len;
	return m;
}

void sign_make(const sign_key *k, const char *context, const void *data, size_t len, uint8_t sig[SIGN_SIZE])
{
	size_t n;
	uint8_t *m = message(context, data, len, &n);
	ed25519_sha512_sign(k->pub, k->priv, n, m, sig);
	free(m);
}

int sign_valid(const uint8_t pub[SIGN_KEY_SIZE], const char *context, const void *data, size_t len,
	       const uint8_t sig[SIGN_SIZE])
{
	size_t n;
	uint8_t *m = message(context, data, len, &n);
	int ok = ed25519_sha512_verify(pub, n, m, sig);
	free(m);
	return ok != 0;
}

char *sign_fingerprint(const uint8_t pub[SIGN_KEY_SIZE])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, SIGN_KEY_SIZE, pub);
	sha256_digest(&ctx, sizeof d, d);
	/* Each group from three bytes (24 bits, so that 10 000 divides them
	 * almost evenly): five groups carry about 66 bits. */
	unsigned g[5];
	for (int i = 0; i < 5; i++)
		g[i] = (unsigned)((d[3 * i] << 16 | d[3 * i + 1] << 8 | d[3 * i + 2]) % 10000);
	return xasprintf("%04u %04u %04u %04u %04u", g[0], g[1], g[2], g[3], g[4]);
}

char *sign_fingerprint_hex(const char *hex)
{
	uint8_t pub[SIGN_KEY_SIZE];
	return sign_unhex(hex, pub, SIGN_KEY_SIZE) == 0 ? sign_fingerprint(pub) : xstrdup("");
}

char *sign_hex(const uint8_t *b, size_t n)
{
	char *s = xmalloc(2 * n + 1);
	for (size_t i = 0; i < n; i++)
		snprintf(s + 2 * i, 3, "%02x", b[i]);
	s[2 * n] = '\0';
	return s;
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10
		: -1;
}

int sign_unhex(const char *s, uint8_t *out, size_t n)
{
	if (!s || strlen(s) != 2 * n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

char *sign_file_text(const sign_key *k, const char *context, const void *data, size_t len)
{
	uint8_t sig[SIGN_SIZE];
	sign_make(k, context, data, len, sig);
	char *pub = sign_hex(k->pub, SIGN_KEY_SIZE), *s = sign_hex(sig, SIGN_SIZE);
	char *text = xasprintf("format: %s\nalgorithm: ed25519\npublic_key: %s\nsignature: %s\n", SIGN_FORMAT, pub, s);
	free(pub);
	free(s);
	return text;
}

enum sign_state sign_file_check(const char *text, const char *context, const void *data, size_t len,
				uint8_t pub[SIGN_KEY_SIZE])
{
	if (!text)
		return SIGN_NONE;
	char *format = keyval_get(text, "format"), *alg = keyval_get(text, "algorithm");
	char *key = keyval_get(text, "public_key"), *sig_hex = keyval_get(text, "signature");
	uint8_t sig[SIGN_SIZE];
	int good = format && alg && strcmp(format, SIGN_FORMAT) == 0 && strcmp(alg, "ed25519") == 0 &&
		   sign_unhex(key, pub, SIGN_KEY_SIZE) == 0 && sign_unhex(sig_hex, sig, SIGN_SIZE) == 0 &&
		   sign_valid(pub, context, data, len, sig);
	free(format), free(alg), free(key), free(sig_hex);
	return good ? SIGN_GOOD : SIGN_BAD;
}
