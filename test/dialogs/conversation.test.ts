import type { Activity } from 'botbuilder';
import { botConversation, knowledgeIndex, says, titleOf } from '../helpers';

const actionsOf = (activity: Partial<Activity>) => (activity.suggestedActions?.actions ?? []).map((a) => a.title);
/** The reply is this topic's answer (its first paragraph is enough to tell). */
const answers = (id: string) => (activity: Partial<Activity>) =>
  expect(activity.text).toContain(knowledgeIndex().topics.get(id)!.answer.split('\n')[0]);

/** A word of one offered title that no other offered title has: what a person might type to pick it. */
function wordOnlyIn(titles: string[], position: number): string {
  const words = (title: string) => title.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  const others = new Set(titles.filter((_, i) => i !== position).flatMap(words));
  return words(titles[position])
    .filter((word) => !others.has(word))
    .sort((a, b) => b.length - a.length)[0];
}

describe('talking like a person', () => {
  it('words each fallback differently, says what it can do, and offers the booking page when there is one', async () => {
    const texts: string[] = [];
    const collect = (activity: Partial<Activity>) => {
      expect(activity.text).toMatch(/lower back|massage/);
      expect(activity.text).toContain('https://clinic.example/book');
      texts.push(activity.text!);
    };
    await botConversation({ env: { BOOKING_URL: 'https://clinic.example/book' } })
      .send('who won the football last night')
      .assertReply(collect)
      .send('what is the capital of peru')
      .assertReply(collect)
      .send('recommend a good film')
      .assertReply(collect);
    expect(new Set(texts).size).toBe(3);
  });

  it('answers small talk in a few words: ok, a complaint, asking for a human', async () => {
    await botConversation({ env: { BOOKING_URL: 'https://clinic.example/book', CLINIC_NAME: 'Riverside Physio' } })
      .send('ok')
      .assertReply(says(/^OK\./))
      .send("you're useless")
      .assertReply(says(/sorry that didn't help/i))
      .send('can I talk to a human')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/can't put you through/);
        expect(activity.text).toContain('Riverside Physio');
        expect(activity.text).toContain('https://clinic.example/book');
      });
  });

  it('understands yes or no after "Anything else?"', async () => {
    await botConversation()
      .send('thanks')
      .assertReply(says(/anything else/i))
      .send('no thanks')
      .assertReply(says(/Take care/));
    await botConversation()
      .send('thank you')
      .assertReply(says(/anything else/i))
      .send('yes')
      .assertReply(says(/what would you like to know/i))
      .send('what is thai massage')
      .assertReply(answers('therapy.thai'));
  });

  it('takes a correction: "not that one" gives the other candidate, "no, I meant ..." asks again', async () => {
    await botConversation()
      .send('which is better for my back, swedish or thai massage?')
      .assertReply(answers('therapy.which'))
      // The other side of the comparison is what "not that one" means.
      .send('not that one')
      .assertReply(answers('therapy.thai'))
      .send('no, I meant heat packs')
      .assertReply(answers('selfcare.heat-cold'));
    await botConversation()
      .send('the other one')
      .assertReply(says(/other words/));
  });

  it('answers the part of a topic that was asked about first, then the rest on "tell me more"', async () => {
    const hotStone = knowledgeIndex().topics.get('therapy.hot-stone')!;
    const cautions = hotStone.sections.find((section) => section.heading === 'Who should take care')!;
    await botConversation()
      .send("who shouldn't have hot stones?")
      .assertReply((activity) => {
        expect(activity.text).toBe(cautions.text);
        expect(activity.text).toMatch(/pregnancy/);
        expect(actionsOf(activity)[0]).toBe('Tell me more');
      })
      .send('Tell me more')
      .assertReply((activity) => {
        expect(activity.text).toBe(`More on hot stone massage:\n\n${hotStone.answer}`);
        expect(actionsOf(activity)).toContain('Tell me more');
      })
      .send('Tell me more')
      .assertReply((activity) => expect(activity.text).toBe(hotStone.more))
      // A question about the topic as a whole gets its answer.
      .send('what is hot stone massage')
      .assertReply(answers('therapy.hot-stone'));
  });

  it('answers both sides of a comparison briefly, with a way into each', async () => {
    await botConversation()
      .send('massage or stretches?')
      .assertReply((activity) => {
        expect(activity.text).toContain(`**${titleOf('therapy.which')}:**`);
        expect(activity.text).toContain(`**${titleOf('stretch.overview')}:**`);
        expect(actionsOf(activity)).toEqual([titleOf('therapy.which'), titleOf('stretch.overview')]);
      })
      .send(titleOf('stretch.overview'))
      .assertReply(answers('stretch.overview'));
  });

  it.each([
    ['a number', '2', 1],
    ['an ordinal', 'the first one', 0],
    ['a word from the title', 'WORD', 1],
  ])('reads a reply to "Did you mean" given as %s', async (_kind, given, position) => {
    const match = knowledgeIndex().match('massage');
    const offered = [match.topic!, ...match.alternatives.map((alternative) => alternative.topic)]
      .slice(0, 3)
      .map(titleOf);
    await botConversation()
      .send('massage')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/not completely sure/);
        expect(actionsOf(activity).slice(0, -1)).toEqual(offered);
      })
      .send(given === 'WORD' ? wordOnlyIn(offered, position) : given)
      .assertReply((activity) => {
        const id = [...knowledgeIndex().topics.values()].find((topic) => topic.title === offered[position])!.id;
        answers(id)(activity);
      });
  });
});
