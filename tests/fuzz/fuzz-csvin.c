/* libFuzzer target: the CSV reader (csvin) on any bytes, as every import
 * and the district's reading of a package's tables meet it: encoding and
 * delimiter detection, quoting, line counting, the header mapped onto
 * columns with aliases, every row's cells and fields read. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/csvin.h"

static const csvin_col cols[] = {
	{ "procedure", "процедура|вид работы" }, { "subject", "предмет" }, { "year", "год" },
	{ "class", "класс" }, { "student_code", "код|код участника" }, { "score", "балл" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *err = NULL, *unknown = NULL;
	csvin *in = csvin_open_mem("fuzz.csv", (const char *)data, size, &err);
	if (!in) {
		free(err);
		return 0;
	}
	if (csvin_header(in, cols, sizeof cols / sizeof *cols, &err, &unknown) == 0) {
		char *list = csvin_header_list(in);
		free(list);
		csvin_row *row;
		size_t total = 0;
		while (csvin_next(in, &row, &err) == 1)
			for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
				if (row->field[i])
					total += strlen(row->field[i]);
		(void)total;
	}
	free(unknown);
	free(err);
	csvin_close(in);
	return 0;
}
