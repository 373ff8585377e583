/* libFuzzer target: what the district reads of a package, on any bytes:
 * the input is split at NUL bytes into SHA256SUMS, SIGNATURE, manifest.txt,
 * indicators.csv, roadmap.csv, results.csv, staff.csv, events.csv and
 * receipt.txt (missing ones are empty). SHA256SUMS is parsed as sha256sum
 * -c reads it, the signature checked over it, the manifest checked as the
 * district checks it (identity, period, time), every table read through
 * with its rows checked, and the receipt read with its signature. No database:
 * nothing is stored. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/common.h"
#include "../../src/district-tables.h"
#include "../../src/package-read.h"
#include "../../src/receipt.h"

static const char *const names[] = { "SHA256SUMS", "SIGNATURE", "manifest.txt", "indicators.csv", "roadmap.csv",
				     "results.csv", "staff.csv", "events.csv", "receipt.txt" };
enum { N = sizeof names / sizeof *names };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part[N] = { 0 }, *p = (const char *)data, *end = p + size;
	size_t len[N] = { 0 };
	for (int i = 0; i < N && p <= end; i++) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		part[i] = p;
		len[i] = z ? (size_t)(z - p) : (size_t)(end - p);
		p += len[i] + 1;
	}
	pkg_in pkg = { .dir = xstrdup("fuzz") };
	pkg.sums = xstrndup(part[0] ? part[0] : "", len[0]);
	pkg.sums_len = len[0];
	pkg.signature = part[1] ? xstrndup(part[1], len[1]) : NULL;
	package_sha256_hex(pkg.sums, pkg.sums_len, pkg.digest);
	pkg.files = xcalloc(N, sizeof *pkg.files);
	for (int i = 2; i < N - 1; i++)
		if (part[i])
			pkg.files[pkg.n++] = (pkg_file){ xstrdup(names[i]), xstrndup(part[i], len[i]), len[i] };

	char **listed, **hashes, *err = NULL;
	size_t n;
	if (package_sums_parse(pkg.sums, pkg.sums_len, "SHA256SUMS", &listed, &hashes, &n, &err) == 0) {
		for (size_t i = 0; i < n; i++)
			free(listed[i]), free(hashes[i]);
		free(listed), free(hashes);
	}
	free(err);
	err = NULL;
	package_check_sums(&pkg, &err);
	free(err);

	pkg_import r = { .dir = xstrdup("fuzz") };
	enum sign_state sig;
	uint8_t key[SIGN_KEY_SIZE];
	pkg_check(&pkg, "2024-06-15T12:00:00", &r, &sig, key);
	/* The tables are read whatever the manifest said, as far as its period lets them. */
	free(r.reason);
	r.reason = NULL;
	if (r.period) {
		pkg_reader rd = { .r = &r, .pkg = &pkg, .created_at = r.created_at };
		pkg_read_tables(&rd);
	}
	pkg_import_clear(&r);

	char *text = part[N - 1] ? xstrndup(part[N - 1], len[N - 1]) : xstrdup("");
	receipt rc;
	receipt_parse(text, &rc);
	receipt_clear(&rc);
	free(text);
	pkg_in_free(&pkg);
	return 0;
}
