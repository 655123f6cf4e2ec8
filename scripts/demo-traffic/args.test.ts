import { describe, expect, it } from 'vitest';
import { ArgsError } from '../cli-args';
import { DEFAULT_BROKERS, parseArgs } from './args';

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
    expect(() => parseArgs(['--rate=-2'])).toThrow(/positive number/);
    // A value that looks like an option is taken for a forgotten value.
    expect(() => parseArgs(['--rate', '-2'])).toThrow(ArgsError);
    expect(() => parseArgs(['--verbose'])).toThrow(/'--verbose'/);
    expect(() => parseArgs(['extra'])).toThrow(ArgsError);
  });
});
