/**
 * The anchor for the start-up and throughput benchmarks: a typical Bot Framework bot on the same packages
 * (restify, CloudAdapter, conversation and user state, a three-step waterfall dialog), as the SDK's samples
 * build one. Run as its own process: `node dist/bench/anchors/dialogBot.js` with PORT.
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  UserState,
} from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import * as restify from 'restify';

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const dialogState = conversationState.createProperty('dialogState');
const profile = userState.createProperty<{ name?: string; topic?: string }>('profile');

class AskDialog extends ComponentDialog {
  constructor() {
    super('ask');
    this.addDialog(new TextPrompt('text'));
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step) => step.prompt('text', 'What should I call you?'),
        async (step) => {
          (await profile.get(step.context, {})).name = String(step.result);
          return step.prompt('text', 'What would you like to talk about?');
        },
        async (step) => {
          (await profile.get(step.context, {})).topic = String(step.result);
          await step.context.sendActivity(`Thanks: noted "${String(step.result)}".`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

const dialogs = new DialogSet(dialogState).add(new AskDialog());

class DialogBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('ask');
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new DialogBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => adapter.process(req, res, (context) => bot.run(context)));
server.listen(Number(process.env.PORT), '127.0.0.1');
