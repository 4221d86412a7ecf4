// /export (staff): CSV files of ambassadors, applications (with decisions) and activity in a date
// range. Rows are read a page at a time (keyset pagination on id) and streamed through csv-stringify
// into a file, so a huge range never sits in memory. Replies are chat messages, so the reply names
// the files and their row counts; a file is written as .partial and renamed when complete, so a
// half-written export never looks finished.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { requireStaff } from './kinds.js';
import { endOfLocalDay, parseLocalDate } from './periods.js';
import type { DateRange, ExportPage } from './repository.js';
import { formatNumber } from '../text.js';

export const EXPORT_DIR = 'data/exports';
const PAGE = 1000;

export type ExportWhat = 'all' | 'ambassadors' | 'applications' | 'activity';
export interface ExportInput {
  from?: string;
  to?: string;
  what?: ExportWhat;
}

const columns = {
  ambassadors: ['name', 'platformUserId', 'status', 'since', 'removedAt', 'optedOut', 'points', 'activities'],
  applications: ['ref', 'applicant', 'referrer', 'status', 'submittedAt', 'decidedAt', 'decidedBy', 'decisionReason', 'decisionNote'],
  activity: ['id', 'member', 'kind', 'campaignId', 'amount', 'points', 'link', 'note', 'status', 'occurredAt', 'loggedAt', 'reviewedBy', 'reviewedAt', 'reviewReason'],
} as const;
type Section = keyof typeof columns;

/** Text a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' so it stays text. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

async function* pages<T>(page: ExportPage<T>, programId: number, range: DateRange, counter: { rows: number }): AsyncGenerator<T & { id: number }> {
  for (let after = 0; ; ) {
    const rows = await page(programId, range, after, PAGE);
    for (const row of rows) {
      counter.rows++;
      yield row;
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

async function writeCsv<T>(path: string, section: Section, source: AsyncGenerator<T>): Promise<void> {
  const csv = stringify({
    header: true, columns: [...columns[section]],
    cast: { date: (d) => d.toISOString(), boolean: (b) => (b ? 'true' : 'false'), string: safeCell },
  });
  const partial = `${path}.partial`;
  try {
    await pipeline(Readable.from(source), csv, createWriteStream(partial));
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'program';
}

export function exportRange(program: Program, input: ExportInput, now: Date): DateRange & { label: string } {
  const zone = program.timeZone;
  const from = input.from ? parseLocalDate(input.from, zone) : new Date(0);
  if (!from) return fail('invalid_input', `from: “${input.from}” is not a date; write YYYY-MM-DD, e.g. from:2026-01-01.`);
  const to = input.to ? parseLocalDate(input.to, zone, true) : endOfLocalDay(now, zone);
  if (!to) return fail('invalid_input', `to: “${input.to}” is not a date; write YYYY-MM-DD, e.g. to:2026-03-31.`);
  if (from.getTime() >= to.getTime()) fail('invalid_input', 'from must be before to (both days are included).');
  return { from, to, label: `${input.from ?? 'start'}_${input.to ?? 'today'}` };
}

export interface ExportResult {
  files: Array<{ section: Section; path: string; rows: number }>;
}

/** Writes the CSV files; `dir` defaults to ./data/exports under the working directory. */
export async function exportCsv(ctx: CommandContext, program: Program, input: ExportInput, dir = resolve(EXPORT_DIR)): Promise<ExportResult> {
  requireStaff(ctx, 'export data');
  const now = ctx.deps.now();
  const range = exportRange(program, input, now);
  const what = input.what ?? 'all';
  const sections: Section[] = what === 'all' ? ['ambassadors', 'applications', 'activity'] : [what];
  await mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const a = ctx.deps.store.activity;
  const source: Record<Section, ExportPage<object>> = { ambassadors: a.exportAmbassadors, applications: a.exportApplications, activity: a.exportActivity };
  const files: ExportResult['files'] = [];
  for (const section of sections) {
    const path = join(dir, `${slug(program.name)}-${section}-${range.label}-${stamp}.csv`);
    const counter = { rows: 0 };
    await writeCsv(path, section, pages(source[section], program.id, range, counter));
    files.push({ section, path, rows: counter.rows });
  }
  await ctx.deps.store.transaction((r) =>
    audit(r, {
      programId: program.id, actorId: ctx.member.id, action: 'data.exported', subject: { type: 'program', id: program.id },
      data: { from: range.from, to: range.to, files: files.map((f) => ({ section: f.section, rows: f.rows })) },
    }, now),
  );
  return { files };
}

export async function exportCommand(ctx: CommandContext, program: Program, input: ExportInput): Promise<Reply> {
  const { files } = await exportCsv(ctx, program, input);
  const range = `${input.from ?? 'the start'} to ${input.to ?? 'today'} (${program.timeZone})`;
  return say(files.map((f) => `• ${f.section}: ${formatNumber(f.rows)} row${f.rows === 1 ? '' : 's'} → ${f.path}`).join('\n'), {
    title: `Export — ${program.name}, ${range}`,
    footer: 'Ambassadors are all of them, with verified points in the range; applications by submission date; activity by date.',
  });
}
