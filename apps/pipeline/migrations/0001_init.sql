-- The generation pipeline's schema. Later migrations add jobs, shards and job logs.
comment on schema pipeline is 'Synoptic generation pipeline: jobs, shards, logs';
