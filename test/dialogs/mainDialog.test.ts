import Database from 'better-sqlite3';
import { AutoSaveStateMiddleware, ConversationState, MemoryStorage, UserState, type Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { createDialogs } from '../../dialogs/createDialogs';
import { HoldTimers } from '../../src/channels/holdTimers';
import { ProactiveMessages } from '../../src/channels/proactiveMessages';
import { loadedKnowledge } from '../../src/kb/loadedKnowledge';
import { Scheduler } from '../../src/scheduling/scheduler';
import { SqliteJobStore } from '../../src/shared/sqlite/sqliteJobStore';
import { KNOWLEDGE_DIR, knowledgeIndex, silentLogger, testConfig, titleOf } from '../helpers';

/** MainDialog on its own, driven by botbuilder-testing's DialogTestClient. */
function client(channelId = 'emulator') {
  const storage = new MemoryStorage();
  const state = new ConversationState(storage);
  const user = new UserState(storage);
  // No hold is counted on the test adapter (it takes no messages outside a turn).
  const holdTimers = new HoldTimers(
    new Scheduler(new SqliteJobStore(new Database(':memory:')), silentLogger),
    new ProactiveMessages(),
    state,
  );
  const { mainDialog } = createDialogs(
    loadedKnowledge(KNOWLEDGE_DIR),
    testConfig(),
    silentLogger,
    state,
    user,
    holdTimers,
  );
  return new DialogTestClient(channelId, mainDialog, undefined, [new AutoSaveStateMiddleware(user)], state);
}

const titlesOf = (reply: Activity) => reply.suggestedActions!.actions.map((action) => action.title);

describe('MainDialog', () => {
  it('answers a sure match and ends', async () => {
    const test = client();
    const reply = await test.sendActivity('what is swedish massage');
    expect(reply.text).toMatch(/Swedish/);
    expect(test.dialogTurnResult.status).toBe('complete');
  });

  it('offers the closest topics when unsure and waits for a choice', async () => {
    const test = client();
    const reply = await test.sendActivity('massage');
    expect(reply.text).toMatch(/not completely sure/);
    expect(test.dialogTurnResult.status).toBe('waiting');
    const offered = titlesOf(reply);
    const answer = await test.sendActivity(offered[0]);
    expect(answer.text).toBe(knowledgeIndex().findByTitle(offered[0])!.answer);
    expect(test.dialogTurnResult.status).toBe('complete');
  });

  it('asks for more detail when none of the offered topics fits', async () => {
    const test = client();
    await test.sendActivity('massage');
    expect((await test.sendActivity('Something else')).text).toMatch(/tell me a bit more/);
    expect(test.dialogTurnResult.status).toBe('complete');
  });

  it('numbers the choices in a text-only channel and takes the number', async () => {
    const test = client('sms');
    const reply = await test.sendActivity('massage');
    expect(reply.text).toMatch(/1\. .+\n\s*2\. /);
    expect((await test.sendActivity('1')).text!.length).toBeGreaterThan(50);
  });

  it('starts the assessment for a request for help with the user’s back and keeps it running', async () => {
    const test = client();
    expect((await test.sendActivity('my back hurts')).text).toMatch(/work out a plan/);
    expect(test.getNextReply().text).toMatch(/quick safety check/);
    expect(test.dialogTurnResult.status).toBe('waiting');
    expect((await test.sendActivity('no')).text).toMatch(/How bad is the pain/);
  });

  it('says what it can help with when nothing fits', async () => {
    const reply = await client().sendActivity('what is the capital of France');
    expect(reply.text).toMatch(/doctor or pharmacist/);
    expect(titlesOf(reply)).toContain(titleOf('cause.overview'));
  });
});
