import { z } from 'zod';
import { brokerId } from '@/lib/schemas/common';

// Controller quorum membership (KIP-853): adding and removing voters of a dynamic quorum (kraft.version 1), as
// `kafka-metadata-quorum add-controller` / `remove-controller` do.

/** A metadata log directory id as Kafka prints it (Uuid: 16 bytes in base64url, 22 characters). */
export const directoryIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{21}[AQgw]$/, 'a directory id as kafka-metadata-quorum prints it (22 characters of base64url)');

/** A controller endpoint as Kafka reports it (DescribeCluster of the controllers, DescribeQuorum): never an input. */
export const raftListenerSchema = z.object({ name: z.string(), host: z.string(), port: z.number().int() });
export type RaftListener = z.infer<typeof raftListenerSchema>;

const confirmation = {
  /** Typed confirmation of a change: the node id, as a string. Not needed for a dry run. */
  confirm: z.string().max(20).optional(),
  /** Only check the preconditions and show them; nothing is changed. */
  dryRun: z.boolean().optional(),
};

// Strict: no API accepts addresses. The new voter's endpoint comes from Kafka; a body still naming `listeners`
// (as this route once took) is refused with 422 rather than silently ignored.
export const addVoterInputSchema = z
  .strictObject(
    {
      voterId: brokerId.max(2_147_483_647),
      voterDirectoryId: directoryIdSchema,
      ...confirmation,
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown ${issue.keys.join(', ')}: the new voter's endpoint comes from Kafka (DescribeCluster of the controllers); no API accepts addresses`
          : undefined,
    },
  )
  .meta({ id: 'AddQuorumVoterInput' });
export type AddVoterInput = z.infer<typeof addVoterInputSchema>;

export const removeVoterParamsSchema = z.object({ voterId: z.coerce.number().int().nonnegative().max(2_147_483_647) });
export const removeVoterQuerySchema = z.object({ directoryId: directoryIdSchema });
export const removeVoterInputSchema = z.object(confirmation).meta({ id: 'RemoveQuorumVoterInput' });
export type RemoveVoterInput = z.infer<typeof removeVoterInputSchema>;

export const voterCheckSchema = z.object({
  /** Which precondition: kraftVersion, observer, controller, caughtUp, notVoter, endpoint (add); voter, notLastVoter (remove). */
  id: z.string(),
  ok: z.boolean(),
  /** What was found, in words. */
  detail: z.string(),
});
export type VoterCheck = z.infer<typeof voterCheckSchema>;

export const voterChangeResponseSchema = z
  .object({
    action: z.enum(['add', 'remove']),
    voterId: brokerId,
    /** True only when the change was sent and the quorum read afterwards shows it. */
    applied: z.boolean(),
    dryRun: z.boolean(),
    kraftVersion: z.number().int().nonnegative(),
    checks: z.array(voterCheckSchema),
    /**
     * Add only: the new voter's endpoints that AddRaftVoter carries (or carried), as the controllers list it
     * (DescribeCluster, controllers); empty when they could not tell (the `endpoint` check says why).
     */
    listeners: z.array(raftListenerSchema).optional(),
    /** The quorum as read after the change (before it, on a dry run). */
    voters: z.array(z.object({ id: brokerId, directoryId: z.string().nullable() })),
    observers: z.array(z.object({ id: brokerId, directoryId: z.string().nullable() })),
  })
  .meta({ id: 'QuorumVoterChange' });
export type VoterChangeResponse = z.infer<typeof voterChangeResponseSchema>;

/** The typed confirmation every voter change needs (not a dry run): the node id itself. */
export function voterConfirmationErrors(confirm: string | undefined, voterId: number) {
  return confirm === String(voterId) ? null : { confirm: [`Type the node id (${voterId}) to confirm`] };
}
