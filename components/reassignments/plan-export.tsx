'use client';

import { reassignmentJsonText } from '@/lib/reassign-import';
import type { ReassignmentJson } from '@/lib/schemas/reassignments';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** One JSON (the plan or its rollback) in kafka-reassign-partitions' format: download, copy, or read it. */
function ExportOne({ what, json, fileName }: { what: 'Plan' | 'Rollback'; json: ReassignmentJson; fileName: string }) {
  const toast = useToast();
  const text = reassignmentJsonText(json);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => toast(`${what} JSON copied`),
      (error: unknown) =>
        toast(`Failed to copy the ${what.toLowerCase()} JSON: ${error instanceof Error ? error.message : String(error)}`, 'error'),
    );
  return (
    <div className="space-y-1 rounded border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{what} JSON</span>
        <Button onClick={() => download(fileName, text)}>{`Download ${what.toLowerCase()} JSON`}</Button>
        <Button onClick={() => void copy()}>{`Copy ${what.toLowerCase()} JSON`}</Button>
      </div>
      <details>
        <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">{`Show the ${what.toLowerCase()} JSON`}</summary>
        <textarea
          readOnly
          aria-label={`${what} JSON`}
          value={text}
          rows={4}
          className="mt-2 w-full rounded border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      </details>
    </div>
  );
}

/**
 * Export for kafka-reassign-partitions --execute: the plan, and the rollback (the current assignment of the same
 * partitions) to keep in case the move has to be undone by hand.
 */
export function PlanExport({ plan, rollback, name }: { plan: ReassignmentJson; rollback: ReassignmentJson; name: string }) {
  return (
    <div className="space-y-2">
      <ExportOne what="Plan" json={plan} fileName={`${name}-plan.json`} />
      <ExportOne what="Rollback" json={rollback} fileName={`${name}-rollback.json`} />
    </div>
  );
}
