CREATE TABLE "reassignment_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"cluster_id" text NOT NULL,
	"state" text NOT NULL,
	"phase" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"throttle_bytes_per_sec" bigint,
	"plan" jsonb NOT NULL,
	"rollback" jsonb NOT NULL,
	"rollback_of" text,
	"message" text,
	"progress" jsonb NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp (3) with time zone,
	CONSTRAINT "reassignment_jobs_state_check" CHECK ("reassignment_jobs"."state" in ('running', 'completed', 'cancelled', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "reassignment_jobs_cluster_idx" ON "reassignment_jobs" USING btree ("cluster_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "reassignment_jobs_running_idx" ON "reassignment_jobs" USING btree ("state");