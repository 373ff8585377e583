/* The Open Packaging Conventions that .docx and .xlsx share: which member
 * of the zip is the document itself, and what a part refers to (its
 * styles, its numbering, a workbook's sheets) through its relationships.
 * io layer: never prints. */
#ifndef ORIENTIR_OPC_H
#define ORIENTIR_OPC_H

#include <stddef.h>

#include "zipxml.h"

typedef struct opc_rel {
	char *id, *type;
	char *target;		/* the member it names, resolved against the part's folder */
} opc_rel;

/* The relationships of part ("" for the package's own, _rels/.rels),
 * links outside the package left out: 0 (none is no error), -1 with *err. */
int opc_rels(zipxml *z, const char *part, opc_rel **out, size_t *n, char **err);
void opc_rels_free(opc_rel *v, size_t n);
/* The target of the first relationship whose type ends with suffix
 * ("/officeDocument", "/styles"), or NULL; not fresh. */
const char *opc_target(const opc_rel *v, size_t n, const char *suffix);

#endif
