-- The project code of a rejected line (normalised as the ingest normalises codes), when the line has one:
-- a unit's report lists the rejected lines of its own projects. Null for lines without a code, whole
-- files, and lines rejected before this column existed (those stay with the finance department's lists).
ALTER TABLE rejected_row ADD COLUMN project_code VARCHAR(64);
