CREATE TABLE "known_brokers" (
	"cluster_id" text NOT NULL,
	"broker_id" integer NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"rack" text,
	"first_seen" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_seen" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "known_brokers_cluster_id_broker_id_pk" PRIMARY KEY("cluster_id","broker_id")
);
