import type { ConversationState, Storage, TurnContext, UserState } from 'botbuilder';

/** Conversations remembered per user, newest last; past this many the oldest are forgotten first. */
const MAX_CONVERSATIONS_PER_USER = 200;

/** Told when a user has been forgotten, so that a channel can drop what it keeps too (Direct Line's history). */
export type ForgetListener = (who: { channelId: string; userId: string }) => void | Promise<void>;

/**
 * Everything stored about a person, so that "forget me" can delete all of it:
 * their user state, and the state of every one-to-one conversation they have
 * had with the bot (not only the current one), which the user state lists.
 * Group conversations are shared with other people and are not theirs alone.
 */
export class PersonalData {
  private readonly conversations;
  private readonly listeners: ForgetListener[] = [];

  constructor(
    private readonly storage: Storage,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    this.conversations = userState.createProperty<string[]>('conversations');
  }

  /** Notes the turn's conversation under the user, once; called on every turn before state is saved. */
  async recordConversation(context: TurnContext): Promise<void> {
    const { conversation, from } = context.activity;
    if (!conversation?.id || !from?.id || conversation.isGroup) return;
    const known = await this.conversations.get(context, []);
    if (known[known.length - 1] === conversation.id) return;
    const others = known.filter((id) => id !== conversation.id);
    await this.conversations.set(context, [...others, conversation.id].slice(-MAX_CONVERSATIONS_PER_USER));
  }

  onForget(listener: ForgetListener): void {
    this.listeners.push(listener);
  }

  /** Deletes the user's state and every conversation of theirs, then tells the channels. */
  async forget(context: TurnContext): Promise<void> {
    const { channelId, from } = context.activity;
    const ids = await this.conversations.get(context, []);
    const keys = ids.map((id) =>
      this.conversationState.getStorageKey({ activity: { channelId, conversation: { id } } } as TurnContext),
    );
    await this.storage.delete(keys.filter((key): key is string => key !== undefined));
    await this.conversationState.delete(context);
    await this.userState.delete(context);
    for (const listener of this.listeners) await listener({ channelId, userId: from.id });
  }
}
