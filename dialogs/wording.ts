/** Small pieces of the bot's wording shared by the dialogs' replies. */

/** The 0-10 pain scale as suggested answers. */
export const SCORE_ACTIONS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

/** A title inside a sentence: "the Knee-to-chest stretch" reads as "the knee-to-chest stretch". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
