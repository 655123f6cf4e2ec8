import { z } from 'zod';
import { auditListResponseSchema, auditQuerySchema } from '@/lib/schemas/audit';
import { endpoint } from '@/server/api/endpoint';

export const listAudit = endpoint({
  name: 'audit.list',
  method: 'get',
  path: '/api/v1/audit',
  summary: 'The audit log, newest first (admin; admins scoped to some clusters see those clusters only): every change and every refusal',
  tag: 'audit',
  permission: 'administer',
  query: auditQuerySchema,
  response: auditListResponseSchema,
});

export const exportAudit = endpoint({
  name: 'audit.export',
  method: 'get',
  path: '/api/v1/audit/export.csv',
  summary: 'The audit log as CSV with the same filters (admin; at most 10,000 rows, newest first)',
  tag: 'audit',
  permission: 'administer',
  query: auditQuerySchema.omit({ limit: true, offset: true }),
  response: z.string(),
  mediaTypes: ['text/csv'],
});
