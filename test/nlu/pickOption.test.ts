import { pickOption } from '../../src/nlu/pickOption';

const OFFERED = ['Which massage suits me?', 'Kneading the glutes and hip muscles', 'Heat and cold', 'Something else'];

describe('pickOption', () => {
  it.each([
    ['2', 1],
    ['option 3', 2],
    ['number 1 please', 0],
    ['the first one', 0],
    ['second', 1],
    ['the last one', 3],
    ['glutes', 1],
    ['the heat one', 2],
    ['hip muscles', 1],
    ['something else', 3],
  ])('%j picks option %i', (text, index) => {
    expect(pickOption(text, OFFERED)).toBe(index);
  });

  it.each([
    ['9', 'a number past the end'],
    ['how often should I have a massage', 'a new question sharing one word'],
    ['what is thai massage', 'a new question'],
    ['the first time it hurt was at work', 'a long sentence with "first" in it'],
    ['', 'nothing'],
  ])('%j picks nothing (%s)', (text) => {
    expect(pickOption(text, OFFERED)).toBeNull();
  });
});
