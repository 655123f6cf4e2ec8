import { describe, expect, it } from 'vitest';
import { ArgsError, parseBrokers, readOptions } from './cli-args';

describe('parseBrokers', () => {
  it('needs host:port entries', () => {
    expect(() => parseBrokers('')).toThrow(ArgsError);
    expect(() => parseBrokers('localhost')).toThrow(/host:port/);
    expect(parseBrokers('localhost:9092,,')).toEqual(['localhost:9092']);
  });
});

describe('readOptions', () => {
  it('reads "--flag value", "--flag=value" and short flags, and refuses the rest as ArgsError', () => {
    const spec = { name: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } } as const;
    expect(readOptions(['--name', 'a', '-v'], spec)).toEqual({ name: 'a', verbose: true });
    expect(readOptions(['--name=b'], spec)).toEqual({ name: 'b' });
    expect(() => readOptions(['--other'], spec)).toThrow(ArgsError);
    expect(() => readOptions(['--name'], spec)).toThrow(ArgsError);
    expect(() => readOptions(['positional'], spec)).toThrow(ArgsError);
  });
});
