import type { Job, JobStore } from '../jobStore';
import type { RedisClient } from './redisConnection';

/** Takes the due jobs off the schedule and returns them, in one script: two replicas never get the same job. */
const CLAIM_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local jobs = {}
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  local job = redis.call('HGET', KEYS[2], id)
  redis.call('HDEL', KEYS[2], id)
  if job then table.insert(jobs, job) end
end
return jobs`;

/** Scheduled messages on Redis: a sorted set of due times and a hash of jobs. */
export class RedisJobStore implements JobStore {
  private readonly due: string;
  private readonly jobs: string;

  constructor(
    private readonly client: RedisClient,
    prefix: string,
  ) {
    this.due = `${prefix}jobs:due`;
    this.jobs = `${prefix}jobs:all`;
  }

  async put(job: Job): Promise<void> {
    await this.client
      .multi()
      .hSet(this.jobs, job.id, JSON.stringify(job))
      .zAdd(this.due, { score: job.dueAt, value: job.id })
      .exec();
  }

  async remove(id: string): Promise<void> {
    await this.client.multi().zRem(this.due, id).hDel(this.jobs, id).exec();
  }

  async claimDue(now: number, limit: number): Promise<Job[]> {
    const claimed = (await this.client.eval(CLAIM_DUE, {
      keys: [this.due, this.jobs],
      arguments: [String(now), String(limit)],
    })) as string[];
    return claimed.map((job) => JSON.parse(job) as Job);
  }
}
