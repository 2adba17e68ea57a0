import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** A request counted against a limit: allowed, or refused with the seconds until the budget refills. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Makes a limiter of `points` requests per `seconds` per key, in the store replicas share. */
export type LimiterFactory = (name: string, points: number, seconds: number) => RateLimiterAbstract;

/**
 * A request budget per key (a conversation, a client address), counted by
 * rate-limiter-flexible: in memory for one process, in Redis for replicas, so a
 * visitor's budget is the same whichever replica answers.
 */
export class RequestBudget {
  private readonly limiter: RateLimiterAbstract;

  constructor(create: LimiterFactory, name: string, points: number, seconds: number) {
    this.limiter = create(name, points, seconds);
  }

  async take(key: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (refusal) {
      // The limiter rejects with its result when over budget, and with an Error when its store fails.
      if (refusal instanceof Error) throw refusal;
      const { msBeforeNext } = refusal as RateLimiterRes;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
    }
  }
}
