import { loadKnowledge } from '../../src/kb/loadKnowledge';
import { RoutineFinder } from '../../src/kb/routineFinder';
import { KNOWLEDGE_DIR } from '../helpers';

describe('RoutineFinder on the real routines', () => {
  const finder = new RoutineFinder(loadKnowledge(KNOWLEDGE_DIR).routines);

  it.each([
    ['walk me through the knee to chest stretch', 'knee-to-chest'],
    ['Walk me through the knee-to-chest stretch', 'knee-to-chest'],
    ['walk me thru knees to chest', 'knee-to-chest'],
    ['please walk me through the knee hug', 'knee-to-chest'],
    ['walk me though the knee hug', 'knee-to-chest'],
    ['walk me throught the knee to chest', 'knee-to-chest'],
    ['show me the knee hugg', 'knee-to-chest'],
    ['teach me the knee hug', 'knee-to-chest'],
    ['lets try the knee to chest stretch', 'knee-to-chest'],
    // A kind, not a name: the gentlest routine of that kind.
    ['guide me through a back stretch', 'knee-to-chest'],
    ['walk me through a stretch for my lower back', 'knee-to-chest'],
    ['show me the knee hug', 'knee-to-chest'],
    ['Show me how to do the knee to chest stretch', 'knee-to-chest'],
    ['take me thru the supine twist', 'supine-twist'],
    ['walk me through the knee roll', 'supine-twist'],
    ["let's do the lying twist", 'supine-twist'],
    ['can u walk me thru the suppine twist', 'supine-twist'],
    ['I want to do the supine twist', 'supine-twist'],
    ['can you walk me through the figure 4 stretch', 'supine-figure-4'],
    ['Could you guide me through the figure four stretch?', 'supine-figure-4'],
    ['walk me through the piriformis stretch', 'supine-figure-4'],
    ['lets do the desk break', 'desk-break'],
    ["Let's do a quick desk break", 'desk-break'],
    ['walk me through some office stretches', 'desk-break'],
    ['walk me through stretches at my desk', 'desk-break'],
    ['start the desk break', 'desk-break'],
    ['walk me through a massage', 'spine-circles'],
    ['guide me through a self massage', 'spine-circles'],
    ['show me the spine circles', 'spine-circles'],
    ['walk me through glute kneading', 'glute-kneading'],
    ['walk me through a massage my partner can do', 'partner-massage'],
    ['can you talk us through a partner massage', 'partner-massage'],
    ['walk me through a massage with my husband', 'partner-massage'],
    ['walk me through massaging my partner', 'partner-massage'],
  ])('%j asks for %s', (text, id) => {
    expect(finder.request(text)).toEqual({ kind: 'named', routine: expect.objectContaining({ id }) });
  });

  it.each([
    'walk me through it',
    'Walk me through it please',
    'show me',
    'Show me!',
    'do it with me',
    'guide me through this',
    'can you walk me through that one',
    "let's do it",
    'show me how to do it',
  ])('%j asks for the routine of the topic just answered', (text) => {
    expect(finder.request(text)).toEqual({ kind: 'it' });
  });

  it.each([
    'do stretches help?',
    'show me why my back hurts',
    'what is the knee to chest stretch',
    'how often should I stretch',
    'is the supine twist safe?',
    'does massage help back pain',
    'show me the nearest clinic',
    'show me the stretches for sciatica',
    'show me the difference between thai and swedish massage',
    'walk me through how to book',
    'hi',
    '',
  ])('%j is a question, not a request', (text) => {
    expect(finder.request(text)).toBeNull();
  });

  it.each([
    ['stretch.supine-twist', 'supine-twist'],
    ['stretch.knee-to-chest', 'knee-to-chest'],
    ['stretch.overview', 'knee-to-chest'],
    ['selfmassage.overview', 'spine-circles'],
    ['selfmassage.spine-circles', 'spine-circles'],
    ['selfmassage.glutes', 'glute-kneading'],
    ['lifestyle.breaks', 'desk-break'],
    ['cause.mattress', undefined],
    ['therapy.thai', undefined],
  ])('forTopic(%j) is %s', (topicId, id) => {
    expect(finder.forTopic(topicId)?.id).toBe(id);
  });

  it('finds each routine by id', () => {
    for (const routine of finder.routines) expect(finder.byId(routine.id)).toBe(routine);
    expect(finder.byId('no-such-routine')).toBeUndefined();
  });

  it('finds each routine by its title and every one of its names', () => {
    for (const routine of finder.routines)
      for (const name of [routine.title, ...routine.names])
        expect([name, finder.request(`walk me through ${name}`)]).toEqual([
          name,
          { kind: 'named', routine: expect.objectContaining({ id: routine.id }) },
        ]);
  });
});
