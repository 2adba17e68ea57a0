import type { TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/**
 * The turn-state key under which botbuilder-dialogs keeps a turn's memory-scope configuration (internal to
 * DialogStateManager; should it change, the configuration is simply built again each turn, as before).
 */
const STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/**
 * The bot's top-level DialogSet. botbuilder-dialogs builds the memory-scope configuration of DialogStateManager
 * (a dozen scope and resolver objects, none holding state of their own) anew on every turn's first DialogContext;
 * this set builds it on the first turn and hands the same one to every later turn.
 */
export class RootDialogSet extends DialogSet {
  private configuration?: DialogStateManagerConfiguration;

  override async createContext(context: TurnContext): Promise<DialogContext> {
    if (this.configuration && !context.turnState.has(STATE_CONFIGURATION))
      context.turnState.set(STATE_CONFIGURATION, this.configuration);
    const dc = await super.createContext(context);
    this.configuration ??= dc.state.configuration;
    return dc;
  }
}
