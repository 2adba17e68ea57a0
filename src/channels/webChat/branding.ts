/** How the chat page and the embed bubble present the bot; the server's config fills it from the environment. */
export interface Branding {
  /** Shown beside the bot's name, e.g. "Riverside Physio". */
  clinicName: string;
  botName: string;
  /** "#rrggbb"; text drawn on it is black or white, whichever contrasts more. */
  accentColor: string;
  /** An https://, http:// or site-relative (/...) URL; anything else is left out. */
  avatarUrl: string;
  /** Shown as "Book an appointment" when set. */
  bookingUrl?: string;
  privacyUrl: string;
}

export const DEFAULT_BRANDING: Readonly<Branding> = Object.freeze({
  clinicName: 'BackCare',
  botName: 'BackCare',
  accentColor: '#0b6e4f',
  avatarUrl: '/webchat/avatar.svg',
  privacyUrl: '/privacy',
});
