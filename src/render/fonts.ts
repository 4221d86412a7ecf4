// The fonts every card and chart draws with, shipped through npm and registered under our own family
// names (never silently resolved to a system font), so output is the same on a machine without
// system fonts. DejaVu Sans covers Latin with accents, Greek, Cyrillic, Hebrew and Arabic; names in
// Chinese (and Japanese kana) fall back to Noto Sans Hans, emoji to Noto Emoji (monochrome): Skia
// picks, glyph by glyph, the first family in the stack that has it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

const LATIN = 'Ambassador DejaVu Sans';
const HANS = 'Ambassador Noto Sans Hans';
const EMOJI = 'Ambassador Noto Emoji';

/** For ctx.font and Chart.js: `${size}px ${FONT_STACK}`. */
export const FONT_STACK = [LATIN, HANS, EMOJI].map((f) => `"${f}"`).join(', ');

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  // @embedpdf/fonts-sc exports only its script: the fonts sit beside it in the package.
  const hans = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const emoji = dirname(require.resolve('@expo-google-fonts/noto-emoji'));
  const files: Array<[string, string]> = [
    [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), LATIN],
    [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), LATIN],
    [join(hans, 'NotoSansHans-Regular.otf'), HANS],
    [join(hans, 'NotoSansHans-Bold.otf'), HANS],
    [join(emoji, '400Regular', 'NotoEmoji_400Regular.ttf'), EMOJI],
    [join(emoji, '700Bold', 'NotoEmoji_700Bold.ttf'), EMOJI],
  ];
  for (const [path, family] of files) {
    if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`Cannot load the font ${path}`);
  }
  registered = true;
}
