import { recognizeSeverity } from '../../src/nlu/severity';

describe('recognizeSeverity', () => {
  it.each([
    ['7', 7],
    ['about a seven', 7],
    ['7/10', 7],
    ['7 / 10', 7],
    ['seven out of ten', 7],
    ['8 outta 10', 8],
    ['a solid 8', 8],
    ['4 or 5', 5],
    ['4-5', 5],
    ['between 2 and 3', 3],
    ['6 or 7 out of 10', 7],
    ['eight-ish', 8],
    ['8ish', 8],
    ['fiveish', 5],
    ['sevn', 7],
    ['six and a half', 6.5],
    ['7 and a half', 7.5],
    ['0', 0],
    ['zero', 0],
    ['10/10', 10],
    ['on a scale of 1 to 10 id say 6', 6],
    ['if 10 is the worst then im at a 7', 7],
    ['it was a 9 yesterday but about 5 now', 5],
    ['now its a 4, was 8 last week', 4],
    ['usually 4 but 9 at its worst', 4],
    ['been 3 days, about a 6', 6],
    ['im 45 and its a 3', 3],
    ['took 2 paracetamol, still a 6', 6],
  ])('"%s" is %s', (text, value) => {
    expect(recognizeSeverity(text)).toEqual({ value, outOfRange: false });
  });

  it.each([
    ['pretty bad', false],
    ['no pain', false],
    ["I'm fine", false],
    ['the pain is one I can live with', false],
    ['what does 5 mean?', false],
    ['been 3 days', false],
    ['im 45', false],
    ['half', false],
    ['', false],
    ['11/10', true],
    ['15', true],
  ])('"%s" has no score (out of range: %s)', (text, outOfRange) => {
    expect(recognizeSeverity(text)).toEqual({ value: null, outOfRange });
  });
});
