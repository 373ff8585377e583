/* Signatures and what they guard: Ed25519 keys and signature files, the
 * fingerprint, a receipt judged against the district's key a school learns
 * (trust on first use), the key:value escaping, and SHA256SUMS read as
 * sha256sum -c reads it. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/common.h"
#include "../../src/db.h"
#include "../../src/keys.h"
#include "../../src/keyval.h"
#include "../../src/package-read.h"
#include "../../src/receipt.h"
#include "../../src/sign.h"
#include "../../src/store.h"

static char dir[64];

static void setup(void)
{
	strcpy(dir, "/tmp/orientir-sign-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(sign_and_check)
{
	sign_key k, other;
	char *err = NULL;
	ck_assert_int_eq(sign_key_make(&k, &err), 0);
	ck_assert_int_eq(sign_key_make(&other, &err), 0);
	ck_assert_mem_ne(k.pub, other.pub, SIGN_KEY_SIZE);
	const char data[] = "abc  manifest.txt\n";
	char *text = sign_file_text(&k, SIGN_PACKAGE, data, strlen(data));
	uint8_t pub[SIGN_KEY_SIZE];
	ck_assert_int_eq(sign_file_check(text, SIGN_PACKAGE, data, strlen(data), pub), SIGN_GOOD);
	ck_assert_mem_eq(pub, k.pub, SIGN_KEY_SIZE);
	/* One byte of what is signed changed, or the signature made for
	 * something else (a receipt), does not pass. */
	ck_assert_int_eq(sign_file_check(text, SIGN_PACKAGE, "abd  manifest.txt\n", strlen(data), pub), SIGN_BAD);
	ck_assert_int_eq(sign_file_check(text, SIGN_RECEIPT, data, strlen(data), pub), SIGN_BAD);
	ck_assert_int_eq(sign_file_check(NULL, SIGN_PACKAGE, data, strlen(data), pub), SIGN_NONE);
	ck_assert_int_eq(sign_file_check("format: orientir-signature-1\n", SIGN_PACKAGE, data, strlen(data), pub),
			 SIGN_BAD);
	/* Another key named in the file with the same signature: no. */
	char *hex = sign_hex(other.pub, SIGN_KEY_SIZE), *mine = sign_hex(k.pub, SIGN_KEY_SIZE);
	char *swapped = xstrdup(text);
	memcpy(strstr(swapped, mine), hex, strlen(hex));
	ck_assert_int_eq(sign_file_check(swapped, SIGN_PACKAGE, data, strlen(data), pub), SIGN_BAD);
	free(text), free(hex), free(mine), free(swapped);
}
END_TEST

START_TEST(fingerprint_digits)
{
	uint8_t pub[SIGN_KEY_SIZE] = { 0 };
	char *fp = sign_fingerprint(pub);
	ck_assert_uint_eq(strlen(fp), 24);
	for (int i = 0; i < 24; i++)
		ck_assert(i % 5 == 4 ? fp[i] == ' ' : (fp[i] >= '0' && fp[i] <= '9'));
	pub[31] = 1;
	char *fp2 = sign_fingerprint(pub);
	ck_assert_str_ne(fp, fp2);
	free(fp), free(fp2);
}
END_TEST

START_TEST(hex_round_trip)
{
	uint8_t b[4] = { 0x00, 0xab, 0x7f, 0xff }, back[4];
	char *hex = sign_hex(b, 4);
	ck_assert_str_eq(hex, "00ab7fff");
	ck_assert_int_eq(sign_unhex("00AB7FFF", back, 4), 0);
	ck_assert_mem_eq(b, back, 4);
	ck_assert_int_eq(sign_unhex("00ab7f", back, 4), -1);
	ck_assert_int_eq(sign_unhex("00ab7fxz", back, 4), -1);
	free(hex);
}
END_TEST

