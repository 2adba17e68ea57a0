import { ActivityTypes, MemoryStorage, type Activity, type TestAdapter, type TestFlow } from 'botbuilder';
import { botConversation, planCard, says } from '../helpers';

type Step = TestFlow;
type Check = (activity: Partial<Activity>) => void;

const actionsOf = (activity: Partial<Activity>) => (activity.suggestedActions?.actions ?? []).map((a) => a.title);
/** Every text block of an Adaptive Card reply. */
const cardText = (activity: Partial<Activity>) => planCard(activity).text;

const CHECKLIST = /quick safety check/;
const SEVERITY = /How bad is the pain right now/;
const DURATION = /How long have you had this pain/;
const TREND = /getting better, getting worse/;
const SITTING = /how many hours do you spend sitting/;
const STIFF = /wake up stiff/;
const MATTRESS = /mattress old or sagging/;
const STRESS = /How much stress/;
const ACTIVITY = /Do you play sport/;
const CAUTIONS = /about massage safety/;
const SUMMARY = /Here's what I understood/;

/** Sends each message and checks the one reply to each. */
function exchange(start: Step, turns: [string, RegExp | Check][]): Step {
  let step = start;
  for (const [message, expected] of turns)
    step = step.send(message).assertReply(expected instanceof RegExp ? says(expected) : expected);
  return step;
}

/** "my back hurts" starts the assessment: an introduction, then the checklist. */
const start = (adapter: TestAdapter, message = 'my back hurts'): Step =>
  adapter
    .send(message)
    .assertReply(says(/work out a plan/))
    .assertReply(says(CHECKLIST));

/** From the checklist to the summary with ordinary answers. */
const ANSWERS: [string, RegExp][] = [
  ['no', SEVERITY],
  ['7', DURATION],
  ['3 weeks', TREND],
  ['getting worse', SITTING],
  ['9', STIFF],
  ['sometimes', MATTRESS],
  ['no', STRESS],
  ['a lot', ACTIVITY],
  ['neither', CAUTIONS],
  ['no', SUMMARY],
];

