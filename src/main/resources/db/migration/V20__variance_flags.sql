-- Since when a project is flagged is read from every stored night's flags, kept compactly (FlagHistory):
-- a number per project code, and per night one character per number in segments of 10,000. The full
-- variance rows are kept only for the latest nights (monitor.variance.keep-days).
CREATE TABLE flag_code (
    id            INTEGER      NOT NULL PRIMARY KEY,
    project_code  VARCHAR(64)  NOT NULL UNIQUE
);

CREATE TABLE variance_flags (
    as_of    DATE            NOT NULL,
    segment  INTEGER         NOT NULL,
    flags    VARCHAR(10000)  NOT NULL,
    PRIMARY KEY (as_of, segment)
);
