-- Jobs whose tables learn from uploaded samples: where the samples are, how fitting went, and the
-- report written beside every job's output. Two stages join: fitting (sample jobs) and reporting.
alter table pipeline.jobs drop constraint jobs_stage_check;
alter table pipeline.jobs add constraint jobs_stage_check check (stage in
  ('queued', 'validating', 'fitting', 'generating', 'reporting', 'finalizing', 'completed', 'failed', 'cancelled'));
alter table pipeline.jobs add column samples jsonb not null default '[]';
-- Per sample table: seconds, training rows, holdout rows.
alter table pipeline.jobs add column fit jsonb;
-- report.json's key and summary, for the manifest.
alter table pipeline.jobs add column report jsonb;
