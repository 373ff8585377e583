/* Whose a database, a package or a line of the district's list is: a code,
 * a name and a district. Every place one comes in (init, the setup form,
 * the district's list of schools, a package's manifest) checks it here, so
 * that none can carry a line break into a file written later or a control
 * character onto a terminal. Domain layer. */
#ifndef ORIENTIR_IDENTITY_H
#define ORIENTIR_IDENTITY_H

enum identity_field { ID_CODE, ID_NAME, ID_DISTRICT };

#define IDENTITY_MAX_CODE 32	/* characters */
#define IDENTITY_MAX_NAME 250

/* Checks one field: not empty (but the district may be), not too long, no
 * control character, line break or broken UTF-8; a code neither starts
 * with a dot nor holds a slash or backslash (it names a folder). 0, or -1 with *err
 * (translated, naming the field and showing the value escaped). */
int identity_check_field(enum identity_field f, const char *value, char **err);
/* Checks code, name and district (NULL: none) in that order: 0, or -1 with
 * *err and the first bad field in *bad. */
int identity_check(const char *code, const char *name, const char *district, enum identity_field *bad, char **err);

#endif
