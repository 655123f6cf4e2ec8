import { describe, expect, it } from 'vitest';
import { ArgsError } from '../cli-args';
import { parseArgs } from './args';

describe('fixture:large arguments', () => {
  it('defaults to the dev cluster at KAFKA_PORT_OFFSET', () => {
    expect(parseArgs([], {}).brokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094']);
    expect(parseArgs([], { KAFKA_PORT_OFFSET: '5000' }).brokers).toEqual(['127.0.0.1:14092', '127.0.0.1:14093', '127.0.0.1:14094']);
    expect(parseArgs([], { KAFKA_BROKERS: 'k:1', KAFKA_PORT_OFFSET: '5000' }).brokers).toEqual(['k:1']);
  });

  it('reads --brokers, --clean and --keep-active', () => {
    expect(parseArgs(['--brokers=a:1,b:2', '--keep-active'])).toEqual({
      brokers: ['a:1', 'b:2'],
      clean: false,
      keepActive: true,
      help: false,
    });
    expect(parseArgs(['--brokers', 'a:1', '--clean']).clean).toBe(true);
  });

  it('refuses what it does not understand', () => {
    expect(() => parseArgs(['--nope'])).toThrow(ArgsError);
    expect(() => parseArgs(['--brokers', 'nohost'])).toThrow(ArgsError);
    expect(() => parseArgs(['--clean', '--keep-active'])).toThrow(ArgsError);
  });
});
