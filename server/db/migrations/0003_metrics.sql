CREATE TABLE "metric_raw" (
	"series_id" integer NOT NULL,
	"bucket_start" bigint NOT NULL,
	"offsets" integer[] NOT NULL,
	"samples" double precision[] NOT NULL,
	CONSTRAINT "metric_raw_series_id_bucket_start_pk" PRIMARY KEY("series_id","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "metric_recent" (
	"series_id" integer NOT NULL,
	"step_ms" integer NOT NULL,
	"time" bigint NOT NULL,
	"value" double precision,
	"max" double precision,
	CONSTRAINT "metric_recent_series_id_step_ms_time_pk" PRIMARY KEY("series_id","step_ms","time"),
	CONSTRAINT "metric_recent_step_check" CHECK ("metric_recent"."step_ms" in (0, 60000))
);
--> statement-breakpoint
CREATE TABLE "metric_rollup_state" (
	"step_ms" integer PRIMARY KEY NOT NULL,
	"rolled_until" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_rollups" (
	"series_id" integer NOT NULL,
	"step_ms" integer NOT NULL,
	"bucket_start" bigint NOT NULL,
	"avg" real[] NOT NULL,
	"max" real[] NOT NULL,
	CONSTRAINT "metric_rollups_series_id_step_ms_bucket_start_pk" PRIMARY KEY("series_id","step_ms","bucket_start"),
	CONSTRAINT "metric_rollups_step_check" CHECK ("metric_rollups"."step_ms" in (60000, 900000))
);
--> statement-breakpoint
CREATE TABLE "metric_series" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "metric_series_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cluster_id" text NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"metric" text NOT NULL,
	"labels" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	CONSTRAINT "metric_series_scope_check" CHECK ("metric_series"."scope" in ('cluster', 'topic', 'broker', 'group'))
);
--> statement-breakpoint
CREATE INDEX "metric_raw_bucket_idx" ON "metric_raw" USING btree ("bucket_start");--> statement-breakpoint
CREATE INDEX "metric_rollups_bucket_idx" ON "metric_rollups" USING btree ("step_ms","bucket_start");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_series_identity_idx" ON "metric_series" USING btree ("cluster_id","scope","key","metric","labels");