// The planner's input and output. The server builds a ClusterLayout from Metadata (the live brokers and every
// topic's replica lists) and turns PlanChange[] into a PlanResponse (plan, rollback, diff, counts).

export type LayoutBroker = { id: number; rack: string | null };
export type LayoutPartition = { partition: number; replicas: number[] };
export type LayoutTopic = { name: string; internal: boolean; partitions: LayoutPartition[] };

export type ClusterLayout = {
  /** The LIVE brokers. A broker that is down only shows up in replica lists; its rack is then unknown. */
  brokers: LayoutBroker[];
  topics: LayoutTopic[];
};

/** One partition whose replica list changes. Order matters: replicas[0] is the preferred leader. */
export type PlanChange = { topic: string; partition: number; before: number[]; after: number[] };

/** A request the planner refuses; the server answers 422 with `fieldErrors: { [field]: [message] }`. */
export class PlanError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'PlanError';
    this.field = field;
  }
}
