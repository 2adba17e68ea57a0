import type { KeyStore } from '../keyStore';
import type { RedisClient } from './redisConnection';

const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const EXTEND_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/** The KeyStore on Redis: SET NX with an expiry, and compare-and-delete scripts. */
export class RedisKeyStore implements KeyStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const options = ttlMs === undefined ? { NX: true as const } : { NX: true as const, PX: Math.max(1, ttlMs) };
    return (await this.client.set(this.prefix + key, value, options)) === 'OK';
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.prefix + key)) ?? undefined;
  }

  async deleteIf(key: string, value: string): Promise<boolean> {
    return (await this.client.eval(DELETE_IF, { keys: [this.prefix + key], arguments: [value] })) === 1;
  }

  async extendIf(key: string, value: string, ttlMs: number): Promise<boolean> {
    const renewed = await this.client.eval(EXTEND_IF, { keys: [this.prefix + key], arguments: [value, String(ttlMs)] });
    return renewed === 1;
  }
}
