import 'server-only';
import { ApiError } from '@/lib/errors';
import type { Principal } from '@/server/auth/session';
import { completeAudit, recordAudit } from '@/server/audit/store';
import { clientAddress } from '@/server/http/client-address';
import { logInternalError } from '@/server/http/log';

/** The caller's address by the `trustProxy` rule (server/http/client-address.ts); null when unknown. */
export const clientIp = (request: Request): string | null => clientAddress(request).address;

type Change = {
  request: Request;
  action: string;
  principal: Principal;
  clusterId: string | undefined;
  target: string | null;
  body: unknown;
};

/**
 * A change is written to the audit log as pending before it runs, and completed with its outcome before the
 * response leaves. When the pending record cannot be written, the change does not run.
 */
export async function auditedChange(change: Change, run: () => Promise<Response>): Promise<Response> {
  const { request, action, principal, clusterId, target, body } = change;
  let entryId: string;
  try {
    const entry = await recordAudit({
      actor: principal.name,
      actorType: principal.kind,
      role: principal.role,
      clusterId: clusterId ?? null,
      action,
      target,
      summary: { method: request.method, path: new URL(request.url).pathname, body: body ?? null },
      outcome: 'pending',
      status: 102,
      ip: clientIp(request),
    });
    entryId = entry.id;
  } catch (error) {
    logInternalError('audit', error);
    throw new ApiError('INTERNAL', 'The audit log cannot be written, so the change was refused');
  }
  let response: Response | undefined;
  let failure: ApiError | undefined;
  try {
    response = await run();
    return response;
  } catch (error) {
    failure = error instanceof ApiError ? error : undefined;
    throw error;
  } finally {
    const status = response?.status ?? failure?.status ?? 500;
    await completeAudit(entryId, {
      outcome: status < 400 ? 'success' : 'failed',
      status,
      errorCode: failure?.code ?? (status < 400 ? null : 'INTERNAL'),
    }).catch((error: unknown) => logInternalError('audit', error));
  }
}

/** Every refusal (403) is recorded too; a refusal stands even when its record cannot be written. */
export async function auditDenied(args: {
  request: Request;
  action: string;
  principal: Principal | null;
  params: Record<string, unknown>;
  target: string | null;
  error: ApiError;
}) {
  const { request, action, principal, params, target, error } = args;
  await recordAudit({
    actor: principal?.name ?? 'anonymous',
    actorType: principal?.kind ?? 'anonymous',
    role: principal?.role ?? null,
    clusterId: typeof params.clusterId === 'string' ? params.clusterId : null,
    action,
    target,
    summary: { method: request.method, path: new URL(request.url).pathname, reason: error.message },
    outcome: 'denied',
    status: error.status,
    errorCode: error.code,
    ip: clientIp(request),
  }).catch((e: unknown) => logInternalError('audit', e));
}

/** A page refused to a signed-in principal (its server component renders "not allowed") is a 403 too. */
export async function recordPageDenial(principal: Principal, action: string, path: string) {
  await recordAudit({
    actor: principal.name,
    actorType: principal.kind,
    role: principal.role,
    action,
    summary: { method: 'GET', path },
    outcome: 'denied',
    status: 403,
    errorCode: 'FORBIDDEN',
  }).catch((e: unknown) => logInternalError('audit', e));
}
