import {
  recognizeActivity,
  recognizeFrequency,
  recognizeMattressWorn,
  recognizeStress,
  recognizeTrend,
  recognizeYesNoUnsure,
} from '../../src/nlu/choiceAnswers';

describe('recognizeYesNoUnsure', () => {
  it.each<[string, 'yes' | 'no' | 'unsure']>([
    // The answer buttons.
    ['No, none of these', 'no'],
    ['Yes, one of these', 'yes'],
    ['Not sure', 'unsure'],
    ["No, it's fine", 'no'],
    ['Yes', 'yes'],
    ['No', 'no'],
    // Yes.
    ['yes', 'yes'],
    ['Yes!', 'yes'],
    ['yess', 'yes'],
    ['yeah', 'yes'],
    ['yea', 'yes'],
    ['yeh', 'yes'],
    ['yep', 'yes'],
    ['yup', 'yes'],
    ['y', 'yes'],
    ['aye', 'yes'],
    ['sure', 'yes'],
    ['definitely', 'yes'],
    ['definately', 'yes'],
    ['correct', 'yes'],
    ['yes, often', 'yes'],
    ['yes the mattress is old', 'yes'],
    ["yes, i'm pregnant", 'yes'],
    ['i do', 'yes'],
    ['it does', 'yes'],
    // No.
    ['no', 'no'],
    ['NO', 'no'],
    ['no.', 'no'],
    ['noo', 'no'],
    ['nope', 'no'],
    ['nop', 'no'],
    ['nah', 'no'],
    ['na', 'no'],
    ['n', 'no'],
    ['none', 'no'],
    ['none of them', 'no'],
    ['none apply', 'no'],
    ['neither', 'no'],
    ['not really', 'no'],
    ['not at all', 'no'],
    ['no way', 'no'],
    ['nothing', 'no'],
    ['nothing like that', 'no'],
    ['no its new', 'no'],
    ["i don't have any", 'no'],
    // Unsure, read before yes and no.
    ['not sure', 'unsure'],
    ["I'm not sure", 'unsure'],
    ['unsure', 'unsure'],
    ['dunno', 'unsure'],
    ["i don't know", 'unsure'],
    ['idk', 'unsure'],
    ['no idea', 'unsure'],
    ['maybe', 'unsure'],
    ['possibly', 'unsure'],
    ['no im not sure', 'unsure'],
    ['yes but not sure', 'unsure'],
  ])('%j is %s', (text, expected) => {
    expect(recognizeYesNoUnsure(text)).toBe(expected);
  });

  // A hedge is not a clear no to a safety question: asked again.
  it.each(['banana', 'hello', 'ok', 'i think so', "i don't think so", ''])('%j is not read', (text) => {
    expect(recognizeYesNoUnsure(text)).toBeNull();
  });
});

describe('recognizeFrequency', () => {
  it.each<[string, 'yes' | 'sometimes' | 'no']>([
    // The answer buttons.
    ['Yes, often', 'yes'],
    ['Sometimes', 'sometimes'],
    ['No', 'no'],
    // Yes.
    ['yes', 'yes'],
    ['yep', 'yes'],
    ['often', 'yes'],
    ['always', 'yes'],
    ['yes always', 'yes'],
    ['usually', 'yes'],
    ['mostly', 'yes'],
    ['every morning', 'yes'],
    ['every day', 'yes'],
    ['daily', 'yes'],
    ['all the time', 'yes'],
    ['most mornings', 'yes'],
    ['i do', 'yes'],
    // Sometimes.
    ['sometimes', 'sometimes'],
    ['somtimes', 'sometimes'],
    ['only sometimes', 'sometimes'],
    ['yes sometimes', 'sometimes'],
    ['some days', 'sometimes'],
    ['occasionally', 'sometimes'],
    ['ocasionally', 'sometimes'],
    ['now and then', 'sometimes'],
    ['every now and then', 'sometimes'],
    ['once in a while', 'sometimes'],
    ['from time to time', 'sometimes'],
    ['on and off', 'sometimes'],
    ['a bit', 'sometimes'],
    ['not always', 'sometimes'],
    ['not every day', 'sometimes'],
    // No.
    ['no', 'no'],
    ['nope', 'no'],
    ['nah', 'no'],
    ['never', 'no'],
    ['rarely', 'no'],
    ['hardly ever', 'no'],
    ['not really', 'no'],
    ['not usually', 'no'],
    ['not often', 'no'],
  ])('%j is %s', (text, expected) => {
    expect(recognizeFrequency(text)).toBe(expected);
  });

  it.each(['banana', 'dunno', ''])('%j is not read', (text) => {
    expect(recognizeFrequency(text)).toBeNull();
  });
});

