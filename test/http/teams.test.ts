import type { Server } from 'node:http';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { silentLogger, testConfig } from '../helpers';
import { fakeChannel, post, start } from './botClient';

const BOT = { id: '28:2f1c8a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', name: 'BackCare' };
const TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
const MENTION = '<at>BackCare</at>';

type Scope = 'personal' | 'groupChat' | 'channel';

/**
 * Teams-shaped activities, as the Teams channel posts them: Teams ids, the tenant in channelData and conversation,
 * the bot's @mention in the text and in `entities`, and replies sent back to the serviceUrl, not in the response.
 */
describe('Microsoft Teams over HTTP', () => {
  let app: App;
  let base: string;
  let channel: { server: Server; url: string; received: Partial<Activity>[] };
  let next = 0;

  beforeAll(async () => {
    channel = await fakeChannel();
    app = createApp(testConfig({ MicrosoftAppId: '' }), { logger: silentLogger });
    base = await start(app);
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => channel.server.close(resolve));
  });

  const conversation = (scope: Scope, id: string) => ({
    id: scope === 'personal' ? `a:${id}` : `19:${id}@thread.v2`,
    conversationType: scope,
    tenantId: TENANT.id,
    ...(scope === 'personal' ? {} : { isGroup: true }),
  });

  const teamsActivity = (scope: Scope, conversationId: string, extra: Partial<Activity>) => ({
    id: `${Date.now()}${next++}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${channel.url}/`,
    from: { id: `29:user-${conversationId}`, name: 'Alex Doe', aadObjectId: 'b1c5e9f0-0000-4000-8000-000000000001' },
    recipient: BOT,
    conversation: conversation(scope, conversationId),
    channelData: {
      tenant: TENANT,
      ...(scope === 'channel'
        ? { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general@thread.tacv2' } }
        : {}),
    },
    locale: 'en-GB',
    ...extra,
  });

  /** What the bot sent to the conversation in answer to one activity. */
  async function send(scope: Scope, conversationId: string, extra: Partial<Activity>): Promise<Partial<Activity>[]> {
    const before = channel.received.length;
    const { status } = await post(base, teamsActivity(scope, conversationId, extra));
    expect(status).toBeLessThan(300);
    const replies = channel.received.slice(before);
    replies.forEach(expectWithinTeamsLimits);
    return replies;
  }

  const message = (text: string, mentioned = true): Partial<Activity> => ({
    type: 'message',
    text: mentioned ? `${MENTION} ${text}` : text,
    textFormat: 'plain',
    entities: [
      ...(mentioned ? [{ type: 'mention', text: MENTION, mentioned: BOT }] : []),
      { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' },
    ],
  });

  const say = async (scope: Scope, conversationId: string, text: string, mentioned = true) =>
    (await send(scope, conversationId, message(text, mentioned))).map((reply) => reply.text ?? '').join('\n');

  it('reads a personal chat message without the @mention: commands work and "my back hurts" starts the assessment', async () => {
    expect(await say('personal', 'p-1', 'help')).not.toMatch(/can't help/i);
    expect(await say('personal', 'p-1', 'my back hurts')).toMatch(/safety check/i);
    expect(await say('personal', 'p-1', 'stop')).toMatch(/stopped|stop/i);
    expect(await say('personal', 'p-1', 'forget me')).toMatch(/delete/i);
  });

  it('welcomes once per install: when the bot is added, not when people join a group chat', async () => {
    const added = (scope: Scope, id: string, members: { id: string; name: string }[]) =>
      send(scope, id, { type: 'conversationUpdate', membersAdded: members });
    const [welcome, ...more] = await added('personal', 'p-2', [BOT]);
    expect(welcome.text).toMatch(/^Hi, I'm BackCare/);
    expect(more).toEqual([]);
    // Teams also sends installationUpdate for the same install: no second welcome.
    expect(await send('personal', 'p-2', { type: 'installationUpdate', action: 'add' })).toEqual([]);

    const [groupWelcome] = await added('groupChat', 'g-1', [BOT]);
    expect(groupWelcome.text).toMatch(/Mention me with a question[\s\S]*private chat/);
    expect(await added('groupChat', 'g-1', [{ id: '29:new-colleague', name: 'Sam' }])).toEqual([]);
    expect(await added('groupChat', 'g-1', [{ id: '29:another-colleague', name: 'Kim' }])).toEqual([]);
  });

  it('answers in a group chat only when mentioned, and offers a private chat for anything personal', async () => {
    expect(await send('groupChat', 'g-2', message('what is thai massage?', false))).toEqual([]);
    expect(await say('groupChat', 'g-2', 'what is thai massage?')).toMatch(/Thai/);
    const personal = await say('groupChat', 'g-2', 'my back hurts, can you make me a plan');
    expect(personal).toMatch(/private chat/);
    expect(personal).not.toMatch(/safety check|How bad is the pain/i);
    expect(await say('groupChat', 'g-2', 'what do you know about me')).toMatch(/private chat/);
    expect(await say('groupChat', 'g-2', 'forget me')).toMatch(/private chat/);
    // Safety comes first everywhere: a warning sign told in a group still gets the urgent advice.
    expect(await say('groupChat', 'g-2', 'since this morning i cant feel my bum or my inner thighs')).toMatch(
      /emergency/i,
    );
  });

  it('answers in a team channel when mentioned', async () => {
    expect(await say('channel', 'c-1', 'which stretches help lower back pain')).toMatch(/stretch/i);
    expect(await send('channel', 'c-1', message('anyone for lunch?', false))).toEqual([]);
  });

  it('reads a button tapped on a card (Teams posts its data) and survives a malformed mention', async () => {
    const tapped = await send('personal', 'p-3', { type: 'message', value: { text: 'Get a personal plan' } });
    expect(tapped.map((reply) => reply.text).join('\n')).toMatch(/safety check/i);
    const odd = await send('personal', 'p-4', {
      ...message('what is swedish massage'),
      entities: [{ type: 'mention', text: MENTION }],
    });
    expect(odd.map((reply) => reply.text).join('\n')).toMatch(/Swedish/);
  });
});

/** Teams shows three suggested actions and six card buttons, and renders Adaptive Cards up to version 1.5. */
function expectWithinTeamsLimits(reply: Partial<Activity>): void {
  expect(reply.suggestedActions?.actions.length ?? 0).toBeLessThanOrEqual(3);
  for (const attachment of reply.attachments ?? []) {
    const content = attachment.content as { buttons?: unknown[]; actions?: unknown[]; version?: string };
    if (attachment.contentType === 'application/vnd.microsoft.card.hero')
      expect(content.buttons?.length ?? 0).toBeLessThanOrEqual(6);
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
      expect(Number(content.version)).toBeLessThanOrEqual(1.5);
      expect(content.actions?.length ?? 0).toBeLessThanOrEqual(6);
    }
  }
}
