// /export (staff): CSV files of ambassadors, applications (with decisions) and activity in a date
// range. Rows are read a page at a time (keyset pagination on id) and handed to the file sink as
// CSV text page by page, so a huge range never sits in memory. Where the files go is the sink's
// business (src/core/ports/files.ts); the outcome names each file's location and row count.
import { stringify } from 'csv-stringify/sync';
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import { endOfLocalDay, parseLocalDate } from './periods.js';
import type { DateRange, ExportPage } from './repository.js';

const PAGE = 1000;

export type ExportWhat = 'all' | 'ambassadors' | 'applications' | 'activity';

/** Days as staff typed them (YYYY-MM-DD, in the program's time zone), both included. */
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
export type ExportSection = keyof typeof columns;

/** Text a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' so it stays text. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** The section's CSV text: the header, then one chunk per page of rows (counted as they pass). */
async function* csvChunks(section: ExportSection, page: ExportPage<object>, programId: number, range: DateRange, counter: { rows: number }): AsyncGenerator<string> {
  const options = {
    columns: [...columns[section]],
    cast: { date: (d: Date) => d.toISOString(), boolean: (b: boolean) => (b ? 'true' : 'false'), string: safeCell },
  };
  yield stringify([], { ...options, header: true });
  for (let after = 0; ; ) {
    const rows = await page(programId, range, after, PAGE);
    counter.rows += rows.length;
    if (rows.length) yield stringify(rows, { ...options, header: false });
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
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

export interface ExportOutcome {
  files: Array<{ section: ExportSection; location: string; rows: number }>;
}

/** Writes one CSV file per section through `deps.files`, then records the export in the audit trail. */
export async function exportData(deps: CoreDeps, o: ExportInput & { program: Program; actor: Actor }): Promise<ExportOutcome> {
  const { program } = o;
  const now = deps.now();
  const range = exportRange(program, o, now);
  const what = o.what ?? 'all';
  const sections: ExportSection[] = what === 'all' ? ['ambassadors', 'applications', 'activity'] : [what];
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const a = deps.store.activity;
  const source: Record<ExportSection, ExportPage<object>> = { ambassadors: a.exportAmbassadors, applications: a.exportApplications, activity: a.exportActivity };
  const files: ExportOutcome['files'] = [];
  for (const section of sections) {
    const counter = { rows: 0 };
    const name = `${slug(program.name)}-${section}-${range.label}-${stamp}.csv`;
    const { location } = await deps.files.write(name, csvChunks(section, source[section], program.id, range, counter));
    files.push({ section, location, rows: counter.rows });
  }
  await deps.store.transaction((r) =>
    audit(r, {
      programId: program.id, actorId: o.actor.member.id, action: 'data.exported', subject: { type: 'program', id: program.id },
      data: { from: range.from, to: range.to, files: files.map((f) => ({ section: f.section, rows: f.rows })) },
    }, now),
  );
  return { files };
}
