import { MIN_CONFIDENCE } from '../../src/kb/knowledgeIndex';
import { knowledgeIndex } from '../helpers';

describe('KnowledgeIndex.match', () => {
  const index = knowledgeIndex();

  it('finds every topic by its own title', () => {
    for (const topic of index.topics.values()) {
      expect([topic.title, index.match(topic.title).topic]).toEqual([topic.title, topic.id]);
    }
  });

  // Example questions include reports of symptoms (answered by the safety layer first) and follow-ups that only make
  // sense mid-conversation, so not every one stands alone; most must.
  it('finds most topics from their own example questions', () => {
    const questions = [...index.topics.values()].flatMap((topic) => topic.questions.map((q) => [q, topic.id]));
    const found = questions.filter(([question, id]) => index.match(question).topic === id);
    expect(found.length / questions.length).toBeGreaterThanOrEqual(0.8);
  });

  it('returns confidences in 0..1, alternatives best first and never the chosen topic', () => {
    // Between three topics: either massage, or choosing between them.
    const result = index.match('is swedish massage better than thai massage');
    expect(result.topic).not.toBeNull();
    expect(result.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.alternatives.length).toBeGreaterThan(0);
    expect(result.alternatives.length).toBeLessThanOrEqual(3);
    expect(result.alternatives.map((a) => a.topic)).not.toContain(result.topic);
    const confidences = result.alternatives.map((a) => a.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const c of confidences) expect(c).toBeLessThan(result.confidence);
  });

  it.each([
    ['what is swedish massage', 'therapy.swedish'],
    ['SWEDISH MASSAGE???', 'therapy.swedish'],
    ['hot stone massge', 'therapy.hot-stone'],
    ['hotstone massage', 'therapy.hot-stone'],
    ['when is hotstone massage not safe?', 'safety.contraindications'],
    ['good streches for lower back', 'stretch.overview'],
    ['is my matress the problem', 'cause.mattress'],
    ['what does cauda equina mean', 'safety.red-flags'],
    ['when should i see a docter', 'safety.see-physician'],
    ['when should i see a physio about my backache', 'safety.see-physician'],
    ['how often should i get a massage', 'therapy.frequency'],
    ['I sit at my desk for 10 hours a day, could that be why my back hurts?', 'cause.sitting'],
  ])('reads %j as %s (case, punctuation, typos, British/American spelling)', (text, id) => {
    expect(index.match(text).topic).toBe(id);
  });

  it.each([
    'hello',
    'thanks!',
    'my knee hurts after running',
    'best stretch for my neck',
    'asdfghjkl',
    '🙂🙂',
    '12345',
    'write me a poem',
    'what is the capital of France',
    '',
  ])('gives no topic for %j', (text) => {
    expect(index.match(text).topic).toBeNull();
  });
});

describe('KnowledgeIndex.sectionFor', () => {
  const index = knowledgeIndex();
  const section = (text: string) => {
    const { topic } = index.match(text);
    return [topic, topic && index.sectionFor(topic, text)?.heading];
  };

  it.each([
    ["is hot stone safe if I'm pregnant", 'therapy.hot-stone', 'Who should take care'],
    ['is thai massage ok for me?', 'therapy.thai', 'Is it right for you?'],
    ['can I take ibuprofen for it', 'treatment.medical', 'Painkillers'],
    ['how long do i hold the knee hug', 'stretch.knee-to-chest', 'Holding time'],
    ['do I need a sick note', 'lifestyle.work', 'Fit notes (UK)'],
  ])('finds the part of the topic that %j asks about', (text, topic, heading) => {
    expect(section(text)).toEqual([topic, heading]);
  });

  it.each([
    'what is thai massage',
    'tell me about thai massage',
    'what is hot stone massage',
    'how do i do the knee to chest stretch',
  ])('answers %j with the topic as a whole', (text) => {
    expect(section(text)[1]).toBeUndefined();
  });
});
