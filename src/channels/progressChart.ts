import type * as ResvgModule from '@resvg/resvg-js';
import type { Progress } from '../plan/progress';

const WIDTH = 320;
const HEIGHT = 160;
const LEFT = 30;
const RIGHT = 10;
const TOP = 12;
const BOTTOM = 24;

/**
 * The pain scores since the first check-in as a small line chart (0-10 upwards), drawn as SVG and rendered to PNG
 * on the server: Web Chat shows an image attachment as it is, with the summary as its name for screen readers.
 */
export function progressChartPng(progress: Progress): Buffer {
  // A native addon: loaded when the first chart is drawn, not at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg } = require('@resvg/resvg-js') as typeof ResvgModule;
  return new Resvg(progressChartSvg(progress), { fitTo: { mode: 'width', value: WIDTH * 2 } }).render().asPng();
}

export function progressChartSvg({ points, summary }: Progress): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (points.length === 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
  const y = (score: number) => TOP + plotHeight - (score * plotHeight) / 10;
  const grid = [0, 5, 10]
    .map(
      (score) =>
        `<line x1="${LEFT}" y1="${y(score)}" x2="${WIDTH - RIGHT}" y2="${y(score)}" stroke="#d0d7de"/>` +
        `<text x="${LEFT - 6}" y="${y(score) + 4}" text-anchor="end">${score}</text>`,
    )
    .join('');
  const line = points.map((point, i) => `${x(i).toFixed(1)},${y(point.score).toFixed(1)}`).join(' ');
  const dots = points
    .map((point, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(point.score).toFixed(1)}" r="3.5"/>`)
    .join('');
  const first = points[0].date.slice(5).split('-').reverse().join('/');
  const last = points.at(-1)!.date.slice(5).split('-').reverse().join('/');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" ` +
    `font-family="sans-serif" font-size="11" fill="#57606a" role="img"><title>${escapeXml(summary)}</title>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>${grid}` +
    `<polyline points="${line}" fill="none" stroke="#0b6e99" stroke-width="2.5"/><g fill="#0b6e99">${dots}</g>` +
    `<text x="${LEFT}" y="${HEIGHT - 6}">${first}</text>` +
    (points.length > 1 ? `<text x="${WIDTH - RIGHT}" y="${HEIGHT - 6}" text-anchor="end">${last}</text>` : '') +
    '</svg>'
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
