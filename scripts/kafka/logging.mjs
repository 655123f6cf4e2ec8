// Logging configuration for Kafka processes: brokers log INFO to stdout (redirected to a file per node),
// CLI tools log WARN to stderr so their stdout stays machine-readable for the tests that parse it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const QUIET = ['kafka.request.logger', 'kafka.server.KafkaApis', 'state.change.logger', 'org.apache.zookeeper', 'kafka.authorizer.logger'];

function log4j2(level, target) {
  const lines = [
    `status = warn`,
    `appender.out.type = Console`,
    `appender.out.name = OUT`,
    `appender.out.target = ${target === 'stderr' ? 'SYSTEM_ERR' : 'SYSTEM_OUT'}`,
    `appender.out.layout.type = PatternLayout`,
    `appender.out.layout.pattern = [%d] %p %m (%c)%n`,
    `rootLogger.level = ${level}`,
    `rootLogger.appenderRef.out.ref = OUT`,
  ];
  QUIET.forEach((name, i) => lines.push(`logger.q${i}.name = ${name}`, `logger.q${i}.level = WARN`));
  return lines.join('\n') + '\n';
}

function log4j1(level, target) {
  const lines = [
    `log4j.rootLogger=${level}, out`,
    `log4j.appender.out=org.apache.log4j.ConsoleAppender`,
    `log4j.appender.out.Target=${target === 'stderr' ? 'System.err' : 'System.out'}`,
    `log4j.appender.out.layout=org.apache.log4j.PatternLayout`,
    `log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n`,
  ];
  QUIET.forEach((name) => lines.push(`log4j.logger.${name}=WARN`));
  return lines.join('\n') + '\n';
}

/** Writes both logging formats into dir; the version's backend picks its own file. */
export function writeLoggingConfig(dir, { level, target }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'log4j2.properties'), log4j2(level, target));
  writeFileSync(path.join(dir, 'log4j.properties'), log4j1(level, target));
}
