-- Payments at the scale of a city or province (millions of lines a year). Three changes keep a
-- night's work proportional to the night's lines, not to the year already stored:
--
-- 1. A payment is identified within its pay date: (pay_date, dedupe_key, occurrence). The night's
--    lines then touch only the index pages of their own days; a key that leads with a random hash
--    touches pages all over an index of millions of entries.
-- 2. The file that first brought a payment owns it (disbursement.file_id); file_payment only
--    records the other files that also hold it (the overlap of exports), keyed by file.
-- 3. Spending per project per month (project_year_total) is kept up to date from the payments
--    stored since the last update (totals_watermark), so the variance reads 12 rows per project
--    instead of the year's lines. The per-project and per-date indexes it replaces go.

-- 2. The owner of each payment: the earliest file version holding it.
ALTER TABLE disbursement ADD COLUMN file_id BIGINT;
UPDATE disbursement SET file_id = (SELECT MIN(f.file_id) FROM file_payment f
                                   WHERE f.dedupe_key = disbursement.dedupe_key
                                     AND f.occurrence = disbursement.occurrence);
ALTER TABLE disbursement ALTER COLUMN file_id SET NOT NULL;

CREATE TABLE file_holding (
    file_id      BIGINT       NOT NULL,
    pay_date     DATE         NOT NULL,
    dedupe_key   VARCHAR(64)  NOT NULL,
    occurrence   INTEGER      NOT NULL,
    PRIMARY KEY (file_id, pay_date, dedupe_key, occurrence)
);
INSERT INTO file_holding (file_id, pay_date, dedupe_key, occurrence)
SELECT f.file_id, d.pay_date, f.dedupe_key, f.occurrence
FROM file_payment f JOIN disbursement d ON d.dedupe_key = f.dedupe_key AND d.occurrence = f.occurrence
WHERE f.file_id <> d.file_id;
DROP TABLE file_payment;
ALTER TABLE file_holding RENAME TO file_payment;
CREATE INDEX ix_file_payment_identity ON file_payment (pay_date, dedupe_key, occurrence);

-- 1. The identity within the pay date; the owner's payments for retiring a file.
ALTER TABLE disbursement DROP CONSTRAINT uq_disbursement_identity;
ALTER TABLE disbursement ADD CONSTRAINT uq_disbursement_identity UNIQUE (pay_date, dedupe_key, occurrence);
CREATE INDEX ix_disbursement_file ON disbursement (file_id);
DROP INDEX ix_disbursement_project_date;
DROP INDEX ix_disbursement_date;

-- 3. Net spending per project per calendar month of the fiscal (calendar) year, in 元, of the
--    payments with id <= the watermark: one row per project, so the variance reads 50,000 rows, not 600,000.
CREATE TABLE project_year_total (
    fiscal_year   INTEGER       NOT NULL,
    project_code  VARCHAR(64)   NOT NULL,
    m01_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m02_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m03_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m04_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m05_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m06_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m07_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m08_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m09_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m10_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m11_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    m12_yuan      NUMERIC(24,2) DEFAULT 0 NOT NULL,
    PRIMARY KEY (fiscal_year, project_code)
);
CREATE TABLE totals_watermark (
    id                   INTEGER PRIMARY KEY,
    through_payment_id   BIGINT  NOT NULL
);
-- Zero: the first run after this migration adds up every payment already stored.
INSERT INTO totals_watermark (id, through_payment_id) VALUES (1, 0);
