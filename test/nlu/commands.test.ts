import { recognizeCommand } from '../../src/nlu/commands';

describe('recognizeCommand', () => {
  it.each([
    ['help', 'help'],
    ['Help!', 'help'],
    ['hlep', 'help'],
    ['what can you do?', 'help'],
    ['start over', 'startOver'],
    ['Restart please', 'startOver'],
    ['stop', 'cancel'],
    ['Cancel.', 'cancel'],
    ['never mind', 'cancel'],
    ['forget me', 'forgetMe'],
    ['Delete my data.', 'forgetMe'],
    ['tell me more', 'more'],
    ['more please', 'more'],
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['good morning', 'greeting'],
    ['thanks a lot', 'thanks'],
    ['cheers', 'thanks'],
    ['bye', 'goodbye'],
  ])('%j is %s', (text, command) => {
    expect(recognizeCommand(text)).toBe(command);
  });

  it.each([
    'when should I stop stretching?',
    'can you help me with my back pain',
    'hi, is hot stone massage safe?',
    'stop the pain please',
    'what is thai massage',
    '???',
    '',
  ])('%j is a question, not a command', (text) => {
    expect(recognizeCommand(text)).toBeNull();
  });
});
