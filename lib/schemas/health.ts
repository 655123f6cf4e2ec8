import { z } from 'zod';
import { epochMs } from '@/lib/schemas/common';

export const healthResponseSchema = z
  .object({ status: z.literal('ok'), time: epochMs, uptimeSeconds: z.number().nonnegative() })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof healthResponseSchema>;
