// The weekly leaderboard as a PNG card, drawn in-process with @napi-rs/canvas in the fonts of
// fonts.ts (shipped through npm: names in any script draw the same everywhere). The text version of
// the board stays the accessible one.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { FONT_STACK, registerFonts } from './fonts.js';

export interface LeaderboardCardRow {
  rank: number;
  name: string;
  points: number;
  /** Places gained (+) or lost (-) since the previous period; 'new' for a first appearance. */
  change?: number | 'new' | null;
}

export interface LeaderboardCardInput {
  programName: string;
  /** e.g. "Week of 23 March 2026". */
  periodLabel: string;
  /** Already ranked; only the first MAX_CARD_ROWS are drawn. */
  rows: LeaderboardCardRow[];
  /** Progress toward the program objective, e.g. { current: 612, target: 1000, unit: 'sign-ups' }. */
  objective?: { current: number; target: number; unit: string } | null;
  footer?: string;
  /** For number formatting; default en-US ("1,000"). */
  locale?: string;
}

export const CARD_WIDTH = 800;
export const MAX_CARD_ROWS = 10;

const PAD = 40;
const HEADER = 120;
const ROW = 48;
const OBJECTIVE = 96;
const FOOTER = 56;
const C = {
  bg: '#ffffff', band: '#4338ca', bandText: '#ffffff', bandSub: '#c7d2fe', text: '#111827', muted: '#6b7280',
  stripe: '#f3f4f6', track: '#e5e7eb', fill: '#16a34a', up: '#16a34a', down: '#dc2626',
  medals: ['#b8860b', '#6b7280', '#a0522d'],
};

export { registerFonts as registerCardFonts } from './fonts.js';

/** The card's height for a number of rows: it grows with the board, the width is fixed. */
export function cardHeight(rowCount: number, withObjective: boolean): number {
  const rows = Math.max(1, Math.min(MAX_CARD_ROWS, rowCount)); // an empty board still has its message line
  return HEADER + 16 + rows * ROW + 16 + (withObjective ? OBJECTIVE : 0) + FOOTER;
}

