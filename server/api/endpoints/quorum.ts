import {
  addVoterInputSchema,
  removeVoterInputSchema,
  removeVoterParamsSchema,
  removeVoterQuerySchema,
  voterChangeResponseSchema,
} from '@/lib/schemas/quorum';
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';

// Both answer 409 CONFLICT on a ZooKeeper-mode cluster or a static quorum (kraft.version 0), and when a precondition
// fails; a dry run answers the preconditions with 200 and changes nothing.

export const addQuorumVoter = endpoint({
  name: 'quorum.voters.add',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/quorum/voters',
  summary:
    "Add a controller as a voter of a dynamic quorum (admin; kraft.version 1) as kafka-metadata-quorum add-controller: it must be an observer with that directory id, caught up, not a broker and not a voter yet; its endpoint is the one Kafka's controllers list for it (DescribeCluster), never an input; `dryRun` shows these checks and that endpoint, `confirm` must equal the node id",
  tag: 'clusters',
  permission: 'manageQuorum',
  body: addVoterInputSchema,
  response: voterChangeResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'clusterId' },
});

export const removeQuorumVoter = endpoint({
  name: 'quorum.voters.remove',
  method: 'delete',
  path: '/api/v1/clusters/{clusterId}/quorum/voters/{voterId}',
  summary:
    'Remove a voter of a dynamic quorum (admin; kraft.version 1) as kafka-metadata-quorum remove-controller, by id and directory id; never the last voter; `dryRun` shows the checks, `confirm` must equal the node id',
  tag: 'clusters',
  permission: 'manageQuorum',
  params: removeVoterParamsSchema,
  query: removeVoterQuerySchema,
  body: removeVoterInputSchema,
  response: voterChangeResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'voterId' },
});
