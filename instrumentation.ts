// Next calls register() once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startConsole } = await import('@/server/startup');
  await startConsole();
  // `next build` registers this file too (to prerender) with NEXT_PHASE set to next/constants' PHASE_PRODUCTION_BUILD;
  // samplers belong to a running server only.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startSampling } = await import('@/server/sampling/start-sampling');
  await startSampling();
  // Changes a stopped console left pending become "unknown" in the audit log.
  const { startAbandonedChangeSweeper } = await import('@/server/audit/settle-abandoned');
  startAbandonedChangeSweeper();
  // Running reassignment jobs are resumed from the console database.
  const { startReassignWorker } = await import('@/server/reassign/worker');
  startReassignWorker();
}
