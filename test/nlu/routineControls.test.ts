import { recognizeRoutineControl } from '../../src/nlu/routineControls';

describe('recognizeRoutineControl', () => {
  it.each([
    // next
    ['next', 'next'],
    ['Next!', 'next'],
    ['done', 'next'],
    ['Done.', 'next'],
    ['ok', 'next'],
    ['OK', 'next'],
    ['okay', 'next'],
    ['nxt', 'next'],
    ['nect', 'next'],
    ['go on', 'next'],
    ['ready', 'next'],
    ['next step', 'next'],
    ['next please', 'next'],
    ['what next?', 'next'],
    // back
    ['back', 'back'],
    ['go back', 'back'],
    ['Go back please', 'back'],
    ['previous', 'back'],
    ['previous step', 'back'],
    // repeat
    ['repeat', 'repeat'],
    ['again', 'repeat'],
    ['repaet', 'repeat'],
    ['say again', 'repeat'],
    ['Repeat that?', 'repeat'],
    ['one more time', 'repeat'],
    // pause
    ['pause', 'pause'],
    ['pasue', 'pause'],
    ['wait', 'pause'],
    ['Wait!', 'pause'],
    ['hold on', 'pause'],
    ['later', 'pause'],
    ['not now', 'pause'],
    // resume
    ['continue', 'resume'],
    ['resume', 'resume'],
    ['carry on', 'resume'],
    ['Continue please', 'resume'],
    ["I'm back", 'resume'],
    // skip
    ['skip', 'skip'],
    ['skip this one', 'skip'],
    ['Skip it.', 'skip'],
    // hurts: pain comes first, whatever else the message says
    ['that hurts', 'hurts'],
    ['That hurts!', 'hurts'],
    ['ouch', 'hurts'],
    ['Ouchhh', 'hurts'],
    ['OW', 'hurts'],
    ['owww', 'hurts'],
    ['pain is worse', 'hurts'],
    ['the pain is getting worse', 'hurts'],
    ['I felt a twinge', 'hurts'],
    ['ok but it hurts', 'hurts'],
    ['wait, that hurts', 'hurts'],
    ['done, but that was painful', 'hurts'],
    ['sharp pain in my back', 'hurts'],
    ['my leg is tingling', 'hurts'],
  ])('%j is %s', (text, control) => {
    expect(recognizeRoutineControl(text)).toBe(control);
  });

  it.each([
    "it doesn't hurt",
    'it does not hurt at all',
    'no pain',
    'what is swedish massage',
    // A global command, handled before the walkthrough sees it.
    'stop',
    'how long do I hold it?',
    'what is the next stretch after this one?',
    'can I go back to work with back pain?',
    'is it ok to do this every day?',
    'hi',
    '',
  ])('%j is not a control', (text) => {
    expect(recognizeRoutineControl(text)).toBeNull();
  });
});

describe('routine controls with the words around them', () => {
  it.each([
    ['ok done', 'next'],
    ['ok, done that', 'next'],
    ['right, finished', 'next'],
    ['all done', 'next'],
    ['okay did it', 'next'],
    ['ok skip that one', 'skip'],
    ['yeah repeat that thanks', 'repeat'],
  ])('%j is %s', (text, control) => {
    expect(recognizeRoutineControl(text)).toBe(control);
  });
});
