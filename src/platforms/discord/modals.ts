// Forms as Discord modals. A modal holds at most 5 inputs, so a longer form continues in steps
// (a button "Continue (2/3)" between them: a modal can't open another modal). What was typed is kept
// in memory per person and form until the last step, for a limited time; the core stores the form
// only when it is complete. When the core finds problems, a new round asks only the fields to fix.
import { randomBytes } from 'node:crypto';
import {
  ActionRowBuilder, ButtonBuilder, ButtonStyle, LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { FormField, FormSpec } from '../../core/ports/chat-platform.js';
import { truncate } from './render.js';

export const modalLimits = { inputs: 5, title: 45, label: 45, description: 100, placeholder: 100, customId: 100, value: 4000 } as const;

export interface FormSession {
  token: string;
  userId: string;
  spec: FormSpec;
  /** Everything typed so far, by field id. */
  values: Record<string, string>;
  /** Field ids per modal in the current round. */
  steps: string[][];
  /** 0 for the form itself; 1, 2… for each "fix these answers" round. */
  round: number;
  /** The current round asks only answers the core found problems with. */
  fixing: boolean;
  expiresAt: number;
}

const prefix = 'amb:form';

export const customIdFor = (s: FormSession, step: number) => `${prefix}:${s.token}:${s.round}:${step}`;

export function parseCustomId(id: string): { token: string; round: number; step: number } | null {
  const m = /^amb:form:([\w-]+):(\d+):(\d+)$/.exec(id);
  return m ? { token: m[1]!, round: Number(m[2]), step: Number(m[3]) } : null;
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

export class FormSessions {
  private readonly byToken = new Map<string, FormSession>();

  constructor(
    readonly ttlMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.byToken.size;
  }

  /** Starts (or resumes, keeping what was typed) this person's session for this form. */
  open(userId: string, spec: FormSpec): FormSession {
    this.sweep();
    const existing = [...this.byToken.values()].find((s) => s.userId === userId && s.spec.id === spec.id);
    const session: FormSession = existing ?? { token: randomBytes(6).toString('base64url'), userId, spec, values: {}, steps: [], round: 0, fixing: false, expiresAt: 0 };
    for (const f of spec.fields) if (f.value !== undefined && session.values[f.id] === undefined) session.values[f.id] = f.value;
    Object.assign(session, { spec, fixing: false, round: existing ? existing.round + 1 : 0, steps: chunk(spec.fields.map((f) => f.id), modalLimits.inputs) });
    return this.touch(session);
  }

  /** The session a modal or button belongs to, if it is this person's and still alive. */
  get(token: string, userId: string): FormSession | undefined {
    const s = this.byToken.get(token);
    if (!s || s.userId !== userId) return undefined;
    if (s.expiresAt <= this.now()) {
      this.byToken.delete(token);
      return undefined;
    }
    return s;
  }

  /** A new round that asks only the fields with problems, in form order. */
  retry(s: FormSession, fieldIds: string[]): FormSession {
    const ids = s.spec.fields.map((f) => f.id).filter((id) => fieldIds.includes(id));
    Object.assign(s, { fixing: true, round: s.round + 1, steps: chunk(ids.length ? ids : s.spec.fields.map((f) => f.id), modalLimits.inputs) });
    return this.touch(s);
  }

  finish(s: FormSession): void {
    this.byToken.delete(s.token);
  }

  sweep(): void {
    const now = this.now();
    for (const [token, s] of this.byToken) if (s.expiresAt <= now) this.byToken.delete(token);
  }

  private touch(s: FormSession): FormSession {
    s.expiresAt = this.now() + this.ttlMs;
    this.byToken.set(s.token, s);
    return s;
  }
}

function input(field: FormField, value: string | undefined): LabelBuilder {
  const long = field.label.length > modalLimits.label;
  const max = Math.max(1, Math.min(field.maxLength, modalLimits.value));
  const text = new TextInputBuilder()
    .setCustomId(field.id)
    .setStyle(field.kind === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short)
    .setRequired(field.required)
    .setMaxLength(max);
  const min = Math.min(Math.max(0, field.minLength), max);
  if (min > 0) text.setMinLength(min);
  const placeholder = long ? field.label : field.placeholder;
  if (placeholder) text.setPlaceholder(truncate(placeholder, modalLimits.placeholder));
  if (value) text.setValue(value.slice(0, max));
  const label = new LabelBuilder().setLabel(truncate(field.label, modalLimits.label)).setTextInputComponent(text);
  if (long) label.setDescription(truncate(field.label, modalLimits.description));
  return label;
}

export function modalFor(s: FormSession, step: number): ModalBuilder {
  const total = s.steps.length;
  const suffix = total > 1 ? ` (${step + 1}/${total})` : '';
  const title = `${truncate(s.fixing ? `Fix: ${s.spec.title}` : s.spec.title, modalLimits.title - suffix.length)}${suffix}`;
  const fields = (s.steps[step] ?? []).map((id) => s.spec.fields.find((f) => f.id === id)!).filter(Boolean);
  return new ModalBuilder().setCustomId(customIdFor(s, step)).setTitle(title).addLabelComponents(...fields.map((f) => input(f, s.values[f.id])));
}

/** The button that opens step `step` of the current round ("Continue (2/3)", "Fix my answers"). */
export function stepButton(s: FormSession, step: number, label?: string): ActionRowBuilder<ButtonBuilder> {
  const total = s.steps.length;
  const text = label ?? (step === 0 ? (total > 1 ? `Open the form (1/${total})` : 'Open the form') : `Continue (${step + 1}/${total})`);
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customIdFor(s, step)).setLabel(truncate(text, 80)).setStyle(ButtonStyle.Primary),
  );
}

/** The text inputs of a submitted modal, by custom id (the form's field ids). */
export function submittedValues(i: ModalSubmitInteraction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, field] of i.fields.fields) {
    if ('value' in field && typeof field.value === 'string') out[id] = field.value;
  }
  return out;
}
