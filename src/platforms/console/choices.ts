// One-tap buttons (MessageAction) in a terminal: a numbered list under the message and the command
// each stands for, and which list a bare number typed at the prompt chooses from. A DM's or a
// private reply's choices belong to its recipient; a post's or a public reply's to whoever is at the
// console. Kept in memory: after a restart the command in the hint still works.
import type { MessageAction } from '../../core/ports/chat-platform.js';

/** An option value as it would be typed (quoted when it has spaces or quotes). */
function typedValue(v: string | number | boolean): string {
  const s = String(v);
  return s === '' || /[\s"']/.test(s) ? `"${s.replace(/"/g, '”')}"` : s;
}

/** The command an action runs, as someone would type it: `/help command:about`. */
export function typedCommand(a: MessageAction): string {
  const opts = Object.entries(a.options ?? {}).map(([k, v]) => `${k}:${typedValue(v)}`);
  return ['/' + a.command.trim(), ...opts].join(' ');
}

/** Values that differ between the actions: `<1–5>` for a run of whole numbers, else `<a|b|c>`. */
function placeholder(values: string[]): string {
  const nums = values.map(Number);
  const run = values.every((v) => /^-?\d+$/.test(v)) && nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
  return run && values.length > 2 ? `<${values[0]}–${values.at(-1)}>` : `<${values.join('|')}>`;
}

/** What to type instead of a number: one command with its varying options as placeholders, or each command. */
export function typedEquivalent(actions: readonly MessageAction[]): string {
  const first = actions[0]!;
  const keys = Object.keys(first.options ?? {});
  const sameShape = actions.every((a) => a.command === first.command && Object.keys(a.options ?? {}).join() === keys.join());
  if (!sameShape) return [...new Set(actions.map(typedCommand))].join(', ');
  const opts = keys.map((k) => {
    const values = [...new Set(actions.map((a) => String(a.options![k])))];
    return `${k}:${values.length === 1 ? typedValue(first.options![k]!) : placeholder(values)}`;
  });
  return ['/' + first.command.trim(), ...opts].join(' ');
}

/** The numbered list (wrapped to a terminal's width) and a hint; `as` names the recipient when it isn't the one typing. */
export function renderActions(actions: readonly MessageAction[], as?: string): string {
  const lines: string[] = [];
  let line = '';
  actions.forEach((a, i) => {
    const item = `[${i + 1}] ${a.label}`;
    if (line && line.length + 3 + item.length > 72) {
      lines.push(line);
      line = item;
    } else line = line ? `${line}   ${item}` : item;
  });
  lines.push(line);
  const who = as ? `as @${as} (:as ${as}), ` : '';
  lines.push(`${who}type the number to choose (or ${typedEquivalent(actions)})`);
  return lines.join('\n');
}

interface Offer {
  seq: number;
  actions: MessageAction[];
  /** The post's #id, so an edit that takes its buttons away withdraws them. */
  messageId?: string;
}

export type Choice =
  | { kind: 'chosen'; action: MessageAction; n: number }
  | { kind: 'out-of-range'; count: number }
  | { kind: 'none'; waitingFor: string[] };

export class ConsoleChoices {
  private seq = 0;
  private readonly personal = new Map<string, Offer>();
  private shared: Offer | null = null;

  /** A DM or private reply to `userId`. A message without actions leaves earlier choices as they were. */
  offerTo(userId: string, actions: readonly MessageAction[] | undefined): void {
    if (actions?.length) this.personal.set(userId, { seq: ++this.seq, actions: [...actions] });
  }

  /** A post or a public reply: anyone at the console may choose. */
  offerToAll(actions: readonly MessageAction[] | undefined, messageId?: string): void {
    if (actions?.length) this.shared = { seq: ++this.seq, actions: [...actions], messageId };
  }

  /** A post edited: its new buttons replace the old, or none withdraws them. */
  edited(messageId: string, actions: readonly MessageAction[] | undefined): void {
    if (this.shared?.messageId !== messageId) return;
    this.shared = actions?.length ? { ...this.shared, actions: [...actions] } : null;
  }

  /** The latest choices `userId` can see: their own or everyone's, whichever came last. */
  latestFor(userId: string): MessageAction[] | null {
    const mine = this.personal.get(userId);
    const all = this.shared;
    const latest = mine && all ? (mine.seq > all.seq ? mine : all) : mine ?? all;
    return latest?.actions ?? null;
  }

  /** Own choices waiting for `userId` (said when someone switches to them). */
  waitingFor(userId: string): MessageAction[] | null {
    return this.personal.get(userId)?.actions ?? null;
  }

  choose(userId: string, n: number): Choice {
    const actions = this.latestFor(userId);
    if (!actions) return { kind: 'none', waitingFor: [...this.personal.keys()].filter((u) => u !== userId) };
    if (!Number.isInteger(n) || n < 1 || n > actions.length) return { kind: 'out-of-range', count: actions.length };
    return { kind: 'chosen', action: actions[n - 1]!, n };
  }
}
