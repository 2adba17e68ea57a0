import type { Activity } from 'botbuilder';
import {
  activityId,
  CONVERSATION_IDLE_MS,
  MAX_ACTIVITIES_PER_CONVERSATION,
  type ActivitiesSince,
  type Conversation,
  type ConversationStore,
} from '../../channels/directLine/conversationStore';
import type { RedisClient } from './redisConnection';

/** Numbers the activity and keeps the newest, in one script: two replicas adding at once get distinct watermarks. */
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local watermark = redis.call('HINCRBY', KEYS[1], 'last', 1)
redis.call('RPUSH', KEYS[2], watermark .. '\\t' .. ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return watermark`;

/**
 * Direct Line conversations on Redis: a hash per conversation (user, token,
 * started, last watermark), a list of its activities, and a set of each user's
 * conversations for "forget me". Idle conversations expire with their keys.
 */
export class RedisConversationStore implements ConversationStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async create({ id, userId, tokenId }: Conversation): Promise<void> {
    await this.client
      .multi()
      .hSet(this.conversationKey(id), { userId, tokenId, last: 0 })
      .pExpire(this.conversationKey(id), CONVERSATION_IDLE_MS)
      .sAdd(this.userKey(userId), id)
      .pExpire(this.userKey(userId), CONVERSATION_IDLE_MS)
      .exec();
  }

  async find(id: string): Promise<Conversation | undefined> {
    const fields = await this.client.hGetAll(this.conversationKey(id));
    if (!fields.userId) return undefined;
    await this.client
      .multi()
      .pExpire(this.conversationKey(id), CONVERSATION_IDLE_MS)
      .pExpire(this.activitiesKey(id), CONVERSATION_IDLE_MS)
      .pExpire(this.userKey(fields.userId), CONVERSATION_IDLE_MS)
      .exec();
    return { id, userId: fields.userId, tokenId: fields.tokenId };
  }

  async setToken(id: string, tokenId: string): Promise<void> {
    await this.client.hSet(this.conversationKey(id), 'tokenId', tokenId);
  }

  async markStarted(id: string): Promise<boolean> {
    return (await this.client.hSetNX(this.conversationKey(id), 'started', '1')) === 1;
  }

  async add(id: string, activity: Partial<Activity>): Promise<string> {
    const watermark = Number(
      await this.client.eval(APPEND, {
        keys: [this.conversationKey(id), this.activitiesKey(id)],
        arguments: [JSON.stringify(activity), String(MAX_ACTIVITIES_PER_CONVERSATION), String(CONVERSATION_IDLE_MS)],
      }),
    );
    return watermark === 0 ? '' : activityId(id, watermark);
  }

  async since(id: string, watermark: number): Promise<ActivitiesSince> {
    // One transaction: an activity added between the two reads would be counted in the watermark and never shown.
    const [entries, last] = (await this.client
      .multi()
      .lRange(this.activitiesKey(id), 0, -1)
      .hGet(this.conversationKey(id), 'last')
      .exec()) as unknown as [string[], string | null];
    const activities: Partial<Activity>[] = [];
    for (const entry of entries) {
      const tab = entry.indexOf('\t');
      const number = Number(entry.slice(0, tab));
      if (number > watermark)
        activities.push({ ...(JSON.parse(entry.slice(tab + 1)) as Partial<Activity>), id: activityId(id, number) });
    }
    return { activities, watermark: last ?? '0' };
  }

  async forgetUser(userId: string): Promise<void> {
    const ids = await this.client.sMembers(this.userKey(userId));
    if (ids.length > 0) await this.client.del(ids.map((id) => this.activitiesKey(id)));
  }

  private conversationKey(id: string): string {
    return `${this.prefix}dl:conversation:${id}`;
  }

  private activitiesKey(id: string): string {
    return `${this.prefix}dl:activities:${id}`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}dl:user:${userId}`;
  }
}
