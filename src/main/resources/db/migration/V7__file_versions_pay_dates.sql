-- The pay dates a file version covers. Many payment systems write the same file name every day
-- (export.csv): a changed file under a known name is a correction of the versions whose pay-date
-- range it covers, and a new export otherwise (see InboxReader, README "Files, corrections and the
-- archive"). Empty when no line of the file has a readable date.
ALTER TABLE ingested_file ADD COLUMN first_pay_date DATE;
ALTER TABLE ingested_file ADD COLUMN last_pay_date DATE;

-- Versions stored before: the range of the payments they own or hold.
UPDATE ingested_file SET
    first_pay_date = (SELECT MIN(d.pay_date) FROM disbursement d WHERE d.file_id = ingested_file.id),
    last_pay_date = (SELECT MAX(d.pay_date) FROM disbursement d WHERE d.file_id = ingested_file.id)
WHERE status IN ('LOADING', 'LOADED');
UPDATE ingested_file SET
    first_pay_date = LEAST(COALESCE(first_pay_date, (SELECT MIN(f.pay_date) FROM file_payment f WHERE f.file_id = ingested_file.id)),
                           COALESCE((SELECT MIN(f.pay_date) FROM file_payment f WHERE f.file_id = ingested_file.id), first_pay_date)),
    last_pay_date = GREATEST(COALESCE(last_pay_date, (SELECT MAX(f.pay_date) FROM file_payment f WHERE f.file_id = ingested_file.id)),
                             COALESCE((SELECT MAX(f.pay_date) FROM file_payment f WHERE f.file_id = ingested_file.id), last_pay_date))
WHERE status IN ('LOADING', 'LOADED');
