-- A job's tasks besides its shards (planning, fitting, the report, the manifest) run on one worker
-- at a time: which task, which worker, when it last said it is alive, and how many tries the task
-- has had, so stall detection gives the task of a worker that died to another within the stall
-- timeout (pg-boss alone retries it only after its expiry: 5 to 15 minutes).
alter table pipeline.jobs add column task_stage text;
alter table pipeline.jobs add column task_worker text;
alter table pipeline.jobs add column task_heartbeat_at timestamptz;
alter table pipeline.jobs add column task_attempts int not null default 0;
-- The report is written while the shards run; when it fails on something the shards may fail on
-- too (a bad expression), the job fails with the shard's words, else with these once they end.
alter table pipeline.jobs add column report_error text;
