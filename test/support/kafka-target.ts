// The cluster an integration run talks to, chosen by the test runner through KAFKA_VERSION, KAFKA_MODE and
// KAFKA_PORT_OFFSET (the same variables as `npm run kafka:up`), so tests and the dev cluster agree on ports.
import { SCRAM_USER, bootstrapServers, clusterLayout } from '../../scripts/kafka/layout.mjs';
import { resolveKafka } from '../../scripts/kafka/versions.mjs';

export function kafkaTarget() {
  const kafka = resolveKafka();
  const layout = clusterLayout(kafka);
  // Brokers only: the dynamic-quorum cluster's node 5 is a controller (KAFKA_QUORUM=dynamic, `npm run test:quorum`).
  const nodes = layout.nodes.filter((n: { id: number }) => (layout.brokerIds as number[]).includes(n.id));
  const controller = layout.nodes.find((n: { controllerOnly?: boolean }) => n.controllerOnly);
  return {
    version: kafka.version as string,
    mode: kafka.mode as 'kraft' | 'zookeeper',
    bootstrap: bootstrapServers(layout) as string[],
    saslBootstrap: nodes.map((n: { saslPort: number }) => `127.0.0.1:${n.saslPort}`),
    scram: SCRAM_USER as { username: string; password: string },
    zookeeper: layout.zookeeper ? `127.0.0.1:${layout.zookeeper.port}` : null,
    label: `Kafka ${kafka.version} ${kafka.mode}${layout.quorum === 'dynamic' ? ' (dynamic quorum)' : ''}`,
    quorum: layout.quorum as 'static' | 'dynamic',
    /** The dynamic-quorum cluster's controller-only node and its controller port (null in other clusters). */
    controllerOnly: controller ? { id: controller.id as number, port: controller.controllerPort as number } : null,
  };
}
