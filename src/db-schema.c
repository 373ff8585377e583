/* Numbered migrations. Each runs in its own transaction; PRAGMA user_version
 * says how many have run. Never edit one that has shipped: add the next. */
#include "config.h"

#include <stddef.h>

#include "db-schema.h"

static const char *const migrations[] = {
	/* 1: the school, its pupils, assessments and results. Columns sort and
	 * search through the RU collation and ru_fold() in queries, never in the
	 * schema, so that any SQLite tool can still open the file. */
	"CREATE TABLE school ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  code TEXT NOT NULL, name TEXT NOT NULL, district TEXT NOT NULL DEFAULT '',"
	"  role TEXT NOT NULL CHECK (role IN ('school', 'district')),"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE procedure ("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '',"
	"  aliases TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 1000);"
	"CREATE TABLE subject ("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	"  aliases TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 1000);"
	"CREATE TABLE class ("
	"  id INTEGER PRIMARY KEY,"
	"  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 11),"
	"  letter TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (grade, letter));"
	"CREATE TABLE student ("
	"  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
	"  last_name TEXT NOT NULL DEFAULT '', first_name TEXT NOT NULL DEFAULT '',"
	"  middle_name TEXT NOT NULL DEFAULT '',"
	"  name_key TEXT NOT NULL DEFAULT '',"	/* ru_fold of the full name, for matching */
	"  class_id INTEGER REFERENCES class(id),"	/* NULL once the pupil has left */
	"  left_on TEXT,"
	"  risk_group INTEGER NOT NULL DEFAULT 0 CHECK (risk_group IN (0, 1)),"
	"  individual_route INTEGER NOT NULL DEFAULT 0 CHECK (individual_route IN (0, 1)),"
	"  extra_lessons INTEGER NOT NULL DEFAULT 0 CHECK (extra_lessons IN (0, 1)));"
	"CREATE INDEX student_name ON student (name_key, class_id);"
	"CREATE INDEX student_class ON student (class_id);"
	"CREATE TABLE assessment ("
	"  id INTEGER PRIMARY KEY,"
	"  procedure_id INTEGER NOT NULL REFERENCES procedure(id),"
	"  subject_id INTEGER NOT NULL REFERENCES subject(id),"
	"  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 11),"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
	"  max_score REAL NOT NULL, min_score REAL NOT NULL,"
	"  score4 REAL, score5 REAL,"
	"  high_score REAL,"	/* NULL: score5 is the high level */
	"  avg_score REAL,"
	"  CHECK (0 <= min_score AND min_score <= max_score),"
	"  UNIQUE (procedure_id, subject_id, grade, year));"
	/* Clustered by assessment: a year's indicators and a class's grid read
	 * contiguous pages. No index by pupil: a school's few thousand results
	 * scan in milliseconds, and every import would pay to keep one. */
	"CREATE TABLE result ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
	"  student_id INTEGER NOT NULL REFERENCES student(id),"
	"  class TEXT NOT NULL,"	/* the class the pupil wrote it in, kept as it was */
	"  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),"
	"  score REAL, mark INTEGER CHECK (mark BETWEEN 1 AND 5),"
	"  journal_mark INTEGER CHECK (journal_mark BETWEEN 1 AND 5),"
	"  taken_on TEXT,"
	"  CHECK (absent = 1 OR score IS NOT NULL),"
	"  PRIMARY KEY (assessment_id, student_id)) WITHOUT ROWID;",

	/* 2: rows typed into the results grid but not yet saved with F2. Each
	 * is written as the cursor leaves it, so a killed terminal loses at
	 * most the row being typed; F2 moves them into result at once. */
	"CREATE TABLE draft ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,"
	"  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),"
	"  score REAL, mark INTEGER CHECK (mark BETWEEN 1 AND 5),"
	"  journal_mark INTEGER CHECK (journal_mark BETWEEN 1 AND 5),"
	"  cleared INTEGER NOT NULL DEFAULT 0 CHECK (cleared IN (0, 1)),"	/* the row was emptied */
	"  PRIMARY KEY (assessment_id, student_id)) WITHOUT ROWID;",

	/* 3: the district's roadmap as imported, the school's progress on its
	 * activities, and the methodical events held. One roadmap is current;
	 * importing a corrected version updates it in place. */
	"CREATE TABLE roadmap ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  title TEXT NOT NULL DEFAULT '',"
	"  first_year INTEGER NOT NULL, last_year INTEGER NOT NULL,"
	"  source TEXT NOT NULL DEFAULT '',"	/* the file it came from */
	"  preamble TEXT NOT NULL DEFAULT '',"	/* text above the table: order, goal, tasks */
	"  imported_at TEXT NOT NULL,"
	"  CHECK (first_year <= last_year));"
	"CREATE TABLE roadmap_section ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL DEFAULT '', title TEXT NOT NULL,"
	"  notes TEXT NOT NULL DEFAULT '',"	/* one-cell rows under the heading */
	"  sort INTEGER NOT NULL);"
	"CREATE TABLE activity ("
	"  id INTEGER PRIMARY KEY,"
	"  section_id INTEGER REFERENCES roadmap_section(id) ON DELETE SET NULL,"
	"  number TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',"
	"  deadline_text TEXT NOT NULL DEFAULT '',"
	"  start INTEGER, end INTEGER,"	/* YYYYMMDD; NULL: the text holds no date */
	"  recurrence TEXT NOT NULL DEFAULT '',"
	"  responsible TEXT NOT NULL DEFAULT '', expected_result TEXT NOT NULL DEFAULT '',"
	"  sort INTEGER NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'planned'"
	"    CHECK (status IN ('planned', 'in_progress', 'done', 'not_done', 'cancelled')),"
	"  done_on TEXT, evidence TEXT NOT NULL DEFAULT '', participants INTEGER);"
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  held_on TEXT NOT NULL, kind TEXT NOT NULL, topic TEXT NOT NULL DEFAULT '',"
	"  participants INTEGER,"
	"  activity_id INTEGER REFERENCES activity(id) ON DELETE SET NULL);"
	"CREATE INDEX event_activity ON event (activity_id);",

	/* 4: teachers, their diagnostics of professional competence and their
	 * in-service training courses. */
	"CREATE TABLE teacher ("
	"  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
	"  last_name TEXT NOT NULL DEFAULT '', first_name TEXT NOT NULL DEFAULT '',"
	"  middle_name TEXT NOT NULL DEFAULT '', subjects TEXT NOT NULL DEFAULT '',"
	"  young_specialist INTEGER NOT NULL DEFAULT 0 CHECK (young_specialist IN (0, 1)),"
	"  diagnostics_date TEXT, diagnostics_result TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE course ("
	"  id INTEGER PRIMARY KEY,"
	"  teacher_id INTEGER NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,"
	"  topic TEXT NOT NULL, hours INTEGER, taken_on TEXT,"
	"  UNIQUE (teacher_id, topic, taken_on));",

	/* 5: the learning risk group: why each pupil is in it, the individual
	 * route and extra lessons in detail, notes of progress, proposals the
	 * deputy head dismissed, and spells in the group — kept by triggers,
	 * whoever changes the flag — so its size on any day can be told. */
	"ALTER TABLE student ADD COLUMN risk_reason TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE student ADD COLUMN route_on TEXT;"
	"ALTER TABLE student ADD COLUMN route_teacher TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE student ADD COLUMN route_text TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE student ADD COLUMN extra_subject TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE student ADD COLUMN extra_teacher TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE risk_spell ("
	"  id INTEGER PRIMARY KEY,"
	"  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,"
	"  from_on TEXT NOT NULL, to_on TEXT);"
	"CREATE INDEX risk_spell_student ON risk_spell (student_id);"
	"INSERT INTO risk_spell (student_id, from_on)"
	"  SELECT id, date('now', 'localtime') FROM student WHERE risk_group = 1;"
	"CREATE TRIGGER risk_in_new AFTER INSERT ON student WHEN NEW.risk_group = 1 BEGIN"
	"  INSERT INTO risk_spell (student_id, from_on) VALUES (NEW.id, date('now', 'localtime')); END;"
	"CREATE TRIGGER risk_in AFTER UPDATE OF risk_group ON student"
	"  WHEN NEW.risk_group = 1 AND OLD.risk_group = 0 BEGIN"
	"  INSERT INTO risk_spell (student_id, from_on) VALUES (NEW.id, date('now', 'localtime')); END;"
	"CREATE TRIGGER risk_out AFTER UPDATE OF risk_group ON student"
	"  WHEN NEW.risk_group = 0 AND OLD.risk_group = 1 BEGIN"
	"  UPDATE risk_spell SET to_on = date('now', 'localtime') WHERE student_id = NEW.id AND to_on IS NULL; END;"
	"CREATE TABLE risk_dismissal ("
	"  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,"
	"  year INTEGER NOT NULL, dismissed_on TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (student_id, year)) WITHOUT ROWID;"
	"CREATE TABLE risk_note ("
	"  id INTEGER PRIMARY KEY,"
	"  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,"
	"  noted_on TEXT NOT NULL, text TEXT NOT NULL);",

	/* 6: the district office. The schools it expects reports from (from
	 * the packages and from the methodist's own list); for every school
	 * and half-year the newest package received and what it held; and,
	 * for every school and year, the results of the newest package that
	 * carried that year. Procedures and subjects are kept by name, as the
	 * schools wrote them: the district has no reference tables of its own. */
	"CREATE TABLE d_school ("
	"  code TEXT PRIMARY KEY, name TEXT NOT NULL,"
	"  listed INTEGER NOT NULL DEFAULT 0 CHECK (listed IN (0, 1)),"	/* on the methodist's list */
	"  other_name TEXT,"	/* a package named it differently: to be confirmed */
	"  added_on TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE d_package ("
	"  id INTEGER PRIMARY KEY,"
	"  school_code TEXT NOT NULL REFERENCES d_school(code) ON UPDATE CASCADE,"
	"  period TEXT NOT NULL, school_name TEXT NOT NULL, district TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL, app_version TEXT NOT NULL DEFAULT '',"
	"  digest TEXT NOT NULL,"	/* SHA-256 of its SHA256SUMS: the same package has the same one */
	"  received_at TEXT NOT NULL,"	/* this version */
	"  first_received_at TEXT NOT NULL,"	/* the first version: on time or late is judged by it */
	"  source TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (school_code, period));"
	"CREATE TABLE d_indicator ("
	"  package_id INTEGER NOT NULL REFERENCES d_package(id) ON DELETE CASCADE,"
	"  code TEXT NOT NULL, procedure TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '',"
	"  grade INTEGER, year INTEGER NOT NULL, num INTEGER, den INTEGER, percent REAL);"
	"CREATE INDEX d_indicator_package ON d_indicator (package_id);"
	"CREATE TABLE d_activity ("
	"  package_id INTEGER NOT NULL REFERENCES d_package(id) ON DELETE CASCADE,"
	"  sort INTEGER NOT NULL, section TEXT NOT NULL DEFAULT '', number TEXT NOT NULL DEFAULT '',"
	"  title TEXT NOT NULL DEFAULT '', deadline_text TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT '', done_on TEXT, overdue INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX d_activity_package ON d_activity (package_id);"
	"CREATE TABLE d_result_source ("
	"  school_code TEXT NOT NULL REFERENCES d_school(code) ON UPDATE CASCADE,"
	"  year INTEGER NOT NULL, period TEXT NOT NULL, created_at TEXT NOT NULL,"
	"  PRIMARY KEY (school_code, year)) WITHOUT ROWID;"
	"CREATE TABLE d_result ("
	"  school_code TEXT NOT NULL, year INTEGER NOT NULL,"
	"  procedure TEXT NOT NULL, subject TEXT NOT NULL, grade INTEGER NOT NULL,"
	"  student TEXT NOT NULL, class TEXT NOT NULL DEFAULT '',"
	"  absent INTEGER NOT NULL DEFAULT 0, score REAL, mark INTEGER, journal_mark INTEGER,"
	"  max_score REAL, min_score REAL, high_score REAL,"
	"  PRIMARY KEY (school_code, year, procedure, subject, grade, student),"
	"  FOREIGN KEY (school_code, year) REFERENCES d_result_source (school_code, year)"
	"    ON DELETE CASCADE ON UPDATE CASCADE) WITHOUT ROWID;",

	/* 7: the risk group's spells are written by the store (db-risk.c) on the
	 * day day_today() says, so that ORIENTIR_TODAY fixes them as it fixes
	 * everything else: the triggers of 5 took SQLite's own clock. */
	"DROP TRIGGER risk_in_new;"
	"DROP TRIGGER risk_in;"
	"DROP TRIGGER risk_out;",

	/* 8: signatures. The database's own Ed25519 key (made at init, or on
	 * first need for a database of an earlier version), kept here because
	 * the file is the user's alone; a school keeps the district's key in
	 * the setting "district.key". A district pins each school's public key
	 * (hex) and keeps the packages it cannot take without the methodist's
	 * word — an unknown school, another key, no signature where a key is
	 * pinned — whole, with the decision once taken. */
	"CREATE TABLE own_key ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  public BLOB NOT NULL CHECK (length(public) = 32),"
	"  private BLOB NOT NULL CHECK (length(private) = 32),"
	"  made_at TEXT NOT NULL);"
	"ALTER TABLE d_school ADD COLUMN key TEXT;"	/* hex of the pinned public key; NULL: none yet */
	"ALTER TABLE d_school ADD COLUMN key_since TEXT;"
	"CREATE TABLE d_held ("
	"  id INTEGER PRIMARY KEY,"
	"  school_code TEXT NOT NULL, school_name TEXT NOT NULL, period TEXT NOT NULL,"
	"  created_at TEXT NOT NULL, digest TEXT NOT NULL UNIQUE,"
	"  key TEXT NOT NULL DEFAULT '',"	/* the signer's public key, hex; '' unsigned */
	"  reason TEXT NOT NULL CHECK (reason IN ('unknown_school', 'other_key', 'unsigned')),"
	"  received_at TEXT NOT NULL, source TEXT NOT NULL DEFAULT '',"
	"  decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'accepted', 'rejected')),"
	"  decided_at TEXT);"
	"CREATE TABLE d_held_file ("
	"  held_id INTEGER NOT NULL REFERENCES d_held(id) ON DELETE CASCADE,"
	"  sort INTEGER NOT NULL, name TEXT NOT NULL, data BLOB NOT NULL,"
	"  PRIMARY KEY (held_id, sort)) WITHOUT ROWID;",
	/* 9: every roadmap kept. A roadmap for other years is a roadmap of
	 * its own, with its sections, activities and progress; the same years
	 * again are a corrected version of it. Each also keeps the number and
	 * date of the order approving it. The district's copies of the
	 * schools' activities say which roadmap (its years) each is of. */
	"CREATE TABLE roadmap_new ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  first_year INTEGER NOT NULL, last_year INTEGER NOT NULL,"
	"  source TEXT NOT NULL DEFAULT '',"
	"  preamble TEXT NOT NULL DEFAULT '',"
	"  imported_at TEXT NOT NULL,"
	"  order_number TEXT NOT NULL DEFAULT '',"
	"  order_date TEXT NOT NULL DEFAULT '',"	/* YYYY-MM-DD or '' */
	"  CHECK (first_year <= last_year),"
	"  UNIQUE (first_year, last_year));"
	"INSERT INTO roadmap_new (id, title, first_year, last_year, source, preamble, imported_at)"
	"  SELECT id, title, first_year, last_year, source, preamble, imported_at FROM roadmap;"
	"DROP TABLE roadmap;"
	"ALTER TABLE roadmap_new RENAME TO roadmap;"
	"ALTER TABLE roadmap_section ADD COLUMN roadmap_id INTEGER REFERENCES roadmap(id) ON DELETE CASCADE;"
	"UPDATE roadmap_section SET roadmap_id = (SELECT min(id) FROM roadmap);"
	"ALTER TABLE activity ADD COLUMN roadmap_id INTEGER REFERENCES roadmap(id) ON DELETE CASCADE;"
	"UPDATE activity SET roadmap_id = (SELECT min(id) FROM roadmap);"
	"CREATE INDEX activity_roadmap ON activity (roadmap_id, sort);"
	"CREATE INDEX roadmap_section_roadmap ON roadmap_section (roadmap_id, sort);"
	"ALTER TABLE d_activity ADD COLUMN roadmap_years TEXT NOT NULL DEFAULT '';",

	/* 10: ВПР task by task (issue 14). What each task of an assessment is
	 * (from the ФИС ОКО form and the task map), and each pupil's scores in
	 * them: one row per result, the scores in the tasks' order, as the form
	 * holds them — a year's analysis reads a school's rows in one pass. The
	 * district keeps the schools' task scores per school and year as it
	 * keeps their results (long rows, a task each), the tasks they name,
	 * and the signs of biased results each school's package reports. */
	"CREATE TABLE task ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  sort INTEGER NOT NULL,"	/* its place in the form, from 1 */
	"  number TEXT NOT NULL,"	/* as the form heads it: 1, 3.1, 4(1), К1 */
	"  max_score REAL NOT NULL CHECK (max_score > 0),"
	"  skill TEXT NOT NULL DEFAULT '', block TEXT NOT NULL DEFAULT '',"
	"  level TEXT NOT NULL DEFAULT '',"	/* Б, П or В */
	"  reference_percent REAL,"	/* the region's (else the country's) completion */
	"  district_percent REAL,"	/* the district's, when the map gives it */
	"  PRIMARY KEY (assessment_id, sort), UNIQUE (assessment_id, number)) WITHOUT ROWID;"
	"CREATE TABLE task_score ("
	"  assessment_id INTEGER NOT NULL, student_id INTEGER NOT NULL,"
	"  class TEXT NOT NULL,"	/* the class whose form gave them: a corrected form replaces its class's */
	"  scores TEXT NOT NULL,"	/* '2 0 1 1': a number per task, in the tasks' order; '' absent */
	"  PRIMARY KEY (assessment_id, student_id),"
	"  FOREIGN KEY (assessment_id, student_id) REFERENCES result (assessment_id, student_id)"
	"    ON DELETE CASCADE) WITHOUT ROWID;"
	"CREATE INDEX task_score_class ON task_score (assessment_id, class);"
	"CREATE TABLE d_task ("
	"  school_code TEXT NOT NULL, year INTEGER NOT NULL,"
	"  procedure TEXT NOT NULL, subject TEXT NOT NULL, grade INTEGER NOT NULL,"
	"  number TEXT NOT NULL, sort INTEGER NOT NULL, max_score REAL NOT NULL,"
	"  skill TEXT NOT NULL DEFAULT '', block TEXT NOT NULL DEFAULT '', level TEXT NOT NULL DEFAULT '',"
	"  reference_percent REAL,"
	"  PRIMARY KEY (school_code, year, procedure, subject, grade, number),"
	"  FOREIGN KEY (school_code, year) REFERENCES d_result_source (school_code, year)"
	"    ON DELETE CASCADE ON UPDATE CASCADE) WITHOUT ROWID;"
	"CREATE TABLE d_task_score ("
	"  school_code TEXT NOT NULL, year INTEGER NOT NULL,"
	"  procedure TEXT NOT NULL, subject TEXT NOT NULL, grade INTEGER NOT NULL,"
	"  student TEXT NOT NULL, number TEXT NOT NULL, score REAL NOT NULL,"
	"  PRIMARY KEY (school_code, year, procedure, subject, grade, student, number),"
	"  FOREIGN KEY (school_code, year) REFERENCES d_result_source (school_code, year)"
	"    ON DELETE CASCADE ON UPDATE CASCADE) WITHOUT ROWID;"
	"CREATE TABLE d_objectivity ("
	"  school_code TEXT NOT NULL, year INTEGER NOT NULL,"
	"  procedure TEXT NOT NULL, subject TEXT NOT NULL, grade INTEGER NOT NULL,"
	"  participants INTEGER NOT NULL, peak_at REAL,"	/* NULL: no peak */
	"  lowered REAL, confirmed REAL, raised REAL,"	/* percents of those compared */
	"  flag INTEGER NOT NULL DEFAULT 0 CHECK (flag IN (0, 1)),"
	"  PRIMARY KEY (school_code, year, procedure, subject, grade),"
	"  FOREIGN KEY (school_code, year) REFERENCES d_result_source (school_code, year)"
	"    ON DELETE CASCADE ON UPDATE CASCADE) WITHOUT ROWID;",

	/* 11: the counts the low-results rule and the district's indicators
	 * read (per school, year, procedure and subject: participants, below
	 * the minimum, high level, marks against the journal), counted by the
	 * import as it reads a package's results (share-tally.c) and kept
	 * with them, so the rule does not go through every pupil's result
	 * each time it is read. The results held are counted once here. */
	"CREATE TABLE d_share ("
	"  school_code TEXT NOT NULL, year INTEGER NOT NULL, procedure TEXT NOT NULL, subject TEXT NOT NULL,"
	"  participants INTEGER NOT NULL, below INTEGER NOT NULL, high_known INTEGER NOT NULL,"
	"  high INTEGER NOT NULL, compared INTEGER NOT NULL, lowered INTEGER NOT NULL,"
	"  confirmed INTEGER NOT NULL, raised INTEGER NOT NULL,"
	"  PRIMARY KEY (school_code, year, procedure, subject)) WITHOUT ROWID;"
	SHARES_FROM_RESULTS
	"CREATE INDEX d_share_year ON d_share (year);",

	/* 12: the files of every package a district
	 * takes in, as they came (SHA256SUMS, SIGNATURE and the files it
	 * lists), so that its consolidated export can carry them to the region
	 * byte for byte; they go with their package when a newer version
	 * replaces it. A region does not keep them (db-region.c has no such
	 * table): it exports nothing further. */
	"CREATE TABLE d_package_file ("
	"  package_id INTEGER NOT NULL REFERENCES d_package(id) ON DELETE CASCADE,"
	"  sort INTEGER NOT NULL, name TEXT NOT NULL, data BLOB NOT NULL,"
	"  PRIMARY KEY (package_id, sort)) WITHOUT ROWID;",
};

int db_schema_count(void)
{
	return (int)(sizeof migrations / sizeof *migrations);
}

const char *db_schema_migration(int version)
{
	return version >= 1 && version <= db_schema_count() ? migrations[version - 1] : NULL;
}
