import type { Activity } from 'botbuilder';

/** The browser polls; it needs only what it has not seen yet. Older activities go first. */
export const MAX_ACTIVITIES_PER_CONVERSATION = 200;
/** A conversation nobody has touched for this long is forgotten (the bot's own state lives in storage). */
export const CONVERSATION_IDLE_MS = 60 * 60 * 1000;

export interface Conversation {
  id: string;
  userId: string;
  /** The one token that works for it now; a refresh replaces it. */
  tokenId: string;
}

export interface ActivitiesSince {
  activities: Partial<Activity>[];
  /** The watermark of the last activity added. */
  watermark: string;
}

/**
 * The Direct Line conversations and the messages waiting for their browsers,
 * in the store replicas share (SQLite by default, Redis for replicas), so that
 * a poll reaching any replica, or the same one after a restart, sees the same
 * messages. Bounded per conversation and expired after inactivity.
 */
export interface ConversationStore {
  create(conversation: Conversation): Promise<void>;
  /** The conversation, marked as used; undefined when unknown or expired. */
  find(id: string): Promise<Conversation | undefined>;
  setToken(id: string, tokenId: string): Promise<void>;
  /** True for the one call that starts the conversation (the bot is told who joined once, whichever replica asks). */
  markStarted(id: string): Promise<boolean>;
  /** Adds an activity and returns its Direct Line id ("<conversation>|<watermark>"); '' when the conversation is gone. */
  add(id: string, activity: Partial<Activity>): Promise<string>;
  /** Everything after the watermark the client last saw. */
  since(id: string, watermark: number): Promise<ActivitiesSince>;
  /** "Forget me": what the user's conversations showed is gone; watermarks go on, so polling carries on. */
  forgetUser(userId: string): Promise<void>;
}

export function activityId(conversationId: string, watermark: number): string {
  return `${conversationId}|${String(watermark).padStart(7, '0')}`;
}
