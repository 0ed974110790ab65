-- Which runs carried on an earlier attempt (JobLauncherService.RESTART_OF: 'failure' or 'kill'), so that
-- --job=status shows that a night needed a second attempt; empty for a first attempt.
ALTER TABLE run_log ADD COLUMN restart_of VARCHAR(20);
