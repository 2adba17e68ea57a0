import { meantInstead, recognizeCommand } from '../../src/nlu/commands';

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
    ['where is this from?', 'sources'],
    ['Where did you get that from', 'sources'],
    ['whats your source', 'sources'],
    ['sources please', 'sources'],
    ['says who?', 'sources'],
    ['how am I doing?', 'progress'],
    ['show me my progress', 'progress'],
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['good morning', 'greeting'],
    ['thanks a lot', 'thanks'],
    ['cheers', 'thanks'],
    ['bye', 'goodbye'],
    ['ok', 'acknowledge'],
    ['Got it.', 'acknowledge'],
    ["you're useless", 'complaint'],
    ['that didnt help', 'complaint'],
    ['can I talk to a human', 'human'],
    ['I want to speak to a real person', 'human'],
    ['are you a bot?', 'human'],
    ['not that one', 'correction'],
    ['no, the other one', 'correction'],
    ["that's not what I asked", 'correction'],
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

describe('meantInstead', () => {
  it.each([
    ['no, I meant my mum', 'my mum'],
    ['I meant the stretches', 'the stretches'],
    ['sorry i was asking about heat packs', 'heat packs'],
  ])('%j asks about %j instead', (text, meant) => {
    expect(meantInstead(text)).toBe(meant);
  });

  it.each(['I meant the other one', 'what do you mean', 'is hot stone safe'])('%j names nothing new', (text) => {
    expect(meantInstead(text)).toBeUndefined();
  });
});
