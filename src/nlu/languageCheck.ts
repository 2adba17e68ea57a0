import { isEnglishWord } from './englishWords';
import { MAX_UNDERSTOOD_CHARS } from './messageLimits';
import { tokenise } from './normalise';
import { readerThread } from './readerThread';

/** Letters in the message: a message of digits, emoji or one short word says nothing about its language. */
const ENOUGH_LETTERS = 6;
/** Past this share of English words, a message is English whatever the detector says of a few short words. */
const ENGLISH_SHARE = 0.5;

/**
 * Whether a message is written in a language other than English. English is
 * written in Latin letters, so a message mostly in another script is not
 * English. Otherwise a language-identification library decides, erring
 * towards English: only its reliable identification of another language
 * counts, and not for a message that is mostly English words ("I felt a
 * twinge" is not Danish), so broken English, slang, names and foreign
 * greetings inside English are read as English.
 */
export class LanguageCheck {
  async isOtherLanguage(message: string): Promise<boolean> {
    // A long message's language shows in its beginning: what the readers after the safety screen look at.
    const text = message.slice(0, MAX_UNDERSTOOD_CHARS);
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const latin = text.match(/(?=\p{L})\p{Script=Latin}/gu)?.length ?? 0;
    if (letters >= 2 && latin < letters / 2) return true;
    if (letters < ENOUGH_LETTERS) return false;
    // Mostly English words is English whatever the detector says, so the detector is asked only about the rest.
    const words = tokenise(text).filter((word) => !/^\d+$/.test(word));
    if (words.filter(isEnglishWord).length >= words.length * ENGLISH_SHARE) return false;
    const { language, reliable } = await readerThread.detectLanguage(text);
    return language !== '' && language !== 'en' && reliable;
  }
}
