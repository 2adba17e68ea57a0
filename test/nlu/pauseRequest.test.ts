import { recognizePause } from '../../src/nlu/pauseRequest';

describe('recognizePause', () => {
  it.each([
    'hold on, my phone rang, can we carry on later',
    'sorry gotta go, can we finish this later?',
    'I have to run, pick it up tomorrow',
    'need to go, kids',
    'pause',
    'not now',
    "let's stop here for now",
    'can we do the rest another day',
  ])('%j is a pause until later', (text) => {
    expect(recognizePause(text)).toBe('later');
  });

  it.each(['one sec', 'hang on', 'wait someone is at the door', 'brb', 'give me a minute', 'hold on, phone'])(
    '%j is a moment',
    (text) => {
      expect(recognizePause(text)).toBe('moment');
    },
  );

  it.each([
    "hang on, that's wrong",
    'wait, is 7 severe?',
    'about 6',
    'I sit at my desk for 9 hours, then I have to go to the gym later',
    'later in the day it gets worse',
  ])('%j is not a pause', (text) => {
    expect(recognizePause(text)).toBeNull();
  });
});
