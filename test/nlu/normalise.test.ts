import { normaliseText, stem, tokenise } from '../../src/nlu/normalise';

describe('normaliseText and tokenise', () => {
  it.each([
    ['What’s  the BEST massage?!', 'whats the best massage'],
    ["I can't sleep -- my back...", 'i cant sleep my back'],
    ['Café  crème', 'cafe creme'],
    ['   ', ''],
    ['knee-to-chest', 'knee to chest'],
  ])('%j -> %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
    expect(tokenise(text)).toEqual(expected === '' ? [] : expected.split(' '));
  });
});

describe('stem', () => {
  it.each([
    [['stretch', 'stretches', 'stretching', 'stretched'], 'stretch'],
    [['massage', 'massages', 'massaging', 'massaged'], 'massag'],
    [['sit', 'sits', 'sitting'], 'sit'],
    [['mattress', 'mattresses'], 'mattress'],
    [['injury', 'injuries'], 'injuri'],
    [['ache', 'aches', 'aching'], 'ach'],
    [['stone', 'stones'], 'ston'],
  ])('maps %j to one key', (words, key) => {
    for (const word of words) expect([word, stem(word)]).toEqual([word, key]);
  });

  it('leaves short words and numbers alone', () => {
    expect(['bus', 'gym', 'leg', '2024', 'yes'].map(stem)).toEqual(['bus', 'gym', 'leg', '2024', 'yes']);
  });
});
