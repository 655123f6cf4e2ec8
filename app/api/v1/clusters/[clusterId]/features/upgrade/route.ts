import { featureConfirmationErrors } from '@/lib/schemas/features';
import * as endpoints from '@/server/api/endpoints/clusters';
import { upgradeFeature } from '@/server/features/upgrade-feature';
import { requireConfirmation } from '@/server/http/confirmation';
import { route } from '@/server/http/route';

export const POST = route(endpoints.upgradeFeature, async ({ params, body }) => {
  // A dry run changes nothing; an executed upgrade cannot be undone, so the feature name is typed again.
  if (!body.dryRun) requireConfirmation(featureConfirmationErrors(body.confirm, body.feature), 'feature name');
  return upgradeFeature(params.clusterId, body);
});
