/* libFuzzer target: the Russian deadline parser on any text. The first
 * byte picks the roadmap's years (one year, or two to five), the rest is
 * the deadline cell. Checks that a window found lies in order. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/common.h"
#include "../../src/deadline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int first = 2018 + data[0] % 8, last = first + (data[0] >> 3) % 5;
	char *text = xstrndup((const char *)data + 1, size - 1);
	deadline d;
	deadline_parse(text, first, last, &d);
	if ((d.start == 0) != (d.end == 0) || d.start > d.end)
		abort();
	(void)deadline_recur_name(d.recur);
	free(text);
	return 0;
}
