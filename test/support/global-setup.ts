import net from 'node:net';
import { kafkaTarget } from './kafka-target';

/** Fails fast with the command to run when the target cluster is not up (npm test starts it by itself). */
export default async function globalSetup() {
  const target = kafkaTarget();
  const [host, port] = target.bootstrap[0]!.split(':');
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port: Number(port) }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
  if (!reachable) {
    throw new Error(
      `${target.label} is not running on ${target.bootstrap.join(',')}: start it with \`npm run kafka:up\` (same KAFKA_* variables) or run \`npm test\``,
    );
  }
}
