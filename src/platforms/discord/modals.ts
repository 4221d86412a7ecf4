// Forms as Discord modals. A modal holds at most 5 inputs, so a longer form continues in steps
// (a button "Continue (2/3)" between them: a modal can't open another modal). What was typed is kept
// per person and form until the last step, for a limited time, in the database (any process may get
// the next step); the core stores the application only when it is complete. When the core finds problems, a new round asks only the fields to fix.
import { randomBytes } from 'node:crypto';
import {
  ButtonStyle, ComponentType, TextInputStyle,
  type APIActionRowComponent, type APIButtonComponentWithCustomId, type APILabelComponent, type APIModalInteractionResponseCallbackData,
  type APITextInputComponent, type ModalSubmitInteraction,
} from 'discord.js';
import type { FormDraftRepository, FormField, FormSpec } from '../../core/ports/chat-platform.js';
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
  /** The workspace, when a tap on an action opened the form: its steps may then come from a DM, which names no guild. */
  workspaceId?: string;
}

const prefix = 'amb:form';

export const customIdFor = (s: FormSession, step: number) => `${prefix}:${s.token}:${s.round}:${step}`;

export function parseCustomId(id: string): { token: string; round: number; step: number } | null {
  const m = /^amb:form:([\w-]+):(\d+):(\d+)$/.exec(id);
  return m ? { token: m[1]!, round: Number(m[2]), step: Number(m[3]) } : null;
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/**
 * Form sessions, kept in the database (the core's drafts) so any process can continue a form and a
 * restart loses nothing, with this process's copies in memory. When drafts are `shared` (PostgreSQL:
 * other processes may have moved a form on) a session is always read from the database; otherwise
 * memory is the truth and the database is read only on a miss (after a restart).
 */
export class FormSessions {
  private readonly byToken = new Map<string, FormSession>();
  /** person + form -> token: /apply again resumes what was typed. */
  private readonly byPerson = new Map<string, string>();
  private drafts: FormDraftRepository | undefined;

  constructor(
    readonly ttlMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps sessions in `drafts` from now on (the adapter passes the core's at start). */
  useDrafts(drafts: FormDraftRepository | undefined): void {
    this.drafts = drafts;
  }

  get size(): number {
    return this.byToken.size;
  }

  /**
   * Starts (or resumes, keeping what was typed) this person's session for this form. It is ready at
   * once, from memory: `saved` resolves when the database has it (await it after answering, so the
   * modal is not held up). Resuming by running the command again uses this process's memory.
   * `workspaceId`: given when a tap on an action opened it (see FormSession.workspaceId).
   */
  async open(userId: string, spec: FormSpec, workspaceId?: string): Promise<{ session: FormSession; saved: Promise<void> }> {
    const token = this.byPerson.get(`${userId}\u0000${spec.id}`);
    const existing = token === undefined ? undefined : this.memory(token, userId);
    const session: FormSession = existing ?? { token: randomBytes(6).toString('base64url'), userId, spec, values: {}, steps: [], round: 0, fixing: false, expiresAt: 0 };
    for (const f of spec.fields) if (f.value !== undefined && session.values[f.id] === undefined) session.values[f.id] = f.value;
    Object.assign(session, { spec, fixing: false, round: existing ? existing.round + 1 : 0, steps: chunk(spec.fields.map((f) => f.id), modalLimits.inputs) });
    if (workspaceId) session.workspaceId = workspaceId;
    return { session, saved: this.save(session) };
  }

  /**
   * The session a modal or button belongs to, if it is this person's and still alive. Shared drafts
   * are read from the database (another process may have moved the form on); one not there yet may
   * still be on its way from the process that opened it moments ago: looked for again, briefly.
   */
  async get(token: string, userId: string): Promise<FormSession | undefined> {
    let s = this.drafts?.shared ? undefined : this.memory(token, userId);
    for (let attempt = 0; !s && this.drafts && attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 100 * attempt));
      const row = await this.drafts.get(token, new Date(this.now()));
      s = row ? (row.data as FormSession) : this.drafts.shared ? this.memory(token, userId) : undefined;
      if (row && s) this.remember(s);
      if (!this.drafts.shared) break;
    }
    if (!s || s.userId !== userId) return undefined;
    if (s.expiresAt <= this.now()) {
      await this.finish(s);
      return undefined;
    }
    return s;
  }

  /** Stores what a step added (before its answer says "Saved"). */
  async update(s: FormSession): Promise<void> {
    await this.save(s, false);
  }

  /** A new round that asks only the fields with problems, in form order. */
  async retry(s: FormSession, fieldIds: string[]): Promise<FormSession> {
    const ids = s.spec.fields.map((f) => f.id).filter((id) => fieldIds.includes(id));
    Object.assign(s, { fixing: true, round: s.round + 1, steps: chunk(ids.length ? ids : s.spec.fields.map((f) => f.id), modalLimits.inputs) });
    await this.save(s);
    return s;
  }

  async finish(s: FormSession): Promise<void> {
    this.forget(s);
    await this.drafts?.remove(s.token);
  }

  /** Forgets expired sessions in memory (the adapter calls it every minute; the core prunes the database). */
  sweep(): void {
    const now = this.now();
    for (const s of [...this.byToken.values()]) if (s.expiresAt <= now) this.forget(s);
  }

  private memory(token: string, userId: string): FormSession | undefined {
    const s = this.byToken.get(token);
    if (!s || s.userId !== userId) return undefined;
    if (s.expiresAt <= this.now()) {
      this.forget(s);
      return undefined;
    }
    return s;
  }

  private forget(s: FormSession): void {
    this.byToken.delete(s.token);
    const key = `${s.userId}\u0000${s.spec.id}`;
    if (this.byPerson.get(key) === s.token) this.byPerson.delete(key);
  }

  private remember(s: FormSession): void {
    this.byToken.set(s.token, s);
    this.byPerson.set(`${s.userId}\u0000${s.spec.id}`, s.token);
  }

  private async save(s: FormSession, touch = true): Promise<void> {
    if (touch) s.expiresAt = this.now() + this.ttlMs;
    this.remember(s);
    await this.drafts?.put({ token: s.token, personKey: `discord:${s.userId}:${s.spec.id}`, data: s, expiresAt: new Date(s.expiresAt) });
  }
}

// Modals and buttons as the API's JSON, not discord.js builders: building them is on every /apply,
// and the shapes are checked by the tests against the Discord double (Label components, limits).
function input(field: FormField, value: string | undefined): APILabelComponent {
  const long = field.label.length > modalLimits.label;
  const max = Math.max(1, Math.min(field.maxLength, modalLimits.value));
  const text: APITextInputComponent = {
    type: ComponentType.TextInput,
    custom_id: field.id,
    style: field.kind === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short,
    required: field.required,
    max_length: max,
  };
  const min = Math.min(Math.max(0, field.minLength), max);
  if (min > 0) text.min_length = min;
  const placeholder = long ? field.label : field.placeholder;
  if (placeholder) text.placeholder = truncate(placeholder, modalLimits.placeholder);
  if (value) text.value = value.slice(0, max);
  return {
    type: ComponentType.Label,
    label: truncate(field.label, modalLimits.label),
    ...(long ? { description: truncate(field.label, modalLimits.description) } : {}),
    component: text,
  };
}

export function modalFor(s: FormSession, step: number): APIModalInteractionResponseCallbackData {
  const total = s.steps.length;
  const suffix = total > 1 ? ` (${step + 1}/${total})` : '';
  const title = `${truncate(s.fixing ? `Fix: ${s.spec.title}` : s.spec.title, modalLimits.title - suffix.length)}${suffix}`;
  const fields = (s.steps[step] ?? []).map((id) => s.spec.fields.find((f) => f.id === id)!).filter(Boolean);
  return { custom_id: customIdFor(s, step), title, components: fields.map((f) => input(f, s.values[f.id])) };
}

/** The button that opens step `step` of the current round ("Continue (2/3)", "Fix my answers"). */
export function stepButton(s: FormSession, step: number, label?: string): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const total = s.steps.length;
  const text = label ?? (step === 0 ? (total > 1 ? `Open the form (1/${total})` : 'Open the form') : `Continue (${step + 1}/${total})`);
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, custom_id: customIdFor(s, step), label: truncate(text, 80), style: ButtonStyle.Primary }],
  };
}

/** The text inputs of a submitted modal, by custom id (the form's field ids). */
export function submittedValues(i: ModalSubmitInteraction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, field] of i.fields.fields) {
    if ('value' in field && typeof field.value === 'string') out[id] = field.value;
  }
  return out;
}