describe('assessment dialog', () => {
  it('asks one question per turn with suggested answers, reflects back, and gives a plan that follows the rules', async () => {
    const adapter = botConversation();
    let step = start(adapter);
    step = step.send('no').assertReply((activity) => {
      expect(activity.text).toMatch(SEVERITY);
      expect(actionsOf(activity)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    });
    step = exchange(step, ANSWERS.slice(1, -1));
    step = step.send('no').assertReply((activity) => {
      expect(activity.text).toMatch(SUMMARY);
      expect(activity.text).toMatch(/Pain now: 7\/10 \(severe\)/);
      expect(activity.text).toMatch(/How long: about 3 weeks \(under 4 weeks\)/);
      expect(activity.text).toMatch(/Sitting: about 9 hours a day/);
      expect(actionsOf(activity)).toEqual(['Yes, show my plan', 'Change an answer']);
    });
    await step.send('Yes, show my plan').assertReply((activity) => {
      expect(activity.text).toMatch(/not a diagnosis/);
      const text = cardText(activity);
      // Severe and worsening: the physician comes first; severe: no self-massage; stressed but cautions "no": gentle
      // Swedish (no hot stone while severe); long sitting: breaks.
      expect(text.indexOf('See a physician first')).toBeLessThan(text.indexOf('Swedish massage'));
      expect(text).toMatch(/severe \(7\/10\) and it's getting worse/);
      expect(text).toMatch(/Breaks from sitting/);
      expect(text).toMatch(/Self-massage: it is only for mild to moderate pain/);
      expect(text).not.toMatch(/Finger circles/);
      const actions = (activity.attachments![0].content as { actions: { title: string }[] }).actions;
      expect(actions.map((action) => action.title)).toContain('Walk me through the knee-to-chest stretch');
    });
  });

  it('reads natural answers: fractions of ten, ranges, dates and working hours', async () => {
    const adapter = botConversation();
    await exchange(start(adapter), [
      ['no', SEVERITY],
      ['a solid 4 or 5 out of 10', DURATION],
      ['a fortnight', TREND],
      ['same', SITTING],
      ['9 to 5', STIFF],
      ['nope', MATTRESS],
      ['not sure', STRESS],
      ['not very', ACTIVITY],
      ['I run twice a week', CAUTIONS],
      [
        'no',
        (activity) => {
          expect(activity.text).toMatch(/Pain now: 5\/10 \(moderate\)/);
          expect(activity.text).toMatch(/How long: about 2 weeks/);
          expect(activity.text).toMatch(/Sitting: about 8 hours a day/);
          expect(activity.text).toMatch(/Sport or lifting: sport/);
        },
      ],
      // "Correct" confirms; it does not ask to correct something.
      ['correct', (activity) => expect(cardText(activity)).toMatch(/Thai massage/)],
    ]);
  });

  it('re-asks politely with an example, then offers choices, then leaves the question out instead of looping', async () => {
    const adapter = botConversation();
    await exchange(start(adapter), [
      ['no', SEVERITY],
      ['banana', /Sorry, I didn't catch that\. Please give me a number from 0 to 10, for example/],
      [
        'purple',
        (activity) => {
          expect(activity.text).toMatch(/pick one of these, or say \*\*skip\*\*/);
          expect(actionsOf(activity)).toEqual(['Mild (1-3)', 'Moderate (4-6)', 'Severe (7-10)', 'Skip']);
        },
      ],
      ['wombat', /leave that one out/],
    ])
      .assertReply(says(DURATION))
      .send('3 days')
      .assertReply(says(TREND));
  });

  it('offers the NHS bands for words without a number, then the numbers in the band', async () => {
    const adapter = botConversation();
    await exchange(start(adapter), [
      ['no', SEVERITY],
      [
        'pretty bad',
        (activity) => {
          expect(activity.text).toMatch(/Moderate \(4-6\):\*\* it is always there/);
          expect(actionsOf(activity)).toEqual(['Mild (1-3)', 'Moderate (4-6)', 'Severe (7-10)']);
        },
      ],
      ['Severe (7-10)', /which fits best: 7, 8, 9 or 10\?/],
      ['8', DURATION],
    ]);
    // A band named straight away goes to the numbers; a number at the band question is taken as it is.
    const other = botConversation();
    await exchange(start(other), [
      ['no', SEVERITY],
      ['moderate', /which fits best: 4, 5 or 6\?/],
      ['back', SEVERITY],
      ['agony', /Which of these is closest/],
      ['9', DURATION],
    ]);
  });

  it('re-asks a score outside 0 to 10', async () => {
    await exchange(start(botConversation()), [
      ['no', SEVERITY],
      ['11/10', /The scale goes from 0 to 10/],
      ['10/10', DURATION],
    ]);
  });

  it('asks for a number when sitting is "all day"', async () => {
    await exchange(start(botConversation()), [
      ['no', SEVERITY],
      ['3', DURATION],
      ['2 weeks', TREND],
      ['better', SITTING],
      ['all day', /Roughly how many hours would that be\?/],
      ['10', STIFF],
    ]);
  });

  it('skips a question, goes back one, and says so at the first question', async () => {
    await exchange(start(botConversation()), [['back', /first question/]])
      .assertReply(says(CHECKLIST))
      .send('no')
      .assertReply(says(SEVERITY))
      .send('6')
      .assertReply(says(DURATION))
      .send('skip')
      .assertReply(says(TREND))
      .send('go back')
      .assertReply(says(DURATION))
      .send('back')
      .assertReply(says(SEVERITY))
      .send('4')
      .assertReply(says(DURATION))
      .send("I'd rather not say")
      .assertReply(says(TREND));
  });

  it('shows skipped answers in the summary and still makes a plan', async () => {
    let step = exchange(start(botConversation()), [['no', SEVERITY]]);
    for (let i = 0; i < 9; i++) step = step.send('skip').assertReply(() => undefined);
    await step
      .send('skip')
      .assertReply((activity) => {
        expect(activity.text).toMatch(SUMMARY);
        expect(activity.text).toMatch(/Pain now: skipped/);
        expect(activity.text).toMatch(/Massage cautions: skipped/);
      })
      .send('yes')
      .assertReply((activity) => {
        const text = cardText(activity);
        expect(text).toMatch(/Swedish massage/);
        expect(text).toMatch(/I don’t know how bad yours is/);
      });
  });

  it('answers a knowledge question in the middle and asks the question again', async () => {
    await exchange(start(botConversation()), [
      ['no', SEVERITY],
      ['5', DURATION],
    ])
      .send('what is hot stone massage?')
      .assertReply(says(/stones/))
      .assertReply(says(/^Back to my question: How long have you had this pain/))
      .send('about a month')
      .assertReply(says(TREND));
  });

  it('answers help and asks again; stop ends it; a warning sign interrupts it', async () => {
    await exchange(start(botConversation()), [['no', SEVERITY]])
      .send('help')
      .assertReply(says(/assistant for lower back pain/))
      .assertReply(says(SEVERITY))
      .send('stop')
      .assertReply(says(/stopped/))
      .send('5')
      .assertReply(says(/doctor or pharmacist/));

    await exchange(start(botConversation()), [
      ['no', SEVERITY],
      ['6', DURATION],
    ])
      .send("i suddenly can't control my bladder")
      .assertReply(says(/emergency/i))
      .send('3 weeks')
      .assertReply((activity) => expect(activity.text).not.toMatch(TREND));
  });

  it('asks which sign on a "yes" to the checklist, gives its advice, then lets the user stop or carry on', async () => {
    // A sign that is an emergency gets its own advice, as any report of it would; the plan can wait.
    await exchange(start(botConversation()), [['yes, one of these', /Which one\? The advice is different/]])
      .send('Numbness around my genitals or bottom')
      .assertReply(says(/^Please call your local emergency number or go to A&E/))
      .send('make me a plan')
      .assertReply(says(/your plan will start with seeing a doctor/));
    await exchange(start(botConversation()), [['yes', /Which one\?/]])
      .send('Cancer, or weight loss without trying')
      .assertReply(says(/see a doctor in the next day or two/));

    // More than one, or not sure which: the advice for all of them, then stop or carry on to a doctor-first plan.
    await start(botConversation())
      .send('yes')
      .assertReply(says(/Which one\?/))
      .send('More than one, or not sure which')
      .assertReply(says(/Some of these signs need a doctor today/))
      .assertReply((activity) => expect(actionsOf(activity)).toEqual(['Carry on', 'Stop here']))
      .send('Stop here')
      .assertReply(says(/get checked first/));
    let step = start(botConversation())
      .send('yes')
      .assertReply((activity) => expect(actionsOf(activity)).toContain('More than one, or not sure which'))
      .send('More than one, or not sure which')
      .assertReply(says(/Some of these signs need a doctor today/))
      .assertReply(says(/carry on with the questions/))
      .send('carry on')
      .assertReply(says(SEVERITY));
    step = exchange(step, ANSWERS.slice(1));
    await step.send('yes').assertReply((activity) => {
      const text = cardText(activity);
      expect(text).toMatch(/Get checked by a doctor first/);
      expect(text).not.toMatch(/Knee-to-chest stretch\./);
      expect(text).toMatch(/Stretches: until a doctor has checked the warning sign/);
    });
  });

  it('reads what follows a "no" on the checklist, and will not let it be skipped quietly', async () => {
    await start(botConversation())
      .send('no, but I fell off a ladder on Saturday and it has been agony since')
      .assertReply(says(/after a fall, an accident or a blow/));
    await start(botConversation())
      .send('none of those except I had cancer last year')
      .assertReply(says(/Which one\?|had cancer/));
    await start(botConversation())
      .send('skip')
      .assertReply(says(/This one matters/))
      .send("I'd rather not say")
      .assertReply(says(/count that as not sure/))
      .assertReply(says(SEVERITY));
  });

  it('does not ask about warning signs again after one was reported in the conversation', async () => {
    await botConversation()
      .send('I have a fever and my back hurts')
      .assertReply(says(/urgent|today|doctor/i))
      .send('make me a plan')
      .assertReply(says(/your plan will start with seeing a doctor/))
      .assertReply(says(SEVERITY))
      .send('back')
      .assertReply(says(/first question/));
  });

  it('lets the user correct an answer from the summary', async () => {
    const step = exchange(start(botConversation()), ANSWERS);
    await step
      .send('Change an answer')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/Which answer would you like to change/);
        expect(actionsOf(activity)).toContain('Pain now');
      })
      .send('Pain now')
      .assertReply(says(SEVERITY))
      .send('4')
      .assertReply(says(/Pain now: 4\/10 \(moderate\)/))
      .send('the sitting is wrong')
      .assertReply(says(SITTING))
      .send('3')
      .assertReply(says(/Sitting: about 3 hours a day/))
      .send('that is right')
      .assertReply((activity) => expect(cardText(activity)).toMatch(/Finger circles/));
  });

  it('renders the plan as text with its next steps in a channel without cards', async () => {
    let step = start(botConversation({ channelId: 'sms' }));
    step = exchange(step, ANSWERS);
    await step
      .send('yes')
      .assertReply((activity) => {
        expect(activity.attachments ?? []).toHaveLength(0);
        expect(activity.text).toMatch(/Your plan for this week\n1\. See a physician first\. Your pain/);
        expect(activity.text).toMatch(/\n3\. Knee-to-chest stretch\. The gentlest start\.\n/);
        expect(activity.text).toMatch(/Say a number for what to do and why\./);
        expect(activity.text).toMatch(/You can also ask:\n- Walk me through the knee-to-chest stretch/);
        // One phone screen.
        expect(activity.text!.split(/\s+/).length).toBeLessThanOrEqual(120);
      })
      // A number opens its line: what to do, why, and the walkthrough.
      .send('3')
      .assertReply((activity) => {
        expect(activity.text).toMatch(
          /^Knee-to-chest stretch\n\n.*Stop if the pain gets worse\.\n\nWhy: The gentlest start/s,
        );
        expect(activity.text).toMatch(/Walk me through the knee-to-chest stretch/);
      })
      .send('number 6')
      .assertReply(says(/Not in your plan for now\n- Self-massage: it is only for mild to moderate pain\./))
      .send('12')
      .assertReply(says(/Your plan has 6 lines\. Say a number from 1 to 6\./));
  });

  it('starts from the welcome button and from several ways of asking', async () => {
    for (const message of ['Get a personal plan', 'what should I do?', 'start', 'I have lower back pain'])
      await start(botConversation(), message);
  });
});

