import { MemoryStorage, type Activity } from 'botbuilder';
import { PATHOLOGICAL_PATTERNS, pathological } from '../../bench/pathologicalMessages';
import { createApp, type App } from '../../src/app';
import { MAX_ACTIVITY_BODY_BYTES } from '../../src/channels/botFramework/messagesRoute';
import { MAX_MESSAGE_CHARS, MAX_UNDERSTOOD_CHARS } from '../../src/nlu/messageLimits';
import { silentLogger, testConfig } from '../helpers';
import { activity, post, start } from './botClient';

/**
 * No message may hold the server up: pathological messages up to the body limit, outside any dialog and at the
 * questions whose readers are costly, each answered well inside a generous bound (the target is about 20 ms of
 * event-loop time; `npm run bench` measures that precisely, this catches stalls of seconds).
 */
const GENEROUS_BOUND_MS = 250;
/** The largest text accepted (and, in bytes, that fits the body limit with the rest of the activity around it). */
const LARGEST_TEXT = MAX_MESSAGE_CHARS;
const LARGEST_BYTES = MAX_ACTIVITY_BODY_BYTES - 2048;

/** Where a message can arrive, and the answers that lead there from a new conversation. */
const PLACES: Record<string, string[]> = {
  'outside any dialog': [],
  'the pain question': ['Get a personal plan', 'No, none of these'],
  'the "how long" question': ['Get a personal plan', 'No, none of these', '6/10'],
  'the sitting question': ['Get a personal plan', 'No, none of these', '6/10', '3 weeks', 'About the same'],
};

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');

describe('the cost of one message', () => {
  let app: App;
  let base: string;
  let conversations = 0;

  beforeAll(async () => {
    app = createApp(testConfig(), { logger: silentLogger, storage: new MemoryStorage() });
    base = await start(app);
    // The first turns of a process compile code paths; the bound is about steady state.
    for (const text of ['hello', 'what is thai massage', pathological('seven ', 3000)])
      await post(base, activity(text, 'warm-up'));
  });
  afterAll(() => app.close());

  async function at(place: string): Promise<string> {
    const conversationId = `cost-${conversations++}`;
    for (const answer of PLACES[place]) expect((await post(base, activity(answer, conversationId))).status).toBe(200);
    return conversationId;
  }

  const cases = Object.keys(PLACES).flatMap((place) =>
    Object.keys(PATHOLOGICAL_PATTERNS).flatMap((kind) =>
      [MAX_UNDERSTOOD_CHARS, LARGEST_TEXT].map((chars) => [place, kind, chars] as const),
    ),
  );

  it.each(cases)('at %s, %s x %d characters is answered within the bound', async (place, kind, chars) => {
    const conversationId = await at(place);
    const text = pathological(PATHOLOGICAL_PATTERNS[kind], chars, LARGEST_BYTES);
    const started = performance.now();
    const { status, json } = await post(base, activity(text, conversationId));
    const elapsed = performance.now() - started;
    expect(status).toBe(200);
    expect(elapsed).toBeLessThan(GENEROUS_BOUND_MS);
    const replies = texts(json.activities);
    expect(replies).not.toMatch(/something went wrong/);
    if (chars > MAX_UNDERSTOOD_CHARS && !/call|emergency|urgent|A&E|111|999/i.test(replies))
      expect(replies).toMatch(/long message/);
  });
});

describe('messages longer than any channel sends', () => {
  it('are refused with 413 before anything reads them', async () => {
    const app = createApp(testConfig(), { logger: silentLogger, storage: new MemoryStorage() });
    try {
      const { status, json } = await post(await start(app), activity('a'.repeat(MAX_MESSAGE_CHARS + 1)));
      expect(status).toBe(413);
      expect(json.error.code).toBe('PayloadTooLarge');
    } finally {
      await app.close();
    }
  });
});
