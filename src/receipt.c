#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "keyval.h"
#include "package-write.h"
#include "receipt.h"
#include "stick.h"

#define RECEIPT_FORMAT "orientir-receipt-1"

int receipt_write(const char *dir, const receipt *r, const sign_key *key, char **err)
{
	char *text;
	size_t len;
	FILE *fp = open_memstream(&text, &len);
	if (!fp) {
		*err = xasprintf(_("out of memory"));
		return -1;
	}
	const char *keys[] = { "format", "school_code", "period", "created_at", "digest", "received_at", "received_by",
			       "outcome" };
	const char *values[] = { RECEIPT_FORMAT, r->school_code, r->period, r->created_at, r->digest, r->received_at,
				 r->received_by, r->outcome };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		keyval_put(fp, keys[i], values[i]);
	for (int i = 0; i < r->nremarks; i++)
		keyval_put(fp, "remark", r->remarks[i]);
	if (key) {
		char *pub = sign_hex(key->pub, SIGN_KEY_SIZE);
		keyval_put(fp, "district_key", pub);
		free(pub);
		fflush(fp);
		uint8_t sig[SIGN_SIZE];
		sign_make(key, SIGN_RECEIPT, text, len, sig);
		char *hex = sign_hex(sig, SIGN_SIZE);
		keyval_put(fp, "signature", hex);
		free(hex);
	}
	fclose(fp);
	int dfd = stick_dir_open(dir, err), rc = -1;
	if (dfd >= 0) {
		rc = stick_put_deferred(dfd, dir, RECEIPT_FILE, text, len, 0644, err);
		close(dfd);
	}
	free(text);
	return rc;
}

/* Whether the receipt's last line signs every line before it. */
static enum sign_state check_signature(const char *text, uint8_t key[SIGN_KEY_SIZE])
{
	const char *line = strncmp(text, "signature:", 10) == 0 ? text : strstr(text, "\nsignature:");
	if (!line)
		return SIGN_NONE;
	if (line != text)
		line++;
	/* Nothing may follow the signature: what is not signed is not read. */
	const char *end = strchr(line, '\n');
	if (end && end[1] != '\0')
		return SIGN_BAD;
	char *signed_part = xstrndup(text, (size_t)(line - text)), *hex = keyval_get(line, "signature");
	char *pub = keyval_get(signed_part, "district_key");
	uint8_t sig[SIGN_SIZE];
	int good = sign_unhex(pub, key, SIGN_KEY_SIZE) == 0 && sign_unhex(hex, sig, SIGN_SIZE) == 0 &&
		   sign_valid(key, SIGN_RECEIPT, signed_part, strlen(signed_part), sig);
	free(signed_part), free(hex), free(pub);
	return good ? SIGN_GOOD : SIGN_BAD;
}

int receipt_read(const char *dir, receipt *out)
{
	*out = (receipt){ 0 };
	char *text = package_read_file(dir, RECEIPT_FILE, NULL);
	int ok = text && receipt_parse(text, out);
	free(text);
	return ok;
}

int receipt_parse(const char *text, receipt *out)
{
	*out = (receipt){ 0 };
	char *format = keyval_get(text, "format");
	int ok = format && strcmp(format, RECEIPT_FORMAT) == 0;
	free(format);
	if (ok) {
		char **f[] = { &out->school_code, &out->period, &out->created_at, &out->digest, &out->received_at,
			       &out->received_by, &out->outcome };
		const char *keys[] = { "school_code", "period", "created_at", "digest", "received_at", "received_by",
				       "outcome" };
		for (int i = 0; i < 7; i++)
			if (!(*f[i] = keyval_get(text, keys[i])))
				*f[i] = xstrdup("");
		out->remarks = keyval_all(text, "remark", &out->nremarks);
		out->sig = check_signature(text, out->key);
	}
	return ok;
}

void receipt_clear(receipt *r)
{
	free(r->school_code), free(r->period), free(r->created_at), free(r->digest), free(r->received_at);
	free(r->received_by), free(r->outcome);
	for (int i = 0; i < r->nremarks; i++)
		free(r->remarks[i]);
	free(r->remarks);
	*r = (receipt){ 0 };
}

const char *receipt_outcome_title(const char *outcome)
{
	if (strcmp(outcome, "accepted") == 0)
		return _("accepted");
	if (strcmp(outcome, "replaced") == 0)
		return _("accepted, replaces the earlier version");
	if (strcmp(outcome, "unchanged") == 0)
		return _("unchanged: this very package was received before");
	if (strcmp(outcome, "older") == 0)
		return _("not taken: the district has a newer version");
	if (strcmp(outcome, "held") == 0)
		return _("held: the methodist must decide on it (phone the district)");
	if (strcmp(outcome, "refused") == 0)
		return _("refused");
	return outcome;
}

char *receipt_name_remark(const char *code, const char *ours, const char *theirs)
{
	return xasprintf(_("the district knows code %s as %s, the package says %s: if the school's own name is wrong, "
			   "correct it in Settings and write the package again; if the district's is out of date, tell "
			   "the methodist"), code, ours, theirs);
}

/* The three %s of fmt in text, each fresh into v: 1, or 0 when text is
 * not fmt filled in. */
static int filled(const char *fmt, const char *text, char *v[3])
{
	const char *lit[4];
	size_t len[4];
	int k = 0;
	for (const char *f = fmt;; f += 2) {
		const char *at = strstr(f, "%s");
		if (k == 4 || (!at && k != 3))
			return 0;
		lit[k] = f;
		len[k++] = at ? (size_t)(at - f) : strlen(f);
		if (!at)
			break;
		f = at;
	}
	size_t n = strlen(text);
	if (n < len[0] + len[3] || strncmp(text, lit[0], len[0]) != 0 || strcmp(text + n - len[3], lit[3]) != 0)
		return 0;
	const char *p = text + len[0], *end = text + n - len[3];
	const char *from[3], *to[3];
	for (int i = 0; i < 3; i++) {
		from[i] = p;
		if (i < 2) {
			char *l = xstrndup(lit[i + 1], len[i + 1]);
			const char *hit = strstr(p, l);
			free(l);
			if (!hit || hit > end)
				return 0;
			to[i] = hit;
			p = hit + len[i + 1];
		} else {
			to[i] = end;
		}
		if (to[i] < from[i])
			return 0;
	}
	for (int i = 0; i < 3; i++)
		v[i] = xstrndup(from[i], (size_t)(to[i] - from[i]));
	return 1;
}

char *receipt_remark_for_school(const char *remark)
{
	/* TRANSLATORS: what receipts said before 2026-12 of a school name the
	 * district did not know; kept so that such a receipt is still read in
	 * the school's words. Translate it as the old catalogue did. */
	static const char *const was = N_("the package names the school «%s», the district knows code %s as «%s»: "
					 "confirm which is right");
	char *v[3];
	if (!filled(_(was), remark, v) && !filled(was, remark, v))
		return xstrdup(remark);
	char *theirs = xquote(v[0]), *ours = xquote(v[2]);
	char *said = receipt_name_remark(v[1], ours, theirs);
	free(theirs), free(ours);
	for (int i = 0; i < 3; i++)
		free(v[i]);
	return said;
}
