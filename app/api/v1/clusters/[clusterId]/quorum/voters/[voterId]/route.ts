import * as endpoints from '@/server/api/endpoints/quorum';
import { route } from '@/server/http/route';
import { removeQuorumVoter } from '@/server/quorum/voter-changes';

/** KIP-853: a voter leaves the dynamic quorum (kafka-metadata-quorum remove-controller). */
export const DELETE = route(endpoints.removeQuorumVoter, async ({ params, query, body }) =>
  removeQuorumVoter(params.clusterId, params.voterId, query.directoryId, body),
);
