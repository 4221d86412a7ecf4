// A program on the console core with a person whose name and words are unmistakable, so a scan of
// every table (and of log output) can tell whether any of it is left.
import { readFileSync } from 'node:fs';
import type { Reply, UserRef } from '../../src/core/ports/chat-platform.js';
import { consoleUser, consoleWorkspace } from '../../src/platforms/console/people.js';
import { parseLine } from '../../src/platforms/console/parse.js';
import { allCommands } from '../../commands/index.js';
import type { TestCore } from '../support/core.js';

export const NAME = 'Zephyrine Quillfeather';
export const ANSWERS = ['I swim with the otters of Lake Wobbegong every dawn', 'Tarnowskie Gory'];
export const LINK = 'https://zephyrine.example/otter-cleanup';
export const NOTE = 'Hauled eleven tyres out with the otter club';

export const person = (id: string, name?: string): UserRef => consoleUser(id, name);

/** Runs a command line as this user (with their display name). */
export async function as(t: TestCore, user: UserRef, line: string): Promise<Reply> {
  const parsed = parseLine(line, allCommands);
  if (parsed.kind !== 'command') throw new Error(`not a command: ${line}`);
  const reply = await t.core.sink.command({ name: parsed.name, options: parsed.options, user, channel: { platform: 'console', workspaceId: consoleWorkspace, id: 'general' } });
  await t.core.dispatcher.drain();
  return reply;
}

export const textOf = (r: Reply) => (r.kind === 'message' ? [r.message.title, r.message.text, ...(r.message.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n') : `(${r.kind})`);

export async function applyAs(t: TestCore, user: UserRef, answers: string[]): Promise<string> {
  const form = await as(t, user, '/apply');
  if (form.kind !== 'form') throw new Error(`expected a form: ${textOf(form)}`);
  const values = Object.fromEntries(form.form.fields.map((f, i) => [f.id, answers[i] ?? '']));
  const reply = await t.core.sink.formSubmitted({ formId: form.form.id, values, user, channel: { platform: 'console', workspaceId: consoleWorkspace, id: 'general' } });
  await t.core.dispatcher.drain();
  const ref = /reference is \*\*(A\w{5})\*\*/.exec(textOf(reply))?.[1];
  if (!ref) throw new Error(`no reference: ${textOf(reply)}`);
  return ref;
}

/** The models and their fields, read from the schema itself (a new table or column is seen at once). */
export interface SchemaField { name: string; type: string; optional: boolean; relationFields: string[] }
export function schemaModels(): Map<string, SchemaField[]> {
  const text = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
  const models = new Map<string, SchemaField[]>();
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: SchemaField[] = [];
    for (const line of m[2]!.split('\n')) {
      const f = /^\s*(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!f || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
      const rel = /fields:\s*\[([^\]]*)\]/.exec(f[4] ?? '');
      fields.push({ name: f[1]!, type: f[2]! + (f[3] === '[]' ? '[]' : ''), optional: f[3] === '?', relationFields: rel ? rel[1]!.split(',').map((s) => s.trim()) : [] });
    }
    models.set(m[1]!, fields);
  }
  return models;
}

const scalarTypes = new Set(['String', 'Int', 'Boolean', 'DateTime', 'Json', 'Float', 'BigInt', 'Decimal', 'Bytes']);
export function columnsOf(models: Map<string, SchemaField[]>, model: string): string[] {
  const enums = new Set<string>();
  return models.get(model)!.filter((f) => scalarTypes.has(f.type) || (!models.has(f.type.replace('[]', '')) && !f.type.endsWith('[]') && !enums.has(f.type))).map((f) => f.name);
}

/** Every row of every table, as text: what a scan for a person's words reads. */
export async function everyTableText(t: TestCore): Promise<Record<string, string>> {
  const prisma = t.db.prisma as unknown as Record<string, { findMany(): Promise<unknown[]> }>;
  const out: Record<string, string> = {};
  for (const model of schemaModels().keys()) {
    const delegate = prisma[model[0]!.toLowerCase() + model.slice(1)]!;
    out[model] = JSON.stringify(await delegate.findMany());
  }
  return out;
}
