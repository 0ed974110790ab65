-- The line at which a file holds a payment it does not own, so that a payment passed on to that
-- file when its owner is retired names the file's own line (支付明细 shows file and line). Holdings
-- stored before this version have no line: a payment passed on from them shows its file without one.
ALTER TABLE file_payment ADD COLUMN line_no BIGINT;
ALTER TABLE disbursement ALTER COLUMN source_line DROP NOT NULL;
