#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "keyval.h"
#include "package-write.h"
#include "receipt.h"

#define RECEIPT_FORMAT "orientir-receipt-1"

int receipt_write(const char *dir, const receipt *r, char **err)
{
	char *text;
	size_t len;
	FILE *fp = open_memstream(&text, &len);
	if (!fp) {
		*err = xasprintf(_("out of memory"));
		return -1;
	}
	fprintf(fp, "format: %s\nschool_code: %s\nperiod: %s\ncreated_at: %s\ndigest: %s\nreceived_at: %s\n"
		    "received_by: %s\noutcome: %s\n",
		RECEIPT_FORMAT, r->school_code, r->period, r->created_at, r->digest, r->received_at, r->received_by,
		r->outcome);
	for (int i = 0; i < r->nremarks; i++)
		fprintf(fp, "remark: %s\n", r->remarks[i]);
	fclose(fp);
	int rc = package_put_file(dir, RECEIPT_FILE, text, len, err);
	free(text);
	return rc;
}

int receipt_read(const char *dir, receipt *out)
{
	*out = (receipt){ 0 };
	char *text = package_read_file(dir, RECEIPT_FILE, NULL);
	if (!text)
		return 0;
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
	}
	free(text);
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
	if (strcmp(outcome, "refused") == 0)
		return _("refused");
	return outcome;
}
