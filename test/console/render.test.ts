// Readable output (issue #12): the core's light Markdown in ANSI styles for a colour terminal, as
// plain text for scripts and NO_COLOR, untouched when asked for as written.
import { describe, expect, it } from 'vitest';
import { styleText } from '../../src/platforms/console/render.js';

const md = '**Why:** We love _clean_ rivers — see [the plan](https://example.org/plan), run `/log kind:funds`, set committee_channel:#x';

describe('Markdown in a terminal', () => {
  it('GIVEN plain style THEN the marks are taken away and a link shows its address', () => {
    expect(styleText(md, 'plain')).toBe('Why: We love clean rivers — see the plan (https://example.org/plan), run /log kind:funds, set committee_channel:#x');
  });

  it('GIVEN ANSI style THEN bold, italics, code and links are styled', () => {
    expect(styleText(md, 'ansi')).toBe(
      '\x1b[1mWhy:\x1b[22m We love \x1b[3mclean\x1b[23m rivers — see \x1b[4mthe plan\x1b[24m \x1b[2m(https://example.org/plan)\x1b[22m, run \x1b[36m/log kind:funds\x1b[39m, set committee_channel:#x',
    );
  });

  it('GIVEN markdown style THEN the text is as written', () => {
    expect(styleText(md, 'markdown')).toBe(md);
  });

  it('GIVEN underscores inside words, marks inside code, a link labelled with its address THEN only real marks count', () => {
    expect(styleText('ambassador_role and leaderboard_size_max', 'plain')).toBe('ambassador_role and leaderboard_size_max');
    expect(styleText('`**not bold**` and _a whole sentence._', 'plain')).toBe('**not bold** and a whole sentence.');
    expect(styleText('[https://x.org](https://x.org)', 'plain')).toBe('https://x.org');
  });
});
