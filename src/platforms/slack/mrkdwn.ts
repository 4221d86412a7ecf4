// Text for Slack: mention-safe escaping, the core's light markdown as mrkdwn, and the core's
// platform-neutral command references (/apply) as this app's one slash command (/ambassador apply).
// Pure functions: every outbound string goes through `toMrkdwn` or `plainFallback`.

/** The one slash command the app registers; subcommands follow it. */
export const slashCommand = '/ambassador';

/**
 * Escapes the three characters Slack treats as markup. After this, text a user typed such as
 * `<!channel>`, `<!here>`, `<!everyone>`, `<@U123>` or `<!subteam^S1>` shows as typed and notifies nobody.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes everything, then restores the core's own channel links, written `<#C123>`: they stay links (and never notify). */
export function mentionSafe(text: string): string {
  return escapeText(text).replace(/&lt;#([CG][A-Z0-9]{2,})(?:\|[^&<>\s]*)?&gt;/g, '<#$1>');
}

/**
 * Rewrites core command references for Slack: `/program setup` -> `/ambassador program setup`.
 * `/ambassador sync` (the core's command 'ambassador sync') becomes `/ambassador ambassador sync`;
 * text already in Slack form (`/ambassador apply`) is left alone.
 */
export function slackCommands(text: string, commandNames: readonly string[]): string {
  const firstWords = new Set(commandNames.map((n) => n.split(' ')[0]!));
  const root = slashCommand.slice(1);
  return text.replace(/(^|[\s(“"'‘`*_])\/([a-z][a-z_-]*)(?:\s+([a-z][a-z_-]*))?/g, (whole, pre: string, word: string, next?: string) => {
    if (!firstWords.has(word)) return whole;
    const rest = next ? ` ${next}` : '';
    if (word === root) {
      // '/ambassador sync' means the core command 'ambassador sync'; '/ambassador apply' is already Slack form.
      if (next && commandNames.includes(`${root} ${next}`)) return `${pre}${slashCommand} ${root}${rest}`;
      return whole;
    }
    return `${pre}${slashCommand} ${word}${rest}`;
  });
}

/**
 * The core's light markdown as Slack mrkdwn, mention-safe: **bold** -> *bold*, [label](url) -> <url|label>, bare https://… -> <https://…>,
 * "# heading" -> *heading*, "- item" -> "• item". _italic_, `code` and ~strike~ are the same in both.
 */
export function toMrkdwn(markdown: string): string {
  return mentionSafe(markdown)
    .replace(/\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g, (_m, label: string, url: string) => `<${url.replace(/\|/g, '%7C')}|${label.replace(/\|/g, '¦')}>`)
    // Blocks are sent verbatim (nothing auto-parsed, so no stray mention fires): link bare URLs ourselves.
    .replace(/(^|[\s(])(https?:\/\/[^\s<>|]*[^\s<>|.,;:!?)\]])/g, '$1<$2>')
    .replace(/\*\*([^*\n](?:[^\n]*?[^*\n])?)\*\*/g, '*$1*')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/^(\s*)[-*]\s+/gm, '$1• ');
}

/** Notification / fallback text (the `text` beside blocks): no markdown markers, still mention-safe. */
export function plainFallback(markdown: string): string {
  return mentionSafe(
    markdown
      .replace(/\*\*([^*\n]+)\*\*/g, '$1')
      .replace(/\[([^\]\n]+)\]\(([^\s)]+)\)/g, '$1 ($2)'),
  );
}

/** Cuts to at most max characters, ending with an ellipsis when cut. Never splits a surrogate pair. */
export function trimTo(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Splits text into pieces of at most max characters, preferring line breaks, then spaces. */
export function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at -= 1;
    // Never leave an escape such as &amp; cut in half.
    const amp = rest.lastIndexOf('&', at);
    if (amp > at - 6 && !rest.slice(amp, at).includes(';')) at = amp;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}
