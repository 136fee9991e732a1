-- The schema of a new workshop file (format version 6), as `sqlite3 NAME.workshop .schema`
-- would show it. Files of earlier versions are brought to exactly this when opened to edit.

CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE TABLE "activity" (
   "id" INTEGER PRIMARY KEY,
   "at" TEXT NOT NULL,
   "source" TEXT NOT NULL,
   "device_id" TEXT,
   "name" TEXT,
   "msgid" TEXT NOT NULL,
   "params" TEXT
);

CREATE TABLE "attendees" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT NOT NULL,
   "position" REAL,
   "team_id" TEXT REFERENCES "teams"("id"),
   "role" TEXT,
   "email" TEXT,
   "phone" TEXT,
   "consent_to_share" INTEGER
);

CREATE TABLE "check_ins" (
   "id" TEXT PRIMARY KEY,
   "held_on" TEXT NOT NULL,
   "came" TEXT,
   "reviewed" TEXT,
   "notes" TEXT,
   "next_on" TEXT
);

CREATE TABLE "columns" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT NOT NULL,
   "position" REAL,
   "is_done" INTEGER
);

CREATE TABLE "devices" (
   "id" TEXT PRIMARY KEY,
   "joined_at" TEXT NOT NULL,
   "name" TEXT,
   "team_id" TEXT REFERENCES "teams"("id"),
   "blocked" INTEGER,
   "active" INTEGER,
   "attendee_id" TEXT REFERENCES "attendees"("id")
);

CREATE TABLE "dots" (
   "id" TEXT PRIMARY KEY,
   "round_id" TEXT NOT NULL REFERENCES "rounds"("id"),
   "device_id" TEXT NOT NULL REFERENCES "devices"("id"),
   "solution_id" TEXT NOT NULL REFERENCES "solutions"("id")
);

CREATE TABLE "finished" (
   "id" TEXT PRIMARY KEY,
   "round_id" TEXT NOT NULL REFERENCES "rounds"("id"),
   "device_id" TEXT NOT NULL REFERENCES "devices"("id")
);

CREATE TABLE "follow_ups" (
   "id" TEXT PRIMARY KEY,
   "problem_id" TEXT NOT NULL REFERENCES "problems"("id"),
   "text" TEXT NOT NULL,
   "position" REAL,
   "owner_id" TEXT REFERENCES "attendees"("id"),
   "due" TEXT,
   "check_in" TEXT
, "status" TEXT NOT NULL DEFAULT 'open', "outcome" TEXT NOT NULL DEFAULT '');

CREATE TABLE "ideas" (
   "id" TEXT PRIMARY KEY,
   "number" INTEGER NOT NULL,
   "problem_id" TEXT NOT NULL REFERENCES "problems"("id"),
   "device_id" TEXT NOT NULL REFERENCES "devices"("id"),
   "text" TEXT NOT NULL,
   "sent_at" TEXT NOT NULL,
   "state" TEXT NOT NULL,
   "solution_id" TEXT REFERENCES "solutions"("id"),
   "round_id" TEXT REFERENCES "rounds"("id"),
   "request_id" TEXT
);

CREATE TABLE "problems" (
   "id" TEXT PRIMARY KEY,
   "number" INTEGER NOT NULL,
   "title" TEXT NOT NULL,
   "column_id" TEXT NOT NULL REFERENCES "columns"("id"),
   "position" REAL,
   "customer" TEXT,
   "description" TEXT,
   "stalled_because" TEXT,
   "team_ids" TEXT,
   "tags" TEXT,
   "color" TEXT
);

CREATE TABLE "revision" (
   "id" INTEGER PRIMARY KEY,
   "value" INTEGER
);

CREATE TABLE "rounds" (
   "id" TEXT PRIMARY KEY,
   "round_kind" TEXT NOT NULL,
   "started_at" TEXT NOT NULL,
   "problem_id" TEXT REFERENCES "problems"("id"),
   "dots" INTEGER,
   "hidden" INTEGER,
   "revealed" INTEGER,
   "ended_at" TEXT
);

CREATE TABLE "settings" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);

CREATE TABLE "solutions" (
   "id" TEXT PRIMARY KEY,
   "problem_id" TEXT NOT NULL REFERENCES "problems"("id"),
   "text" TEXT NOT NULL,
   "position" REAL,
   "proposer_id" TEXT REFERENCES "attendees"("id"),
   "team_ids" TEXT,
   "status" TEXT,
   "votes" INTEGER
);

CREATE TABLE "teams" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT NOT NULL,
   "color" TEXT,
   "position" REAL
);

CREATE TABLE "workshop" (
   "id" TEXT PRIMARY KEY,
   "title" TEXT NOT NULL,
   "venue" TEXT,
   "starts_at" TEXT,
   "ends_at" TEXT,
   "timezone" TEXT,
   "facilitator" TEXT,
   "goal" TEXT,
   "ground_rules" TEXT,
   "invitation" TEXT
, "language" TEXT NOT NULL DEFAULT 'en');

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE INDEX "idx_check_ins_held_on"
    ON "check_ins" ("held_on");

CREATE UNIQUE INDEX "idx_dots_round_id_device_id_solution_id"
    ON "dots" ("round_id", "device_id", "solution_id");

CREATE UNIQUE INDEX "idx_finished_round_id_device_id"
    ON "finished" ("round_id", "device_id");

CREATE INDEX "idx_follow_ups_problem_id"
    ON "follow_ups" ("problem_id");

CREATE UNIQUE INDEX "idx_ideas_number"
    ON "ideas" ("number");

CREATE INDEX "idx_ideas_problem_id"
    ON "ideas" ("problem_id");

CREATE INDEX "idx_problems_column_id_position"
    ON "problems" ("column_id", "position");

CREATE UNIQUE INDEX "idx_problems_number"
    ON "problems" ("number");

CREATE INDEX "idx_solutions_problem_id"
    ON "solutions" ("problem_id");
