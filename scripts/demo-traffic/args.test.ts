import { describe, expect, it } from 'vitest';
import { ArgsError, DEFAULT_BROKERS, parseArgs, parseBrokers } from './args';

describe('parseArgs', () => {
  it('defaults to the dev cluster, no duration and rate 1', () => {
    expect(parseArgs([])).toEqual({ brokers: DEFAULT_BROKERS.split(','), durationSec: null, rate: 1, help: false });
  });

  it('takes brokers from KAFKA_BROKERS, and --brokers wins over it', () => {
    expect(parseArgs([], { KAFKA_BROKERS: 'k1:9092, k2:9092' }).brokers).toEqual(['k1:9092', 'k2:9092']);
    expect(parseArgs(['--brokers', 'x:1'], { KAFKA_BROKERS: 'k1:9092' }).brokers).toEqual(['x:1']);
  });

  it('accepts "--flag value" and "--flag=value"', () => {
    expect(parseArgs(['--duration', '80', '--rate=0.5'])).toMatchObject({ durationSec: 80, rate: 0.5 });
    expect(parseArgs(['--brokers=a:1,b:2']).brokers).toEqual(['a:1', 'b:2']);
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('rejects bad values and unknown flags', () => {
    expect(() => parseArgs(['--duration'])).toThrow(ArgsError);
    expect(() => parseArgs(['--duration', 'abc'])).toThrow(/positive number/);
    expect(() => parseArgs(['--rate', '0'])).toThrow(/positive number/);
    expect(() => parseArgs(['--rate', '-2'])).toThrow(/positive number/);
    expect(() => parseArgs(['--verbose'])).toThrow(/unknown argument "--verbose"/);
  });
});

describe('parseBrokers', () => {
  it('needs host:port entries', () => {
    expect(() => parseBrokers('')).toThrow(ArgsError);
    expect(() => parseBrokers('localhost')).toThrow(/host:port/);
    expect(parseBrokers('localhost:9092,,')).toEqual(['localhost:9092']);
  });
});
