-- The date of the progress line an indicator's value comes from, so that a review can say how old a
-- value is (a September value shown at 12-31 is marked as such). Reviews issued before have none.
ALTER TABLE quarterly_review_indicator ADD COLUMN value_date DATE;
