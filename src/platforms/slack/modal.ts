// The core's FormSpec as a Slack modal and back: plain_text_input per field (multiline for
// paragraphs), Slack's limits respected (title 24 characters, labels 2,000, inputs 3,000, 100 blocks),
// the form id and the channel it was opened from carried in private_metadata.
import { z } from 'zod';
import type { FormSpec } from '../../core/ports/chat-platform.js';
import { sections, type Block } from './blocks.js';
import { slackCommands, toMrkdwn, trimTo } from './mrkdwn.js';

export const formCallbackId = 'ambassador_form';
export const answerActionId = 'answer';

export const modalLimits = {
  title: 24,
  button: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  inputValue: 3000,
  blocks: 100,
  privateMetadata: 3000,
  blockId: 255,
} as const;

interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

const plain = (text: string, max: number): PlainText => ({ type: 'plain_text', text: trimTo(text.trim() || ' ', max), emoji: true });

export interface InputBlock {
  type: 'input';
  block_id: string;
  optional: boolean;
  label: PlainText;
  hint?: PlainText;
  element: {
    type: 'plain_text_input';
    action_id: string;
    multiline: boolean;
    min_length?: number;
    max_length: number;
    placeholder?: PlainText;
    initial_value?: string;
  };
}

export interface ModalView {
  type: 'modal';
  callback_id: string;
  private_metadata: string;
  title: PlainText;
  submit: PlainText;
  close: PlainText;
  blocks: Array<Block | InputBlock>;
}

const metadataSchema = z.object({ f: z.string().min(1), c: z.string().optional() });
export type FormMetadata = { formId: string; channelId?: string };

export function encodeMetadata(m: FormMetadata): string {
  const json = JSON.stringify({ f: m.formId, c: m.channelId });
  if (json.length > modalLimits.privateMetadata) throw new Error(`form id too long for private_metadata (${json.length} characters)`);
  return json;
}

export function decodeMetadata(raw: string | undefined): FormMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? { formId: parsed.data.f, channelId: parsed.data.c } : null;
  } catch {
    return null;
  }
}

export function formView(form: FormSpec, meta: FormMetadata, commandNames: readonly string[] = []): ModalView {
  const intro = form.intro.trim() ? sections(toMrkdwn(slackCommands(form.intro, commandNames))).slice(0, 3) : [];
  const room = modalLimits.blocks - intro.length;
  const inputs: InputBlock[] = form.fields.slice(0, room).map((f) => {
    const max = Math.max(1, Math.min(f.maxLength, modalLimits.inputValue));
    const min = Math.max(0, Math.min(f.minLength, max));
    const hint = f.maxLength > modalLimits.inputValue ? `Up to ${modalLimits.inputValue} characters here.` : min > 0 ? `${min} to ${max} characters.` : undefined;
    return {
      type: 'input',
      block_id: f.id.slice(0, modalLimits.blockId),
      optional: !f.required,
      label: plain(f.label, modalLimits.label),
      ...(hint ? { hint: plain(hint, modalLimits.hint) } : {}),
      element: {
        type: 'plain_text_input',
        action_id: answerActionId,
        multiline: f.kind === 'paragraph',
        ...(min > 0 ? { min_length: min } : {}),
        max_length: max,
        ...(f.placeholder ? { placeholder: plain(f.placeholder, modalLimits.placeholder) } : {}),
        ...(f.value ? { initial_value: f.value.slice(0, max) } : {}),
      },
    };
  });
  return {
    type: 'modal',
    callback_id: formCallbackId,
    private_metadata: encodeMetadata(meta),
    title: plain(form.title || 'Form', modalLimits.title),
    submit: plain(form.submitLabel ?? 'Submit', modalLimits.button),
    close: plain('Cancel', modalLimits.button),
    blocks: [...intro, ...inputs],
  };
}

/** Slack's view.state.values: block_id -> action_id -> element state. */
export type StateValues = Record<string, Record<string, { type?: string; value?: string | null }>>;

/** The submitted answers by field id (= block id); an untouched optional input arrives as null and reads as ''. */
export function readValues(values: StateValues | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values ?? {})) {
    const state = actions[answerActionId] ?? Object.values(actions)[0];
    out[blockId] = typeof state?.value === 'string' ? state.value : '';
  }
  return out;
}

/**
 * The core's field errors as Slack's `response_action: errors`. Errors must name input blocks of the
 * view, or Slack rejects the whole response: anything else is attached to the first input.
 */
export function inlineErrors(errors: Record<string, string>, view: { blocks?: unknown[] }): Record<string, string> {
  const inputIds = (view.blocks ?? [])
    .filter((b): b is { type: 'input'; block_id: string } => (b as { type?: string }).type === 'input' && typeof (b as { block_id?: unknown }).block_id === 'string')
    .map((b) => b.block_id);
  const out: Record<string, string> = {};
  const stray: string[] = [];
  for (const [id, message] of Object.entries(errors)) {
    if (inputIds.includes(id)) out[id] = trimTo(message, modalLimits.hint);
    else stray.push(message);
  }
  const first = inputIds[0];
  if (stray.length && first) out[first] = trimTo([out[first], ...stray].filter(Boolean).join(' '), modalLimits.hint);
  return out;
}
