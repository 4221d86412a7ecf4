import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import {
  CARD_WIDTH,
  cardHeight,
  fitText,
  objectiveLabel,
  registerCardFonts,
  renderLeaderboardCard,
  type LeaderboardCardInput,
} from '../../src/render/leaderboard-card.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function rows(n: number): LeaderboardCardInput['rows'] {
  return Array.from({ length: n }, (_, i) => ({ rank: i + 1, name: `Ambassador ${i + 1}`, points: 1000 - i * 37 }));
}

/** Width and height from the IHDR chunk, which a valid PNG has first, right after the signature. */
function ihdr(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const base: LeaderboardCardInput = {
  programName: 'Friends of the River',
  periodLabel: 'Week of 23 March 2026',
  rows: rows(10),
  objective: { current: 612, target: 1000, unit: 'sign-ups' },
  footer: '42 ambassadors contributed this week · only verified activity counts',
};

describe('leaderboard card', () => {
  it('GIVEN ten ranked rows and an objective WHEN rendered THEN a PNG of the announced size decodes', async () => {
    const card = await renderLeaderboardCard(base);

    expect(Array.from(card.png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
    expect(card.width).toBe(CARD_WIDTH);
    expect(card.height).toBe(cardHeight(10, true));
    expect(ihdr(card.png)).toEqual({ width: card.width, height: card.height });
    const image = await loadImage(Buffer.from(card.png));
    expect([image.width, image.height]).toEqual([card.width, card.height]);
  });

  it('GIVEN fewer rows WHEN rendered THEN the card is shorter, and rows beyond ten are not drawn', async () => {
    const three = await renderLeaderboardCard({ ...base, rows: rows(3) });
    const twelve = await renderLeaderboardCard({ ...base, rows: rows(12) });
    const empty = await renderLeaderboardCard({ ...base, rows: [], objective: null });

    expect(three.height).toBeLessThan(cardHeight(10, true));
    expect(ihdr(three.png)).toEqual({ width: CARD_WIDTH, height: cardHeight(3, true) });
    expect(ihdr(twelve.png).height).toBe(cardHeight(10, true));
    expect(ihdr(empty.png)).toEqual({ width: CARD_WIDTH, height: cardHeight(0, false) });
  });

  it('GIVEN emoji, very long and multi-line names WHEN rendered THEN it still renders at the fixed width', async () => {
    const card = await renderLeaderboardCard({
      ...base,
      programName: '🌊 '.repeat(60),
      rows: [
        { rank: 1, name: '👩🏽‍🚀 Astronaut with a name that goes on and on and on and never seems to stop at all', points: 1_234_567, change: 3 },
        { rank: 1, name: 'Line\nbreak\tand\u0000control', points: 1_234_567, change: 'new' },
        { rank: 3, name: 'x'.repeat(500), points: 0, change: -2 },
      ],
    });

    expect(ihdr(card.png)).toEqual({ width: CARD_WIDTH, height: cardHeight(3, true) });
  });

  it('GIVEN a name too wide WHEN fitted THEN it is cut with an ellipsis inside the width, never mid-emoji', () => {
    registerCardFonts();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = '22px "Ambassador DejaVu Sans"';
    const astronaut = '👩🏽‍🚀';

    const short = fitText(ctx, 'Ann', 300);
    const long = fitText(ctx, `${'Bartholomew '.repeat(10)}`, 300);
    const emoji = fitText(ctx, `Ann${astronaut.repeat(40)}`, 120);

    expect(short).toBe('Ann');
    expect(long.endsWith('…')).toBe(true);
    expect(ctx.measureText(long).width).toBeLessThanOrEqual(300);
    expect(long.length).toBeGreaterThan(10);
    const kept = emoji.slice(3, -1);
    expect(kept.length % astronaut.length).toBe(0);
    expect(kept).toBe(astronaut.repeat(kept.length / astronaut.length));
  });

  it('GIVEN the bundled fonts WHEN measured THEN bold is registered beside regular', () => {
    registerCardFonts();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = '22px "Ambassador DejaVu Sans"';
    const regular = ctx.measureText('Leaderboard').width;
    ctx.font = 'bold 22px "Ambassador DejaVu Sans"';
    expect(ctx.measureText('Leaderboard').width).toBeGreaterThan(regular);
  });

  it('GIVEN objective numbers WHEN labelled THEN thousands are grouped and the percentage rounds down', () => {
    expect(objectiveLabel({ current: 612, target: 1000, unit: 'sign-ups' })).toBe('612 / 1,000 sign-ups — 61%');
    expect(objectiveLabel({ current: 999, target: 1000, unit: 'sign-ups' })).toBe('999 / 1,000 sign-ups — 99%');
    expect(objectiveLabel({ current: 1500, target: 1000, unit: 'dollars' })).toBe('1,500 / 1,000 dollars — 150%');
    expect(objectiveLabel({ current: 5, target: 0, unit: 'events' })).toBe('5 / 0 events — 0%');
  });
});
