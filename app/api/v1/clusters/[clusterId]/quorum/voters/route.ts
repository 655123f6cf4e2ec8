import * as endpoints from '@/server/api/endpoints/quorum';
import { route } from '@/server/http/route';
import { addQuorumVoter } from '@/server/quorum/voter-changes';

/** KIP-853: an observer controller becomes a voter of the dynamic quorum (kafka-metadata-quorum add-controller). */
export const POST = route(endpoints.addQuorumVoter, async ({ params, body }) => addQuorumVoter(params.clusterId, body));
