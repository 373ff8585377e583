/* libFuzzer target: the .docx and .odt readers (zipxml, opc, doctable) on
 * any bytes, written to a file as they would come on a stick. Bytes that
 * are a zip go as they are; others become the text of a document — Word's
 * document.xml, or LibreOffice's content.xml, by the first byte — so that
 * the XML readers are reached past the zip's checksums. Built by 'make
 * fuzz' when clang is found; seeds in tests/fuzz/corpus/doctable (made by
 * tests/make-roadmap-docs.py). Tighter limits than the program's, so that
 * a run spends its time on shapes, not on inflating. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "doctable.h"

static const zipxml_limits limits = {
	.file_bytes = 4 * 1024 * 1024,
	.member_bytes = 4 * 1024 * 1024,
	.total_bytes = 8 * 1024 * 1024,
	.text_bytes = 1024 * 1024,
	.token_bytes = 1024 * 1024,
	.elements = 200000,
	.depth = 256,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void add(zip_t *z, const char *name, const void *data, size_t size)
{
	zip_source_t *src = zip_source_buffer(z, data, size, 0);
	if (src && zip_file_add(z, name, src, ZIP_FL_OVERWRITE) < 0)
		zip_source_free(src);
}

/* A document at path whose text is xml: 1 written, 0 not. */
static int wrap(const char *path, int odt, const uint8_t *xml, size_t size)
{
	static const char types[] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
	static const char rels[] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				   "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
				   "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
	static const char mime[] = "application/vnd.oasis.opendocument.text";
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
	if (!z)
		return 0;
	if (odt) {
		add(z, "mimetype", mime, strlen(mime));
		add(z, "content.xml", xml, size);
	} else {
		add(z, "[Content_Types].xml", types, strlen(types));
		add(z, "_rels/.rels", rels, strlen(rels));
		add(z, "word/document.xml", xml, size);
	}
	return zip_close(z) == 0 || (zip_discard(z), 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/fuzz-doctable-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	size_t done = 0;
	int zip = size >= 2 && data[0] == 'P' && data[1] == 'K';
	while (zip && done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	close(fd);
	if (!zip && (size < 1 || !wrap(path, data[0] & 1, data + 1, size - 1))) {
		unlink(path);
		return 0;
	}
	doctable d;
	enum doctable_format format;
	char *err = NULL;
	if (doctable_read(path, &limits, &d, &format, &err) == 0) {
		/* Every table laid on its grid, as the roadmap's reader does. */
		for (size_t i = 0; i < d.ntables; i++)
			free(doctable_grid(&d.tables[i]));
		doctable_free(&d);
	}
	free(err);
	unlink(path);
	return 0;
}