describe('assessment: answers in everyday words, a few words of acknowledgement, a pause', () => {
  /** Through the checklist and the pain score to the duration question. */
  const toDuration = (adapter: TestAdapter, score = '5') =>
    start(adapter).send('no').assertReply(says(SEVERITY)).send(score).assertReply(says(DURATION));
  /** From the trend question to the summary with ordinary answers. */
  const toSummary = (step: Step) => exchange(step, ANSWERS.slice(3, -1)).send('no');

  it.each<[string, string, RegExp]>([
    ['for months', '6', /How long: about 6 months \(over 12 weeks\)/],
    ['months and months', 'more like 2', /How long: about 2 months \(4 to 12 weeks\)/],
    ['for weeks', 'no idea', /How long: a few weeks \(under 4 weeks\)/],
  ])('asks once how many when %j leaves the band open', async (said, reply, summary) => {
    const unit = said.includes('week') ? 'weeks' : 'months';
    await toSummary(
      toDuration(botConversation())
        .send(said)
        .assertReply((activity) => {
          expect(activity.text).toBe(`About how many ${unit}, roughly?`);
          expect(actionsOf(activity)).toHaveLength(4);
        })
        .send(reply)
        .assertReply(says(TREND)),
    ).assertReply(says(summary));
  });

  it.each([
    ['since my 20s', /How long: years \(over 12 weeks\)/],
    ['on and off for years', /How long: years \(over 12 weeks\)/],
    ['it only just started', /How long: a few days \(under 4 weeks\)/],
  ])('takes %j as it is, with nothing more to ask', async (said, summary) => {
    await toSummary(toDuration(botConversation()).send(said).assertReply(says(TREND))).assertReply(says(summary));
  });

  it('asks roughly how long after "ages", and leaves it out on "not sure"', async () => {
    const adapter = botConversation();
    await toDuration(adapter)
      .send('had it for ages tbh')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/Roughly how long would you say: days, weeks, months or years\?/);
        expect(actionsOf(activity)).toEqual(['A few days', 'A few weeks', 'A few months', 'Years']);
      })
      .send('Years')
      .assertReply(says(TREND))
      .send('back')
      .assertReply(says(DURATION))
      .send('a long time')
      .assertReply(says(/Roughly how long/))
      .send('not sure')
      .assertReply(says(/leave that one out/))
      .assertReply(says(TREND));
  });

  it('acknowledges a notable answer before the next question, but not two in a row', async () => {
    await toDuration(botConversation(), '8')
      .send('since my 20s')
      .assertReply((activity) => expect(activity.text).toMatch(/^Over the last week/));
    await start(botConversation())
      .send('no')
      .assertReply(says(SEVERITY))
      .send('8')
      .assertReply((activity) =>
        expect(activity.text).toBe('8 out of 10 sounds hard going. How long have you had this pain?'),
      )
      .send('back')
      .assertReply(says(SEVERITY))
      .send('3')
      .assertReply((activity) => expect(activity.text).toBe('How long have you had this pain?'))
      .send('2 years')
      .assertReply((activity) =>
        expect(activity.text).toMatch(/^That's a long time to put up with it\. Over the last week/),
      );
  });

  it('waits a moment on "one sec", and on "can we carry on later" keeps the answers for another day', async () => {
    const storage = new MemoryStorage();
    await toDuration(botConversation({ storage }))
      .send('3 weeks')
      .assertReply(says(TREND))
      .send('hang on someone is at the door')
      .assertReply(says(/^Take your time/))
      .send('getting worse')
      .assertReply(says(SITTING))
      .send('hold on, my phone rang, can we carry on later')
      .assertReply(says(/kept your answers so far: say \*\*continue\*\* whenever you're ready, even another day/))
      .send('what is thai massage')
      .assertReply(says(/Thai/));
    await botConversation({ storage, conversationId: 'the-next-day' })
      .send('what do you know about me')
      .assertReply(says(/Unfinished questions[^]*How long: about 3 weeks/))
      .send('continue')
      .assertReply(says(new RegExp(`^Welcome back: let's carry on where we left off\\. .*${SITTING.source}`)))
      .send('6')
      .assertReply(says(STIFF));
  });
});

describe('assessment kept with the person', () => {
  it('picks up where a lost conversation left off, but not after "stop"', async () => {
    const storage = new MemoryStorage();
    await start(botConversation({ storage }))
      .send('no')
      .assertReply(says(SEVERITY))
      .send('5')
      .assertReply(says(DURATION));
    // The tab was closed: no pause was asked for, nothing is lost.
    await botConversation({ storage, conversationId: 'new-tab' })
      .send('continue')
      .assertReply(says(new RegExp(`^Welcome back: let's carry on where we left off\\. ${DURATION.source}`)))
      .send('stop')
      .assertReply(() => undefined);
    await botConversation({ storage, conversationId: 'after-stop' })
      .send('continue')
      .assertReply(says(/We weren't in the middle of anything/));
  });
});

describe('returning user', () => {
  const join = (adapter: TestAdapter) =>
    adapter.send({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user', name: 'User1' }],
      recipient: { id: 'bot', name: 'Bot' },
    } as Partial<Activity>);

  async function assessedUser(storage: MemoryStorage): Promise<void> {
    await exchange(start(botConversation({ storage })), ANSWERS)
      .send('yes')
      .assertReply(() => undefined);
  }

  it('is welcomed back with the last score, and the change is reflected and the plan updated', async () => {
    const storage = new MemoryStorage();
    await assessedUser(storage);
    await join(botConversation({ storage, conversationId: 'next-visit' }))
      .assertReply((activity) => {
        expect(activity.text).toMatch(/^Welcome back! Last time, earlier today, your pain was 7\/10\. How is it today/);
        expect(actionsOf(activity)).toHaveLength(11);
      })
      .send('about a 5')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/That's down from 7 to 5\. A change of two points or more is a real improvement/);
        expect(activity.text).toMatch(/updated your plan/);
      })
      .send('show my plan')
      .assertReply((activity) => {
        // 5/10 is moderate: self-massage now belongs in the plan.
        expect(cardText(activity)).toMatch(/Finger circles/);
      });
  });

  it('asks the warning-sign checklist again, before any advice, when the score is much higher than last time', async () => {
    const storage = new MemoryStorage();
    await assessedUser(storage);
    await join(botConversation({ storage, conversationId: 'next-visit' }))
      .assertReply(says(/Welcome back/))
      .send('its a 10 today')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/^That's up from 7 to 10\. Before anything else, a quick safety check\./);
        expect(activity.text).toMatch(/Do any of these apply to you right now\?/);
        expect(activity.text).not.toMatch(/updated your plan/);
        expect(actionsOf(activity)).toEqual(['No, none of these', 'Yes, one of these', 'Not sure']);
      })
      .send('no')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/^That's up from 7 to 10\. I'm sorry it's worse/);
        expect(activity.text).toMatch(/updated your plan/);
      })
      .send('what do you know about me')
      .assertReply(says(/Pain now: 10\/10/));
  });

  it('does not ask again for a small rise', async () => {
    const storage = new MemoryStorage();
    await assessedUser(storage);
    await join(botConversation({ storage, conversationId: 'next-visit' }))
      .assertReply(says(/Welcome back/))
      .send('8')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/^That's up from 7 to 8\./);
        expect(activity.text).not.toMatch(/safety check/);
      });
  });

  it('asks the checklist when the person says it is getting worse, and a sign on it gets the urgent advice', async () => {
    const storage = new MemoryStorage();
    await assessedUser(storage);
    await join(botConversation({ storage, conversationId: 'next-visit' }))
      .assertReply(says(/Welcome back/))
      .send("it's getting worse tbh")
      .assertReply(says(/^I'm sorry it's getting worse\. Before anything else, a quick safety check\./))
      .send('yes')
      .assertReply(says(/Which one\?/))
      .send('Weakness or numbness in my legs')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/leg/i);
        expect(activity.text).not.toMatch(/updated your plan/);
      })
      .send('show me a stretch')
      .assertReply(says(/hold back|checked|doctor/i));
  });

  it('after "not sure", or a score asked for once it is checked, gives the advice and records the score', async () => {
    const storage = new MemoryStorage();
    await assessedUser(storage);
    await join(botConversation({ storage, conversationId: 'next-visit' }))
      .assertReply(says(/Welcome back/))
      .send('worse than before')
      .assertReply(says(/quick safety check/))
      .send('not sure')
      .assertReply(says(/As your pain is worse and you're not sure about these signs, please .+ before you do more/))
      .assertReply(says(/How bad is the pain right now/))
      .send('9')
      .assertReply(says(/^That's up from 7 to 9\./));
  });

  it('takes a message that is not a score as an ordinary message', async () => {
    const storage = new MemoryStorage();
    await assessedUser(storage);
    await join(botConversation({ storage, conversationId: 'next-visit' }))
      .assertReply(says(/Welcome back/))
      .send('what is thai massage')
      .assertReply(says(/Thai/));
  });

  it('says everything stored about them, and nothing after "forget me"', async () => {
    const storage = new MemoryStorage();
    await assessedUser(storage);
    await botConversation({ storage, conversationId: 'later' })
      .send('what do you know about me?')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/Your answers/);
        expect(activity.text).toMatch(/Pain now: 7\/10/);
        expect(activity.text).toMatch(
          /Your plan:\*\* See a physician first; Keep moving; Knee-to-chest stretch; Swedish massage/,
        );
        expect(activity.text).toMatch(/Your pain scores:\*\* \d{1,2} \w+ \d{4}: 7\/10/);
      })
      .send('forget me')
      .assertReply(says(/cannot be undone/))
      .send('yes')
      .assertReply(says(/deleted everything/))
      .send('what do you know about me')
      .assertReply(says(/I don't have anything stored about you/))
      .send('show my plan')
      .assertReply(says(/You don't have a plan yet/));
    await join(botConversation({ storage, conversationId: 'after-forgetting' })).assertReply(says(/^Hi, I'm BackCare/));
  });
});
