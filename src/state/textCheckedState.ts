import { BotState, ConversationState, UserState, type StoreItem, type TurnContext } from 'botbuilder';

/** What BotState keeps in the turn for itself: the state, and what tells whether it has changed. */
interface Cached {
  state: StoreItem;
  hash: string;
}

type BotStateClass<T extends BotState> = new (...args: ConstructorParameters<typeof ConversationState>) => T;

/**
 * BotState (botbuilder 4.23) tells whether state has changed by hashing it, as JSON written with a replacer
 * function and then SHA-256, when it loads and twice when it saves: about one twentieth of a turn's CPU. The JSON
 * text itself tells the same for a fraction of that. These classes load and save exactly as BotState does, in the
 * same turn cache (so its get, clear and delete work unchanged); only the change test differs.
 */
function withTextChangeCheck<T extends BotState>(Base: BotStateClass<T>): BotStateClass<T> {
  return class extends (Base as BotStateClass<BotState>) {
    /** BotState's own (private) key for its turn cache. */
    private get cacheKey(): symbol {
      return (this as unknown as { stateKey: symbol }).stateKey;
    }

    override async load(context: TurnContext, force = false): Promise<StoreItem> {
      const cached = context.turnState.get<Cached | undefined>(this.cacheKey);
      if (!force && cached?.state) return cached.state;
      const key = await this.storageKey(context);
      const state: StoreItem = (await this.storage.read([key]))[key] ?? {};
      context.turnState.set(this.cacheKey, { state, hash: changeText(state) } satisfies Cached);
      return state;
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      let cached = context.turnState.get<Cached | undefined>(this.cacheKey);
      if (!force && (!cached || cached.hash === changeText(cached.state))) return;
      const key = await this.storageKey(context);
      cached ??= { state: {}, hash: '' };
      cached.state.eTag = '*';
      await this.storage.write({ [key]: cached.state });
      cached.hash = changeText(cached.state);
      context.turnState.set(this.cacheKey, cached);
    }
  } as unknown as BotStateClass<T>;
}

/** The state as JSON without its eTag (which the store changes on every write): equal text, unchanged state. */
function changeText(state: StoreItem): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { eTag, ...rest } = state;
  return JSON.stringify(rest);
}

export const TextCheckedConversationState = withTextChangeCheck(ConversationState);
export const TextCheckedUserState = withTextChangeCheck(UserState);
