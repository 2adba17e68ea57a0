import type { Activity } from 'botbuilder';

/** The browser polls; it needs only what it has not seen yet. Older activities go first. */
export const MAX_ACTIVITIES_PER_CONVERSATION = 200;
/** A conversation nobody has touched for this long is forgotten (the bot's own state lives in storage). */
export const CONVERSATION_IDLE_MS = 60 * 60 * 1000;
/** Bounds memory whatever the traffic: past this, new conversations are refused until idle ones expire. */
export const MAX_CONVERSATIONS = 10_000;

export interface Conversation {
  id: string;
  userId: string;
  /** The one token that works for it now; a refresh replaces it. */
  tokenId: string;
  started: boolean;
  /** The watermark of the last activity added. */
  last: number;
  activities: { watermark: number; activity: Partial<Activity> }[];
  lastUsed: number;
}

/**
 * The messages waiting for browsers, per Direct Line conversation: kept only
 * as long as needed (bounded per conversation, expired after inactivity), so
 * memory does not grow with the number of visitors.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.conversations.size;
  }

  /** False when the store is full. */
  create(id: string, userId: string, tokenId: string): boolean {
    this.expireIdle();
    if (this.conversations.size >= MAX_CONVERSATIONS) return false;
    this.conversations.set(id, { id, userId, tokenId, started: false, last: 0, activities: [], lastUsed: this.now() });
    return true;
  }

  /** The conversation, marked as used; undefined when unknown or expired. */
  find(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.isIdle(conversation)) {
      this.conversations.delete(id);
      return undefined;
    }
    conversation.lastUsed = this.now();
    return conversation;
  }

  /** Adds an activity and returns its Direct Line id ("<conversation>|<watermark>"). */
  add(conversation: Conversation, activity: Partial<Activity>): string {
    const watermark = ++conversation.last;
    const id = `${conversation.id}|${String(watermark).padStart(7, '0')}`;
    conversation.activities.push({ watermark, activity: { ...activity, id } });
    if (conversation.activities.length > MAX_ACTIVITIES_PER_CONVERSATION) conversation.activities.shift();
    return id;
  }

  /** Everything after the watermark the client last saw. */
  since(conversation: Conversation, watermark: number): { activities: Partial<Activity>[]; watermark: string } {
    return {
      activities: conversation.activities.filter((entry) => entry.watermark > watermark).map((entry) => entry.activity),
      watermark: String(conversation.last),
    };
  }

  /** "Forget me": what the user's conversations showed is gone; watermarks go on, so polling carries on. */
  forgetUser(userId: string): void {
    for (const conversation of this.conversations.values())
      if (conversation.userId === userId) conversation.activities = [];
  }

  expireIdle(): void {
    for (const [id, conversation] of this.conversations) if (this.isIdle(conversation)) this.conversations.delete(id);
  }

  private isIdle(conversation: Conversation): boolean {
    return this.now() - conversation.lastUsed > CONVERSATION_IDLE_MS;
  }
}
