-- What the plan step states every night (how many projects and indicators are stored, and in which unit their
-- checkpoints were read), recorded when the plan files are stored: they change only then, and counting and
-- grouping a province's tables again each night cost a quarter of a second on H2. Loads recorded before this
-- migration have none; the plan step counts for them.
ALTER TABLE plan_load ADD COLUMN project_count INTEGER;
ALTER TABLE plan_load ADD COLUMN indicator_count INTEGER;
ALTER TABLE plan_load ADD COLUMN unit_notes VARCHAR(100000);
