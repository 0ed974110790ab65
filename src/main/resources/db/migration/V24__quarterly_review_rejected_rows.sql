-- How many rejected lines the run that issued a quarterly review reported (lines not counted in its
-- figures), so that a reprint states them as they were when it was signed. NULL: issued before this.
ALTER TABLE quarterly_review ADD COLUMN rejected_rows INTEGER;
