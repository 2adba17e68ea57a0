import { ReaderThread } from '../../src/nlu/readerThread';
import { answer, type Question } from '../../src/nlu/readers';

const today = new Date('2026-12-01T12:00:00Z').getTime();
const QUESTIONS: Question[] = [
  { kind: 'duration', text: 'since last Christmas', today },
  { kind: 'duration', text: 'about 3 wks', today },
  { kind: 'severity', text: 'about a seven, maybe an eight when it flares' },
  { kind: 'severity', text: '7/10' },
  { kind: 'sittingHours', text: 'nine to five at a desk' },
  { kind: 'language', text: 'Me duele la espalda desde hace tres semanas y no puedo dormir' },
  { kind: 'language', text: 'my lower back has been killing me since the weekend' },
];

function ask(thread: ReaderThread, question: Question) {
  switch (question.kind) {
    case 'duration':
      return thread.readDuration(question.text, new Date(question.today));
    case 'severity':
      return thread.readSeverity(question.text);
    case 'sittingHours':
      return thread.readSittingHours(question.text);
    case 'language':
      return thread.detectLanguage(question.text);
  }
}

describe('the reader thread (the built worker, dist/src/nlu/readerWorker.js)', () => {
  it('answers every kind of question as the readers do on this thread', async () => {
    const thread = new ReaderThread();
    const release = thread.start();
    try {
      const answers = await Promise.all(QUESTIONS.map((question) => ask(thread, question)));
      expect(answers).toEqual(QUESTIONS.map(answer));
      expect(answers[0]).toMatchObject({ band: 'chronic' });
      expect(answers[3]).toEqual({ value: 7, outOfRange: false });
    } finally {
      await release();
    }
  });

  it('answers here what the worker had not answered when it stopped, and everything after', async () => {
    const thread = new ReaderThread();
    const release = thread.start();
    const pending = QUESTIONS.map((question) => ask(thread, question));
    await release();
    expect(await Promise.all(pending)).toEqual(QUESTIONS.map(answer));
    expect(await ask(thread, QUESTIONS[2])).toEqual(answer(QUESTIONS[2]));
  });
});