describe('recognizeTrend', () => {
  it.each<[string, 'better' | 'same' | 'worse']>([
    // The answer buttons.
    ['Getting better', 'better'],
    ['About the same', 'same'],
    ['Getting worse', 'worse'],
    // Worse.
    ['getting worse', 'worse'],
    ['worse', 'worse'],
    ["it's worse", 'worse'],
    ['much worse', 'worse'],
    ['slightly worse', 'worse'],
    ['worse than before', 'worse'],
    ['worsening', 'worse'],
    ['geting worse', 'worse'],
    ['getting worst', 'worse'],
    ['more painful', 'worse'],
    ['it hurts more', 'worse'],
    ['spreading', 'worse'],
    // Better.
    ['better', 'better'],
    ['a bit better', 'better'],
    ['a little better', 'better'],
    ['better i think', 'better'],
    ['beter', 'better'],
    ['improving', 'better'],
    ['improved', 'better'],
    ['easing off', 'better'],
    ['getting easier', 'better'],
    ['less painful', 'better'],
    // Same.
    ['no change', 'same'],
    ['same', 'same'],
    ['the same', 'same'],
    ["it's the same", 'same'],
    ['staying the same', 'same'],
    ['not changed', 'same'],
    ["hasn't changed", 'same'],
    ['hasnt changed', 'same'],
    ['unchanged', 'same'],
    ['no different', 'same'],
    ['neither', 'same'],
    // A change denied is no change.
    ['not getting any better', 'same'],
    ['not better', 'same'],
    ['no better', 'same'],
    ['not improving', 'same'],
    ['not worse', 'same'],
    ['no worse', 'same'],
  ])('%j is %s', (text, expected) => {
    expect(recognizeTrend(text)).toBe(expected);
  });

  it.each(['banana', 'dunno', 'up and down', ''])('%j is not read', (text) => {
    expect(recognizeTrend(text)).toBeNull();
  });
});

describe('recognizeStress', () => {
  it.each<[string, 'low' | 'some' | 'high']>([
    // The answer buttons.
    ['Hardly any', 'low'],
    ['Some', 'some'],
    ['A lot', 'high'],
    // Low.
    ['not very stressed', 'low'],
    ['not very', 'low'],
    ['not really', 'low'],
    ['not at all', 'low'],
    ['not much', 'low'],
    ['not a lot', 'low'],
    ['not too stressed', 'low'],
    ['not that stressed', 'low'],
    ['not super stressed', 'low'],
    ['really not stressed', 'low'],
    ["I'm not stressed", 'low'],
    ['im not stressed at all', 'low'],
    ['very little', 'low'],
    ['little', 'low'],
    ['hardly', 'low'],
    ['none', 'low'],
    ['no', 'low'],
    ['nope', 'low'],
    ['no stress', 'low'],
    ['calm', 'low'],
    ['relaxed', 'low'],
    ['fine', 'low'],
    ['not too bad', 'low'],
    ['no more than usual', 'low'],
    // Some.
    ['a bit', 'some'],
    ['a bit stressed', 'some'],
    ['a little bit', 'some'],
    ['some', 'some'],
    ['quite stressed', 'some'],
    ['quite a bit', 'some'],
    ['a fair bit', 'some'],
    ['a fair amount', 'some'],
    ['fairly', 'some'],
    ['somewhat', 'some'],
    ['moderate', 'some'],
    ['moderately', 'some'],
    ['average', 'some'],
    ['medium', 'some'],
    ['normal', 'some'],
    ['sometimes', 'some'],
    // High.
    ['super stressed', 'high'],
    ['very stressed', 'high'],
    ['really stressed', 'high'],
    ['so stressed', 'high'],
    ['a lot', 'high'],
    ['quite a lot', 'high'],
    ['a lot of stress at work', 'high'],
    ['lots', 'high'],
    ['loads', 'high'],
    ['tons', 'high'],
    ['too much', 'high'],
    ['all the time', 'high'],
    ['constantly', 'high'],
    ['extremely', 'high'],
    ['overwhelmed', 'high'],
    ['burnt out', 'high'],
    ['terrible', 'high'],
    ['high', 'high'],
  ])('%j is %s', (text, expected) => {
    expect(recognizeStress(text)).toBe(expected);
  });

  it.each(['banana', 'dunno', 'sresssed', ''])('%j is not read', (text) => {
    expect(recognizeStress(text)).toBeNull();
  });
});

