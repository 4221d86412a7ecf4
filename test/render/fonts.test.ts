// Names in any script draw with real glyphs. A font without a glyph draws the same "missing glyph"
// box for every character it lacks, so: each character of a name must draw differently from the
// others, and differently from a character no font has (a private-use code point).
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { FONT_STACK, registerFonts } from '../../src/render/fonts.js';
import { renderLeaderboardCard } from '../../src/render/leaderboard-card.js';

/** The pixels of one character drawn alone, black on white. */
function drawn(ch: string, family = FONT_STACK): string {
  const canvas = createCanvas(64, 64);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 64, 64);
  ctx.fillStyle = '#000';
  ctx.font = `40px ${family}`;
  ctx.fillText(ch, 8, 48);
  return Buffer.from(ctx.getImageData(0, 0, 64, 64).data).toString('base64');
}

const scripts: Record<string, string[]> = {
  Chinese: ['王', '小', '明'],
  Japanese: ['こ', 'ん', 'に'],
  emoji: ['🌊', '🔥', '🎉'],
  Arabic: ['م', 'ر', 'ح'],
  Hebrew: ['ש', 'ל', 'ו'],
  Cyrillic: ['П', 'р', 'и'],
  'accented Latin': ['é', 'ë', 'ñ'],
};

describe('fonts for names in any script', () => {
  registerFonts();
  const missing = drawn('\uE000');

  for (const [script, chars] of Object.entries(scripts)) {
    it(`GIVEN ${script} characters WHEN drawn in the card fonts THEN each has its own glyph, not the missing-glyph box`, () => {
      const images = chars.map((c) => drawn(c));
      expect(new Set(images).size).toBe(chars.length);
      for (const image of images) expect(image).not.toBe(missing);
    });
  }

  it('GIVEN DejaVu alone (the fonts before) WHEN Chinese is drawn THEN its characters are all the same box: the check above would catch a missing fallback', () => {
    const boxes = scripts.Chinese!.map((c) => drawn(c, '"Ambassador DejaVu Sans"'));
    expect(new Set(boxes).size).toBe(1);
  });

  it('GIVEN a board with 王小明 and 🌊 WHEN the card is rendered THEN it differs from the same board with boxes', async () => {
    const card = (name: string) => renderLeaderboardCard({ programName: 'River 🌊', periodLabel: 'Week of 2 March 2026', rows: [{ rank: 1, name, points: 10 }] });
    const real = await card('王小明 🌊');
    const other = await card('王小明 🔥');
    expect(Buffer.from(real.png).equals(Buffer.from(other.png))).toBe(false);
  });
});
