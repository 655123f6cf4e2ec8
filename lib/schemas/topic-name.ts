import { z } from 'zod';
import { topicNameError } from '@/lib/topic-name';

/** Kafka's topic name rule, with its own wording per case. */
export const topicNameSchema = z.string().superRefine((name, ctx) => {
  const error = topicNameError(name);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});
