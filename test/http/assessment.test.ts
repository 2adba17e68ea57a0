import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { loadKnowledge } from '../../src/kb/loadKnowledge';
import { PlanBuilder } from '../../src/plan/buildPlan';
import { planEntries } from '../../src/plan/planText';
import { KNOWLEDGE_DIR, planCard, silentLogger, testConfig } from '../helpers';
import { activity, post, start } from './botClient';

/** What the user answers, and what those answers mean for the plan rules. */
const SCRIPT: [string, RegExp][] = [
  ['hi', /Hello!/],
  ['Get a personal plan', /quick safety check/],
  ['No, none of these', /How bad is the pain/],
  ['6/10', /How long/],
  ['since last month', /better, getting worse/],
  ['About the same', /hours do you spend sitting/],
  ['9 to 5', /wake up stiff/],
  ['Yes, often', /mattress/],
  ["No, it's fine", /stress/],
  ['Some', /sport/],
  ['Neither', /massage safety/],
  ['No', /Here's what I understood/],
];

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');

/** The card's text blocks, in order. */
describe('assessment over HTTP', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'backcare-assessment-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs from "hi" to a plan that matches the rules, and welcomes the user back after a restart', async () => {
    const config = testConfig({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.sqlite') });
    let app: App = createApp(config, { logger: silentLogger });
    let base = await start(app);
    try {
      for (const [message, expected] of SCRIPT) {
        const { status, json } = await post(base, activity(message, 'visit-1'));
        expect(status).toBe(200);
        expect(texts(json.activities)).toMatch(expected);
      }
      const { json } = await post(base, activity('Yes, show my plan', 'visit-1'));
      const [planReply] = json.activities as Partial<Activity>[];
      expect(planReply.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');

      // The same answers through the rules directly: every item, in order, and nothing else.
      const { plan: rules, routines, cautions } = loadKnowledge(KNOWLEDGE_DIR);
      const expected = new PlanBuilder(rules, routines, cautions).build({
        warningSigns: 'no',
        severity: 6,
        trend: 'same',
        sittingHours: 8,
        wakesStiff: 'yes',
        mattressWorn: 'no',
        stress: 'some',
        activity: 'none',
        massageCautions: 'no',
        durationBand: 'subacute',
      });
      const { titles } = planCard(planReply);
      expect(titles).toEqual(
        planEntries(expected).map((entry) => ('leftOut' in entry ? 'Not in your plan for now' : entry.title)),
      );
      expect(titles).toContain('Hot stone massage');
    } finally {
      await app.close();
    }

    // A new conversation after a restart: the profile came back from the SQLite file.
    app = createApp(config, { logger: silentLogger });
    base = await start(app);
    try {
      const joined = await post(
        base,
        activity('', 'visit-2', {
          type: 'conversationUpdate',
          text: undefined,
          membersAdded: [{ id: 'user-1', name: 'User' }],
        }),
      );
      expect(texts(joined.json.activities)).toMatch(/Welcome back! Last time, .* your pain was 6\/10/);
      const { json } = await post(base, activity('3', 'visit-2'));
      expect(texts(json.activities)).toMatch(/That's down from 6 to 3/);

      // Much worse at the next visit: the warning-sign checklist comes first, the plan's advice after it.
      await post(
        base,
        activity('', 'visit-3', {
          type: 'conversationUpdate',
          text: undefined,
          membersAdded: [{ id: 'user-1', name: 'User' }],
        }),
      );
      const worse = await post(base, activity('more like a 9 now', 'visit-3'));
      expect(texts(worse.json.activities)).toMatch(
        /^That's up from 3 to 9\. Before anything else, a quick safety check\./,
      );
      expect(texts(worse.json.activities)).not.toMatch(/updated your plan/);
      const checked = await post(base, activity('No, none of these', 'visit-3'));
      expect(texts(checked.json.activities)).toMatch(
        /That's up from 3 to 9\. I'm sorry it's worse.*updated your plan/s,
      );
    } finally {
      await app.close();
    }
  });
});
