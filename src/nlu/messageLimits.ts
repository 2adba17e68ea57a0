/**
 * The longest message text accepted at all: Slack's limit (40,000 characters), the largest of the channels served
 * (Teams allows about 28 KB, Direct Line 32 KB per activity). The safety screen reads every accepted message in
 * full, in time linear in its length.
 */
export const MAX_MESSAGE_CHARS = 40_000;

/**
 * How much of a message the readers after the safety screen look at; past this, the bot asks for something
 * shorter. About 350 words: long, rambling messages fit; pasted documents do not.
 */
export const MAX_UNDERSTOOD_CHARS = 2000;