START_TEST(keyval_escapes)
{
	char *text;
	size_t len;
	FILE *fp = open_memstream(&text, &len);
	keyval_put(fp, "school_name", "Школа\nperiod: 1999-H1\\x\t\x1b[31m");
	keyval_put(fp, "period", "2026-H1");
	fclose(fp);
	/* One line each: the name cannot make a second period line. */
	ck_assert_str_eq(text, "school_name: Школа\\nperiod: 1999-H1\\\\x\\t\\x1B[31m\nperiod: 2026-H1\n");
	char *name = keyval_get(text, "school_name"), *period = keyval_get(text, "period");
	ck_assert_str_eq(name, "Школа\nperiod: 1999-H1\\x\t\x1b[31m");
	ck_assert_str_eq(period, "2026-H1");
	free(name), free(period), free(text);
}
END_TEST

static const char h1[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
static const char h2[] = "FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210";

/* Parses text as SHA256SUMS: the number of names, or -1; the names
 * ", "-joined in *out. */
static int sums(const char *text, char **out)
{
	char **names, **hashes, *err = NULL;
	size_t n;
	*out = NULL;
	if (package_sums_parse(text, strlen(text), "SHA256SUMS", &names, &hashes, &n, &err) != 0) {
		*out = err;
		return -1;
	}
	*out = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char *s = xasprintf("%s%s%s=%.4s", *out, i ? ", " : "", names[i], hashes[i]);
		free(*out);
		*out = s;
		free(names[i]), free(hashes[i]);
	}
	free(names), free(hashes);
	return (int)n;
}

START_TEST(sums_forms)
{
	char *out, *text;
	/* sha256sum's text and binary forms, LF and CRLF, upper-case hex, the
	 * BSD (--tag) form, and a blank line. */
	text = xasprintf("%s  a.csv\r\n%s *b.csv\n\nSHA256 (c d.csv) = %s\n", h1, h2, h1);
	ck_assert_int_eq(sums(text, &out), 3);
	ck_assert_str_eq(out, "a.csv=0123, b.csv=fedc, c d.csv=0123");
	free(out), free(text);
	/* What sha256sum -c would not read, and what a package folder cannot hold. */
	const char *bad[] = { " a.csv\n", "  ../x.csv\n", "  .hidden\n", "  SIGNATURE\n", "0  a.csv\n",
			      "  sub/x.csv\n", "  a\x1b.csv\n" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		/* "0  a.csv": a hash one digit too long. */
		text = xasprintf("%s%s", h1, bad[i]);
		ck_assert_msg(sums(text, &out) == -1, "accepted: %s", text);
		ck_assert_msg(strstr(out, "SHA256SUMS:1:"), "%s", out);
		free(out), free(text);
	}
	text = xasprintf("%s  a.csv\n%s  a.csv\n", h1, h2);
	ck_assert_int_eq(sums(text, &out), -1);
	ck_assert_msg(strstr(out, "SHA256SUMS:2:") && strstr(out, "twice"), "%s", out);
	free(out), free(text);
}
END_TEST

/* A receipt signed by key over the same lines receipt_write writes. */
static void receipt_in(const char *sub, const sign_key *key, const char *edit_from, const char *edit_to)
{
	char *d = xasprintf("%s/%s", dir, sub), *err = NULL;
	ck_assert_int_eq(mkdir(d, 0755), 0);
	char *remarks[] = { "первая" };
	receipt r = { "0101", "2026-H1", "2026-06-10T10:00:00", "abc", "2026-06-15T12:00:00", "ИМЦ", "accepted",
		      remarks, 1, SIGN_NONE, { 0 } };
	ck_assert_int_eq(receipt_write(d, &r, key, &err), 0);
	if (edit_from) {
		char *path = xasprintf("%s/receipt.txt", d), buf[4096];
		FILE *fp = fopen(path, "r");
		size_t n = fread(buf, 1, sizeof buf - 1, fp);
		fclose(fp);
		buf[n] = '\0';
		char *at = strstr(buf, edit_from);
		ck_assert_ptr_nonnull(at);
		char *changed = xasprintf("%.*s%s%s", (int)(at - buf), buf, edit_to, at + strlen(edit_from));
		fp = fopen(path, "w");
		fputs(changed, fp);
		fclose(fp);
		free(changed), free(path);
	}
	free(d);
}