describe('recognizeActivity', () => {
  it.each<[string, 'none' | 'sport' | 'repetitive' | 'both']>([
    // The answer buttons.
    ['Sport', 'sport'],
    ['Lifting or repetitive work', 'repetitive'],
    ['Both', 'both'],
    ['Neither', 'none'],
    // Sport.
    ['I run 3 times a week', 'sport'],
    ['i go running', 'sport'],
    ['runing', 'sport'],
    ['jogging', 'sport'],
    ['i go to the gym', 'sport'],
    ['I play football', 'sport'],
    ['golf on weekends', 'sport'],
    ['i do yoga', 'sport'],
    ['pilates', 'sport'],
    ['i swim', 'sport'],
    ['i cycle to work', 'sport'],
    ['i do crossfit', 'sport'],
    ['hiking', 'sport'],
    ['skiing', 'sport'],
    ['rowing', 'sport'],
    // Lifting weights is training, not lifting work.
    ['i lift weights', 'sport'],
    ['weightlifting', 'sport'],
    ['i lift at the gym', 'sport'],
    // Lifting or repetitive work.
    ['I lift boxes at work', 'repetitive'],
    ['i lift heavy things', 'repetitive'],
    ['lifting', 'repetitive'],
    ["i'm a nurse", 'repetitive'],
    ['I work in a warehouse', 'repetitive'],
    ["I'm a builder", 'repetitive'],
    ["i'm a plumber", 'repetitive'],
    ['i work on a farm', 'repetitive'],
    ['i work in a factory', 'repetitive'],
    ["i'm a cleaner", 'repetitive'],
    ["i'm a postman", 'repetitive'],
    ["i'm a carer", 'repetitive'],
    ['caring for my mum', 'repetitive'],
    ['i look after my mum', 'repetitive'],
    ['i carry my toddler', 'repetitive'],
    ['i pick up my kids', 'repetitive'],
    ['i do a lot of gardening', 'repetitive'],
    // Both.
    ['both', 'both'],
    ["gym and I'm a nurse", 'both'],
    ['running and lifting at work', 'both'],
    ["football on sundays and I'm a builder", 'both'],
    // Neither.
    ['nope', 'none'],
    ['no', 'none'],
    ['nah', 'none'],
    ['none', 'none'],
    ['nothing', 'none'],
    ['no, neither', 'none'],
    ['not really', 'none'],
    ['desk job', 'none'],
    ['office job', 'none'],
    // Negated activities are not activities.
    ['no sport', 'none'],
    ['no exercise', 'none'],
    ['i do no exercise', 'none'],
    ["i don't exercise", 'none'],
    ["I don't play sport", 'none'],
    ['i dont do any sport', 'none'],
    ["I don't do sport or lifting", 'none'],
    ['I dont lift anything', 'none'],
    ['neither sport nor lifting', 'none'],
    ['no sport and no lifting', 'none'],
    // ...but what follows "but" or "and" still counts.
    ['no, but i lift boxes at work', 'repetitive'],
    ['no sport but i lift at work', 'repetitive'],
    ["I'm a nurse, not much sport", 'repetitive'],
    ["i don't lift and i run", 'sport'],
  ])('%j is %s', (text, expected) => {
    expect(recognizeActivity(text)).toBe(expected);
  });

  // "Not both" is one of them, but which?
  it.each(['banana', 'dunno', 'not sure', 'couch potato', 'not both', ''])('%j is not read', (text) => {
    expect(recognizeActivity(text)).toBeNull();
  });
});

describe('recognizeMattressWorn', () => {
  it.each<[string, 'yes' | 'no' | 'unsure']>([
    ["it's pretty old, maybe 12 years", 'yes'],
    ['had it for ages', 'yes'],
    ['theres a dip where i sleep', 'yes'],
    ['you can feel the springs', 'yes'],
    ["it's not that old", 'no'],
    ['brand new last year', 'no'],
    ['its fine', 'no'],
    ['Yes', 'yes'],
    ["No, it's fine", 'no'],
    ['not sure', 'unsure'],
  ])('%j is %s', (text, expected) => {
    expect(recognizeMattressWorn(text)).toBe(expected);
  });

  it('does not guess from words that say nothing about the mattress', () => {
    expect(recognizeMattressWorn('what do you mean')).toBeNull();
  });
});
