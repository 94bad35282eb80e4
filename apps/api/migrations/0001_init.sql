-- The control plane's schema. Later migrations add accounts, projects and jobs.
comment on schema app is 'Synoptic control plane: accounts, projects, teams, jobs';
