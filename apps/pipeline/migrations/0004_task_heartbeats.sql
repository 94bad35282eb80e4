-- A job's fitting or report task runs on one worker at a time: which one, when it last said it is
-- alive, and how many tries the stage has had, so stall detection gives the task of a worker that
-- died to another at once (pg-boss alone retries it only after its 15-minute expiry).
alter table pipeline.jobs add column task_stage text;
alter table pipeline.jobs add column task_worker text;
alter table pipeline.jobs add column task_heartbeat_at timestamptz;
alter table pipeline.jobs add column task_attempts int not null default 0;
