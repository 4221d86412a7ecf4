// Missing and malformed options in plain words, on every platform: what is wrong and an example of
// what works. No validation library's phrasing reaches a person.
import type { z } from 'zod';
import type { Command, OptionSpec } from './define.js';

/** `given`: the options as typed, to tell a missing option from one with a value that doesn't fit. */
export function optionProblems(cmd: Command, issues: readonly z.core.$ZodIssue[], given: Readonly<Record<string, unknown>> = {}): string {
  const problems = issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `I don't know the option${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')} (/help command:"${cmd.name}" lists them)`;
    const name = String(i.path[0] ?? '');
    const spec = cmd.options[name];
    if (!spec) return `${name}: ${i.message}`;
    // zod doesn't report the input by default: "zero" for an integer is invalid_type too, but not
    // missing; and a missing choice is an invalid value. What was typed tells them apart.
    const value = given[name];
    const fix = `for example ${name}:${example(name, spec)}`;
    if (value === undefined) return `needs ${name}: — ${fix}`;
    if (typeof value === 'string' && !value.trim()) return `${name}: is empty — ${fix}`;
    return `${name}: ${plain(i, spec)} — ${fix}`;
  });
  return `/${cmd.name} ${problems.join('; ')}.`;
}

/** Our own messages are already plain (set in the option builders); anything else is reworded. */
function plain(issue: z.core.$ZodIssue, spec: OptionSpec): string {
  if (issue.code === 'custom' || /^must /.test(issue.message)) return issue.message;
  switch (spec.type) {
    case 'integer':
      return 'must be a whole number';
    case 'boolean':
      return 'must be true or false';
    case 'user':
      return 'must name a person, like @ada';
    case 'channel':
      return 'must name a channel, like #general';
    case 'role':
      return 'must name a role or group';
    default:
      return spec.choices ? `must be one of: ${spec.choices.join(', ')}` : 'has a value I can’t use';
  }
}

/** A value that would be accepted, to show rather than describe. */
export function example(name: string, spec: OptionSpec): string {
  if (spec.choices) return spec.choices[0]!;
  switch (spec.type) {
    case 'integer':
      return String(Math.max(spec.min ?? 1, Math.min(spec.max ?? 10, 10)));
    case 'boolean':
      return 'true';
    case 'user':
      return '@ada';
    case 'channel':
      return '#general';
    case 'role':
      return '@Ambassadors';
    default:
      return textExamples.find(([pattern]) => pattern.test(name))?.[1] ?? (spec.long || (spec.max ?? 0) > 40 ? '"a few words"' : `"${name.replace(/_/g, ' ')}"`);
  }
}

/** Text options whose shape matters: show one that works. */
const textExamples: Array<[RegExp, string]> = [
  [/^prompt$/, '"Why do you want to join?"'],
  [/^program$/, '"Campus Crew"'],
  [/^why$/, '"We love clean rivers"'],
  [/^objective$/, '"Raise $50,000 for clean water"'],
  [/^metric$/, 'dollars'],
  [/^title$/, '"Winter drive"'],
  [/^message$/, '"Share the link with two friends."'],
  [/^key$/, 'podcast'],
  [/^kind$/, 'funds'],
  [/^label$/, '"Podcast episode"'],
  [/link|url|^cta$/, 'https://example.org/post'],
  [/^(from|to)$/, '2026-01-31'],
  [/^(at|starts|ends)$/, '"2026-12-01 09:00"'],
  [/^every$/, '"every Monday 09:00"'],
  [/^time$/, '09:00'],
  [/timezone/, 'Europe/Paris'],
  [/^threshold$/, '2/3'],
  [/emoji/, '✅'],
  [/^ref$/, 'A7K3Q'],
  [/^order$/, '2,1,3'],
];
