-- Job runs belong to one deployment: service_id keeps services that share one database apart, as the snapshots and
-- Orleans' own tables do. Runs recorded before this script belong to no service ('').
ALTER TABLE akto_job_runs ADD COLUMN service_id text NOT NULL DEFAULT '';

CREATE INDEX IF NOT EXISTS ix_akto_job_runs_service_job ON akto_job_runs (service_id, job_id, run_id DESC);
