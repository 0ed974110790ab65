-- Quarterly reviews as issued. A review of a past quarter is regenerated from its snapshot, so it
-- shows the same figures even after back-dated payments or corrections; --refresh adds a version.
CREATE TABLE quarterly_review (
    as_of            DATE       NOT NULL,
    version          INTEGER    NOT NULL,
    created_at       TIMESTAMP  NOT NULL,
    data_cutoff      DATE,
    job_instance_id  BIGINT     NOT NULL,
    PRIMARY KEY (as_of, version)
);

CREATE TABLE quarterly_review_row (
    as_of                    DATE           NOT NULL,
    version                  INTEGER        NOT NULL,
    seq                      INTEGER        NOT NULL,
    project_code             VARCHAR(64)    NOT NULL,
    planned                  BOOLEAN        NOT NULL,
    project_name             VARCHAR(500),
    unit_code                VARCHAR(64),
    unit_name                VARCHAR(300),
    budget_yuan              NUMERIC(20,4),
    checkpoint_date          DATE,
    checkpoint_plan_yuan     NUMERIC(24,6),
    expected_yuan            NUMERIC(30,10),
    actual_yuan              NUMERIC(20,2)  NOT NULL,
    execution_rate_pct       NUMERIC(30,10),
    gap_pp                   NUMERIC(30,10),
    flag                     VARCHAR(8)     NOT NULL,
    reasons                  VARCHAR(200)   NOT NULL,
    time_progress_pct        NUMERIC(30,10) NOT NULL,
    projected_year_end_yuan  NUMERIC(30,10) NOT NULL,
    required_monthly_yuan    NUMERIC(30,10),
    prev_quarter_end         DATE           NOT NULL,
    prev_quarter_actual_yuan NUMERIC(20,2)  NOT NULL,
    PRIMARY KEY (as_of, version, seq),
    FOREIGN KEY (as_of, version) REFERENCES quarterly_review (as_of, version)
);

CREATE TABLE quarterly_review_indicator (
    as_of               DATE          NOT NULL,
    version             INTEGER       NOT NULL,
    seq                 INTEGER       NOT NULL,
    project_code        VARCHAR(64)   NOT NULL,
    indicator_seq       INTEGER       NOT NULL,
    level1              VARCHAR(200),
    level2              VARCHAR(200),
    level3              VARCHAR(500),
    target              VARCHAR(2000),
    value_to_date       VARCHAR(2000),
    expected_full_year  VARCHAR(2000),
    status              VARCHAR(16)   NOT NULL,
    likelihood          VARCHAR(16),
    cause_category      VARCHAR(50),
    cause               VARCHAR(2000),
    measure             VARCHAR(2000),
    note                VARCHAR(2000),
    PRIMARY KEY (as_of, version, seq),
    FOREIGN KEY (as_of, version) REFERENCES quarterly_review (as_of, version)
);
