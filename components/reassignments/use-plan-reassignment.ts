import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { topicQueries } from '@/lib/queries/topics';
import { parseReassignmentText, planFromImport, topicsOf, type CurrentTopic } from '@/lib/reassign-import';
import type { WizardForm } from '@/lib/reassign-wizard';
import { apiRoutes } from '@/lib/routes';
import { planResponseSchema, type PlanRequest, type PlanResponse } from '@/lib/schemas/reassignments';

const refused = (errors: string[]) => new ApiError('VALIDATION', 'The JSON cannot be imported', { fieldErrors: { importText: errors } });

/**
 * The wizard's "Plan": the server plans a mode (changes nothing); an imported JSON is diffed here against the
 * current layout of its topics (the same answer's shape, so the next steps do not care where the plan came from).
 */
export function usePlanReassignment(clusterId: string) {
  const queryClient = useQueryClient();
  const current = async (topic: string): Promise<[string, CurrentTopic] | null> => {
    try {
      return [topic, await queryClient.fetchQuery(topicQueries.detail(clusterId, topic))];
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  };
  return useMutation({
    mutationFn: async (input: { request: PlanRequest } | { form: WizardForm }): Promise<PlanResponse> => {
      if ('request' in input) return apiSend('POST', apiRoutes.reassignmentPlan(clusterId), input.request, planResponseSchema);
      const parsed = parseReassignmentText(input.form.importText);
      if ('errors' in parsed) throw refused(parsed.errors);
      const layouts = await Promise.all(topicsOf(parsed.json).map(current));
      const result = planFromImport(parsed.json, new Map(layouts.filter((entry) => entry !== null)));
      if ('errors' in result) throw refused(result.errors);
      return result.plan;
    },
  });
}
