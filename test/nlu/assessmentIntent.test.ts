import { wantsAssessment } from '../../src/nlu/assessmentIntent';

describe('wantsAssessment', () => {
  describe('asks for help with their own back', () => {
    it.each([
      // Saying it hurts.
      'my back hurts',
      'My back hurts.',
      'my back hurts!',
      'hi, my back hurts',
      'My lower back is killing me',
      'Hey, my back is killing me',
      "my back's killing me",
      'my back has been killing me',
      'my back has been hurting',
      'my back is sore',
      'my back is really sore',
      'my back really hurts',
      'my lower back hurts so much',
      'my lower back aches',
      'my back is playing up again',
      "I've got back pain",
      'I have back pain',
      'I have lower back pain',
      'ive got bad back pain',
      'i suffer from back pain',
      'i have a bad back',
      'i hurt my back',
      "I've hurt my back",
      'back pain',
      'lower back pain',
      'Back ache',
      'backache',
      // Typos.
      'my bak hurts',
      'my back hurst',
      'my lowerback hurts',
      // Asking what to do.
      'what should I do',
      'my back hurts, what should I do?',
      'Hi! My lower back is killing me.',
      'what should i do?',
      'What can I do?',
      'what do you recommend',
      'can you help',
      'can you help me with my back',
      'can u help me with my back',
      'i need help with my back',
      'what can I do about my back pain',
      'what can i do for my back pain',
      // Starting.
      'start',
      'Start!',
      'start please',
      'begin',
      "let's go",
      'lets start',
      'Get started',
      'ok start',
      'start again',
      'restart',
      'start assessment',
      'Start a new assessment',
      'Start a new assessment.',
      'new assessment',
      'i want an assessment',
      // Asking for a plan.
      'Get a personal plan',
      'Get a personalised plan',
      'get a personalized plan',
      'make me a plan',
      'Make me a plan please',
      'give me a plan',
      'i want a plan',
      'get a plan',
      'can i get a plan',
      'can you make me a plan',
      'create a plan for me',
      'I need a plan for my back',
      'redo my plan',
    ])('%j', (text) => {
      expect(wantsAssessment(text)).toBe(true);
    });
  });

  describe('asks something the knowledge base answers, or nothing yet', () => {
    it.each([
      'why does my back hurt after running',
      'my back hurts when i sit',
      "i'm a lorry driver and my lower back is killing me",
      'what is swedish massage',
      'what is thai massage',
      'how often should I get a massage',
      'is my mattress to blame',
      'what causes back pain',
      'is back pain serious',
      'does massage help back pain',
      'should i see a doctor about my back',
      'what should I do about sciatica',
      'how do I start running again',
      'start stretching',
      'hi',
      'hello',
      'help',
      'help me',
      'thanks',
      'my back',
      'plan',
      '',
    ])('%j', (text) => {
      expect(wantsAssessment(text)).toBe(false);
    });
  });
});