const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${FONT_STACK}`;

/** One line: control characters and runs of whitespace become a single space. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}

/**
 * The text, or its longest prefix that fits with an ellipsis. Cuts between graphemes, so an emoji
 * (with skin tone or ZWJ sequence) or an accented letter is never split in half.
 */
export function fitText(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  const clean = oneLine(text);
  if (ctx.measureText(clean).width <= maxWidth) return clean;
  const parts = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(clean), (s) => s.segment);
  let lo = 0;
  let hi = parts.length; // invariant: lo graphemes + '…' fit (0 always "fits"), hi do not
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ctx.measureText(`${parts.slice(0, mid).join('').trimEnd()}…`).width <= maxWidth) lo = mid;
    else hi = mid;
  }
  return `${parts.slice(0, lo).join('').trimEnd()}…`;
}

/** "612 / 1,000 sign-ups — 61%": the percentage rounds down, so 100% means the target is reached. */
export function objectiveLabel(o: { current: number; target: number; unit: string }, locale = 'en-US'): string {
  const n = new Intl.NumberFormat(locale);
  const pct = o.target > 0 ? Math.floor((o.current / o.target) * 100) : 0;
  return `${n.format(o.current)} / ${n.format(o.target)} ${o.unit} — ${n.format(pct)}%`;
}

function roundRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.min(r, h / 2, w / 2));
  ctx.fill();
}

function drawChange(ctx: SKRSContext2D, change: LeaderboardCardRow['change'], x: number, y: number): void {
  if (change === undefined || change === null || change === 0) return;
  ctx.font = font(15, true);
  ctx.textAlign = 'left';
  if (change === 'new') {
    ctx.fillStyle = C.band;
    ctx.fillText('NEW', x, y);
  } else {
    ctx.fillStyle = change > 0 ? C.up : C.down;
    ctx.fillText(`${change > 0 ? '▲' : '▼'}${Math.abs(change)}`, x, y);
  }
}

export async function renderLeaderboardCard(
  input: LeaderboardCardInput,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  registerFonts();
  const rows = input.rows.slice(0, MAX_CARD_ROWS);
  const objective = input.objective ?? null;
  const width = CARD_WIDTH;
  const height = cardHeight(rows.length, objective !== null);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const nf = new Intl.NumberFormat(input.locale ?? 'en-US');
  const inner = width - 2 * PAD;
  ctx.textBaseline = 'middle';

  ctx.fillStyle = C.bg;
  ctx.fillRect(0, 0, width, height);

  // Header band: program name and period.
  ctx.fillStyle = C.band;
  ctx.fillRect(0, 0, width, HEADER);
  ctx.textAlign = 'left';
  ctx.fillStyle = C.bandText;
  ctx.font = font(32, true);
  ctx.fillText(fitText(ctx, input.programName, inner), PAD, 46);
  ctx.fillStyle = C.bandSub;
  ctx.font = font(20);
  ctx.fillText(fitText(ctx, `Leaderboard · ${input.periodLabel}`, inner), PAD, 88);

  // Rows: rank | change | name ........ points.
  const rankRight = PAD + 44;
  const changeX = PAD + 56;
  const nameX = PAD + 112;
  const pointsRight = width - PAD - 12;
  let y = HEADER + 16;
  if (rows.length === 0) {
    ctx.fillStyle = C.muted;
    ctx.font = font(20);
    ctx.textAlign = 'center';
    ctx.fillText('No verified activity in this period yet.', width / 2, y + ROW / 2);
  }
  rows.forEach((row, i) => {
    const mid = y + ROW / 2;
    if (i % 2 === 0) {
      ctx.fillStyle = C.stripe;
      roundRect(ctx, PAD - 8, y + 2, inner + 16, ROW - 4, 8);
    }
    ctx.textAlign = 'right';
    ctx.font = font(22, true);
    ctx.fillStyle = row.rank <= 3 ? (C.medals[row.rank - 1] ?? C.text) : C.text;
    ctx.fillText(String(row.rank), rankRight, mid);
    drawChange(ctx, row.change, changeX, mid);

    const points = `${nf.format(row.points)} pts`;
    ctx.font = font(22, true);
    ctx.fillStyle = C.text;
    ctx.textAlign = 'right';
    ctx.fillText(points, pointsRight, mid);
    const pointsWidth = ctx.measureText(points).width;

    ctx.font = font(22);
    ctx.textAlign = 'left';
    ctx.fillText(fitText(ctx, row.name, pointsRight - pointsWidth - 24 - nameX), nameX, mid);
    y += ROW;
  });
  y = HEADER + 16 + Math.max(1, rows.length) * ROW + 16;

  // Objective: label, then a bar filled to the share reached (capped at full).
  if (objective) {
    ctx.textAlign = 'left';
    ctx.fillStyle = C.text;
    ctx.font = font(20, true);
    ctx.fillText(fitText(ctx, objectiveLabel(objective, input.locale), inner), PAD, y + 20);
    const share = objective.target > 0 ? Math.min(1, Math.max(0, objective.current / objective.target)) : 0;
    ctx.fillStyle = C.track;
    roundRect(ctx, PAD, y + 46, inner, 24, 12);
    if (share > 0) {
      ctx.fillStyle = C.fill;
      roundRect(ctx, PAD, y + 46, Math.max(24, inner * share), 24, 12);
    }
    y += OBJECTIVE;
  }

  // Footer.
  ctx.strokeStyle = C.track;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(PAD, y + 0.5);
  ctx.lineTo(width - PAD, y + 0.5);
  ctx.stroke();
  ctx.fillStyle = C.muted;
  ctx.font = font(16);
  ctx.textAlign = 'left';
  ctx.fillText(fitText(ctx, input.footer ?? 'Only verified activity counts.', inner), PAD, y + FOOTER / 2);

  const png = await canvas.encode('png');
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width, height };
}
