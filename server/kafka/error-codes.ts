// The Kafka error codes the console acts on, under the names Kafka gives them (Errors.java in kafka-clients).
// kafkajs's error `type` strings keep older names for three of them: 14 GROUP_LOAD_IN_PROGRESS, 15
// GROUP_COORDINATOR_NOT_AVAILABLE and 16 NOT_COORDINATOR_FOR_GROUP.
export const KafkaErrorCode = {
  NONE: 0,
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  COORDINATOR_NOT_AVAILABLE: 15,
  NOT_COORDINATOR: 16,
  UNSUPPORTED_VERSION: 35,
  INVALID_REQUEST: 42,
  TOPIC_ALREADY_EXISTS: 36,
  NOT_CONTROLLER: 41,
  NON_EMPTY_GROUP: 68,
  GROUP_ID_NOT_FOUND: 69,
  TOPIC_DELETION_DISABLED: 73,
  // ElectLeaders' per-partition answers that are outcomes rather than failures of the request. PREFERRED:
  // replicas[0] is not alive or not in the ISR, so it cannot lead.
  PREFERRED_LEADER_NOT_AVAILABLE: 80,
  // UNCLEAN: no live replica to elect (a partition that has a leader answers ELECTION_NOT_NEEDED instead).
  ELIGIBLE_LEADERS_NOT_AVAILABLE: 83,
  // Nothing to do: PREFERRED, replicas[0] already leads; UNCLEAN, the partition has a leader.
  ELECTION_NOT_NEEDED: 84,
  NO_REASSIGNMENT_IN_PROGRESS: 85,
  GROUP_SUBSCRIBED_TO_TOPIC: 86,
} as const;
