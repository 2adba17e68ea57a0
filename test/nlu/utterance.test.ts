import { Utterance } from '../../src/nlu/utterance';
import { SpellingFixer } from '../../src/nlu/spelling';

const spelling = new SpellingFixer({
  counts: new Map([
    ['mattress', 246],
    ['matress', 9],
    ['numbness', 120],
  ]),
  curated: new Set(),
});

describe('Utterance parts', () => {
  const message =
    "My back's been bad for weeks, no numbness though.\nCan't sleep on this matress!  Is a firmer one better?\n\n" +
    'I dont have any fever but my legs, both of them, feel weak. 20 paracetamol a day... Thanks.';
  const utterance = new Utterance(message, spelling);
  const sentences = ["My back's been bad for weeks, no numbness though.", "Can't sleep on this matress!"];

  it('splits a message into the sentences a person sees (after . ! ? or a line break, then a space)', () => {
    expect(utterance.partCount).toBe(6);
    expect(utterance.partWords(0)).toBe(new Utterance(sentences[0]).normalised.split(' ').length);
  });

  it('reads a few sentences exactly as it would read them sent alone, from the words it read once', () => {
    const alone = (text: string) => [...new Utterance(text, spelling).features];
    expect([...utterance.partFeatures(0, 1)]).toEqual(alone(sentences[0]));
    expect([...utterance.partFeatures(0, 2)]).toEqual(alone(sentences.join(' ')));
    expect([...utterance.partFeatures(0, 6)]).toEqual([...utterance.features]);
    expect(utterance.partFeatures(1, 2).get('mattress')).toBeGreaterThan(0);
  });
});
