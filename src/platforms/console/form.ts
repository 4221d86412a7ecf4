// A form in the console: one question per line. Each answer is checked as it is typed (the same
// check the core runs on the whole form) and asked again at once with the reason. `:cancel`
// leaves the form and nothing is stored; other console controls and commands are refused with a
// hint instead of being taken as answers.
import { answerProblem } from '../../core/applications/form.js';
import type { FormField, FormSpec, Reply } from '../../core/ports/chat-platform.js';
import { formatNumber } from '../../core/text.js';
import { indent } from './render.js';
import type { ConsoleIO } from './io.js';

export interface FormHost {
  io: ConsoleIO;
  /** Console control names (:as, :in …), refused inside a form. */
  controls: readonly string[];
  /** Whether a line would run a command (refused inside a form). */
  isCommand(line: string): boolean;
  submit(values: Record<string, string>): Promise<Reply>;
}

/** "required · paragraph · 1–500 characters", "optional (Enter skips) · short · up to 40 characters". */
export function fieldFacts(f: FormField): string {
  const min = Math.max(f.minLength, f.required ? 1 : 0);
  const length = min > 0 ? `${formatNumber(min)}–${formatNumber(f.maxLength)} characters` : `up to ${formatNumber(f.maxLength)} characters`;
  return [f.required ? 'required' : 'optional (Enter skips)', f.kind === 'paragraph' ? 'paragraph (\\n for a new line)' : 'short', length].join(' · ');
}

type Answer = { value: string } | { cancelled: true } | { ended: true };

/** Asks until the answer fits, the person cancels, or input ends. */
async function ask(host: FormHost, field: FormField): Promise<Answer> {
  host.io.say(`(form) ${field.label} [${fieldFacts(field)}]`);
  for (;;) {
    const line = await host.io.next('> ', { echoBlank: true });
    if (line === null) return { ended: true };
    const text = line.trim();
    const control = /^:(\w+)/.exec(text)?.[1]?.toLowerCase();
    if (control === 'cancel') return { cancelled: true };
    if (control && host.controls.includes(control)) {
      host.io.say(`(form) :${control} can't be used inside a form. Answer the question, or type :cancel to leave the form (nothing is kept).`);
      continue;
    }
    if (text.startsWith('/') && host.isCommand(text)) {
      host.io.say('(form) Commands wait until the form is done. Answer the question, or type :cancel to leave the form (nothing is kept).');
      continue;
    }
    const value = line.replace(/\\n/g, '\n');
    const problem = answerProblem(field, value);
    if (!problem) return { value };
    host.io.say(`(form) ${problem} Please answer again (or :cancel).`);
  }
}

/** Fills in and submits the form; null when it was cancelled or input ended (nothing submitted). */
export async function fillForm(host: FormHost, form: FormSpec): Promise<Reply | null> {
  host.io.say(indent(`== ${form.title} ==\n${form.intro}\n\n${form.fields.length === 1 ? 'One question' : `${form.fields.length} questions`}, one per line. :cancel leaves the form; nothing is kept until the last answer.`, '(form) '));
  const values: Record<string, string> = {};
  let fields = form.fields;
  for (let round = 0; round < 3; round++) {
    for (const field of fields) {
      const answer = await ask(host, field);
      if ('ended' in answer) {
        host.io.say('(form) Input ended; nothing was submitted.');
        return null;
      }
      if ('cancelled' in answer) {
        host.io.say('(form) Cancelled: nothing was submitted or stored.');
        return null;
      }
      values[field.id] = answer.value;
    }
    const reply = await host.submit(values);
    if (reply.kind !== 'form-errors') return reply;
    // The core found problems the line-by-line check couldn't (the questions changed meanwhile…).
    for (const [id, problem] of Object.entries(reply.errors)) host.io.say(`(form) ${form.fields.find((f) => f.id === id)?.label ?? id}: ${problem}`);
    fields = form.fields.filter((f) => f.id in reply.errors);
  }
  host.io.say('(form) The form still has problems; nothing was submitted. Run the command again.');
  return null;
}
