#ifndef ORIENTIR_DB_SCHEMA_H
#define ORIENTIR_DB_SCHEMA_H
/* How many migrations there are, and the SQL of migration 1..count. */
int db_schema_count(void);
const char *db_schema_migration(int version);
#endif
