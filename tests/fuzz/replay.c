/* Runs a fuzz target once on each file named, as libFuzzer would, under
 * the build's own compiler and sanitizers: make check replays every seed
 * and every input a fuzzing run once crashed on, so a crash found stays
 * fixed without clang. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (!fp) {
			perror(argv[i]);
			return 1;
		}
		uint8_t *data = NULL;
		size_t len = 0, cap = 0, got;
		do {
			if (len == cap)
				data = realloc(data, cap = cap ? cap * 2 : 65536);
			if (!data)
				return 1;
			got = fread(data + len, 1, cap - len, fp);
			len += got;
		} while (got > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	return 0;
}
