import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH, SLACK_INTERACTIONS_PATH } from '../../src/channels/slack/slackBridge';
import { fromSlackText, slackMessage, toMrkdwn } from '../../src/channels/slack/slackMessage';
import { ROOT } from '../cli/runBackcare';

describe("Slack's message format", () => {
  it('turns Markdown into mrkdwn: bold, links, lists, headings, and the three characters Slack escapes', () => {
    expect(toMrkdwn('**Swedish massage** & <more>')).toBe('*Swedish massage* &amp; &lt;more&gt;');
    expect(toMrkdwn('See [the NHS page](https://www.nhs.uk/conditions/back-pain/).')).toBe(
      'See <https://www.nhs.uk/conditions/back-pain/|the NHS page>.',
    );
    expect(toMrkdwn('Try:\n- walking\n- the cat stretch')).toBe('Try:\n• walking\n• the cat stretch');
    expect(toMrkdwn('## When to see a doctor')).toBe('*When to see a doctor*');
  });

  it('reads what people type in Slack as plain text: escapes undone, links and mentions taken out', () => {
    expect(fromSlackText('<@U0BACKCARE> is heat &amp; ice ok? &lt;3')).toBe('is heat & ice ok? <3');
    expect(fromSlackText('I read <https://example.org/x|this article> about it')).toBe('I read this article about it');
  });

  it('puts buttons in an actions block, and long text in sections of at most 3,000 characters', () => {
    const long = Array.from({ length: 8 }, (_, i) => `${i} ${'word '.repeat(100)}`).join('\n\n');
    const { text, blocks } = slackMessage({ text: long, actions: ['Tell me more', 'Walk me through it'] });
    expect(text).toBe(long);
    const sections = blocks!.filter((block) => (block as { type: string }).type === 'section') as {
      text: { text: string };
    }[];
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((section) => section.text.text).join('\n\n')).toBe(long);
    expect(blocks!.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ value: 'Tell me more' }, { value: 'Walk me through it' }],
    });
    expect(slackMessage({ text: 'Plain' })).toEqual({ text: 'Plain' });
  });
});

describe('the Slack app manifest', () => {
  const manifest = parse(readFileSync(join(ROOT, 'deploy', 'slack-app-manifest.yml'), 'utf8')) as {
    oauth_config: { scopes: { bot: string[] } };
    settings: {
      event_subscriptions: { request_url: string; bot_events: string[] };
      interactivity: { is_enabled: boolean; request_url: string };
    };
  };

  it("points Slack's events and button taps at this server's routes, with the scopes a direct message needs", () => {
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_INTERACTIONS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['message.im', 'app_home_opened']),
    );
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'im:history']));
  });
});
