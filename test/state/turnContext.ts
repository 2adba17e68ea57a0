import { TestAdapter, TurnContext } from 'botbuilder';

/** A new turn in one conversation of one user: what BotState keys its state by, and caches it in. */
export const turnInOneConversation = () =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'c' } as never,
    from: { id: 'u', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
  });
