-- Custom SQL migration file, put your code below! --
-- metric_recent takes a row per series per sampling pass (5,500 rows every 15 s on a large cluster) and keeps
-- them about 20 minutes: logged, that is 75 MB of WAL every 15 minutes, more than all the other writes together.
-- Unlogged, it writes none. The price: after a crash (not after a clean shutdown) PostgreSQL and PGlite empty
-- unlogged tables, losing the last ~20 minutes of points that were not packed yet; packed history is unaffected.
-- drizzle-kit cannot declare an unlogged table, hence this hand-written step.
ALTER TABLE "metric_recent" SET UNLOGGED;