static enum receipt_trust judge(sqlite3 *db, const char *sub)
{
	char *d = xasprintf("%s/%s", dir, sub);
	receipt r;
	ck_assert_int_eq(receipt_read(d, &r), 1);
	enum receipt_trust t = keys_receipt_trust(db, &r);
	receipt_clear(&r);
	free(d);
	return t;
}

START_TEST(receipt_trust_on_first_use)
{
	char *err = NULL, *path = xasprintf("%s/school.db", dir);
	sqlite3 *db = db_open(path, &err);
	ck_assert_ptr_nonnull(db);
	sign_key district, stranger;
	ck_assert_int_eq(sign_key_make(&district, &err), 0);
	ck_assert_int_eq(sign_key_make(&stranger, &err), 0);
	receipt_in("unsigned", NULL, NULL, NULL);
	receipt_in("first", &district, NULL, NULL);
	receipt_in("second", &district, NULL, NULL);
	receipt_in("stranger", &stranger, NULL, NULL);
	receipt_in("edited", &district, "outcome: accepted", "outcome: refused!");
	receipt_in("tail", &district, "", "");
	/* Text after the signature is not signed: the receipt is damaged. */
	char *tail = xasprintf("%s/tail/receipt.txt", dir);
	FILE *fp = fopen(tail, "a");
	fputs("outcome: refused\n", fp);
	fclose(fp);
	uint8_t pub[SIGN_KEY_SIZE];
	ck_assert_int_eq(keys_district(db, pub, &err), 0);
	ck_assert_int_eq(judge(db, "unsigned"), RECEIPT_UNSIGNED);
	ck_assert_int_eq(keys_district(db, pub, &err), 0);
	ck_assert_int_eq(judge(db, "edited"), RECEIPT_DAMAGED);
	ck_assert_int_eq(keys_district(db, pub, &err), 0);
	/* The first signed receipt teaches the key; later ones are held to it. */
	ck_assert_int_eq(judge(db, "first"), RECEIPT_GENUINE);
	ck_assert_int_eq(keys_district(db, pub, &err), 1);
	ck_assert_mem_eq(pub, district.pub, SIGN_KEY_SIZE);
	ck_assert_int_eq(judge(db, "second"), RECEIPT_GENUINE);
	ck_assert_int_eq(judge(db, "stranger"), RECEIPT_OTHER_KEY);
	ck_assert_int_eq(judge(db, "tail"), RECEIPT_DAMAGED);
	/* Forgotten, the next signed receipt teaches again. */
	ck_assert_int_eq(keys_district_forget(db, &err), 0);
	ck_assert_int_eq(judge(db, "stranger"), RECEIPT_GENUINE);
	ck_assert_int_eq(judge(db, "first"), RECEIPT_OTHER_KEY);
	db_close(db);
	free(path), free(tail);
}
END_TEST

START_TEST(own_key_made_once)
{
	char *err = NULL, *news = NULL, *path = xasprintf("%s/old.db", dir);
	sqlite3 *db = db_open(path, &err);
	sign_key a, b;
	ck_assert_int_eq(keys_own(db_sdb(db), &a, &news, &err), 1);
	ck_assert_ptr_nonnull(news);
	ck_assert_msg(strstr(news, "orientir key"), "%s", news);
	free(news);
	ck_assert_int_eq(keys_own(db_sdb(db), &b, &news, &err), 1);
	ck_assert_ptr_null(news);
	ck_assert_mem_eq(a.pub, b.pub, SIGN_KEY_SIZE);
	ck_assert_mem_eq(a.priv, b.priv, SIGN_KEY_SIZE);
	db_close(db);
	free(path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sign");
	TCase *t = tcase_create("sign");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, sign_and_check);
	tcase_add_test(t, fingerprint_digits);
	tcase_add_test(t, hex_round_trip);
	tcase_add_test(t, keyval_escapes);
	tcase_add_test(t, sums_forms);
	tcase_add_test(t, receipt_trust_on_first_use);
	tcase_add_test(t, own_key_made_once);
	suite_add_tcase(s, t);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
