import type { TurnContext } from 'botbuilder';
import type { Utterance } from '../src/nlu/utterance';

const UTTERANCE = Symbol('utterance');

/** Whatever reads a message as the knowledge index and the triage do (spelling fixed with the same words). */
export interface MessageReader {
  read(text: string): Utterance;
}

/**
 * This turn's message, read once: the first part of the turn to ask (the router, before the safety screen)
 * reads it, and every later part gets the same reading.
 */
export function utteranceOf(context: TurnContext, reader: MessageReader): Utterance {
  const text = context.activity.text ?? '';
  const read = context.turnState.get(UTTERANCE) as Utterance | undefined;
  if (read?.text === text) return read;
  const utterance = reader.read(text);
  context.turnState.set(UTTERANCE, utterance);
  return utterance;
}
