import { accentPalette, escapeHtml } from './webChat/chatPage';

/**
 * The assistant's mark: a stylised spine (a gentle S-curve of rounded vertebrae, with a leaf at the top), drawn in
 * the clinic's accent colour. One drawing for the chat avatar and the Teams icons, so a clinic's brand is the same
 * everywhere it appears.
 */
export interface BrandMark {
  accentColor: string;
  /** Read out by screen readers. */
  title: string;
  /**
   * circle: the chat avatar; square: a full-bleed app icon (Teams' colour icon); none: the glyph alone in white on
   * transparent, filling the frame (Teams' outline icon).
   */
  background: 'circle' | 'square' | 'none';
  /** Width and height in pixels. */
  size: number;
}

const VERTEBRAE = [
  '<rect x="25" y="21" width="14" height="6" rx="3" transform="rotate(-8 32 24)"/>',
  '<rect x="26.5" y="29" width="13" height="6" rx="3" transform="rotate(4 33 32)"/>',
  '<rect x="25.5" y="37" width="13" height="6" rx="3" transform="rotate(10 32 40)"/>',
  '<rect x="23" y="45" width="14" height="6" rx="3" transform="rotate(2 30 48)"/>',
  '<path d="M32 18c-1.5-5 1-9.5 7-11 .6 5.8-2.2 9.6-7 11z"/>',
].join('');

export function brandMarkSvg({ accentColor, title, background, size }: BrandMark): string {
  const { accent, onAccent } = accentPalette(accentColor);
  const glyph = background === 'none' ? '#ffffff' : onAccent;
  // Alone, the glyph fills the frame: an outline icon is drawn small, and Teams gives it no padding of its own.
  const viewBox = background === 'none' ? '8 5 48 48' : '0 0 64 64';
  const backdrop = {
    circle: `<circle cx="32" cy="32" r="32" fill="${accent}"/>`,
    square: `<rect width="64" height="64" fill="${accent}"/>`,
    none: '',
  }[background];
  // The leaf's vein is cut in the background colour; on transparent there is nothing to cut it with.
  const vein =
    background === 'none'
      ? ''
      : `<path d="M32 18c1.4-3.2 3.2-5.4 5.5-7.2" fill="none" stroke="${accent}" stroke-width="1.2" stroke-linecap="round"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${size}" height="${size}" role="img" ` +
    `aria-labelledby="brand-mark-title"><title id="brand-mark-title">${escapeHtml(title)}</title>` +
    `${backdrop}<g fill="${glyph}">${VERTEBRAE}</g>${vein}</svg>`
  );
}
