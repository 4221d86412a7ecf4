// /mydata: what the program holds about the person asking, as counts (the reply) and as a complete
// machine-readable export (JSON, with CSV for the tabular parts). On a platform that can send files
// in a direct message the export goes there and nowhere else; otherwise (the console) it is written
// through the file sink and the reply gives its path. It never goes through the outbox, so personal
// data is not copied into the database on its way out.
import { stringify } from 'csv-stringify/sync';
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { userRefOf } from '../effects/people.js';
import type { Answer, Member } from '../model.js';
import { PlatformError, type OutboundMessage } from '../ports/chat-platform.js';
import { safeCell } from '../activity/export.js';
import type { PersonalRecords, Row } from './repository.js';

/** Columns never exported: who else acted (another person), and internal keys. */
export const withheld = {
  applications: ['decidedById', 'openKey'],
  activity: ['reviewedById'],
} as const;

export type RecordKind = Exclude<keyof PersonalRecords, 'member'>;

const omit = (r: Row, keys: readonly string[]): Row => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));

/** The export's JSON document: every kind of record, with program names for reading it. */
export function exportDocument(records: PersonalRecords, programs: ReadonlyMap<number, string>, at: Date): Record<string, unknown> {
  return {
    format: 'ambassador-personal-data/1',
    exportedAt: at.toISOString(),
    about: 'Everything this bot holds about you in this workspace. Other people\'s names and votes are not included.',
    programs: Object.fromEntries(programs),
    member: records.member,
    staff: records.staff,
    committee: records.committee,
    applications: records.applications.map((a) => omit(a, withheld.applications)),
    referrals: records.referrals,
    votes: records.votes,
    ambassadorTerms: records.ambassadorTerms,
    activity: records.activity.map((a) => omit(a, withheld.activity)),
    notices: records.notices,
    feedback: records.feedback,
    pulseInvites: records.pulseInvites,
    pulseAnswers: records.pulseAnswers,
  };
}

const cast = { date: (d: Date) => d.toISOString(), boolean: (b: boolean) => (b ? 'true' : 'false'), string: safeCell };

function csv(rows: Row[], columns: string[]): string {
  return stringify(rows, { header: true, columns, cast });
}

/** The tabular parts as CSV: applications (answers one per line) and activity. */
export function exportCsv(doc: ReturnType<typeof exportDocument>): Record<'applications' | 'activity', string> {
  const apps = (doc.applications as Row[]).map((a) => ({ ...a, answers: ((a.answers as Answer[]) ?? []).map((x) => `${x.prompt}: ${x.answer}`).join('\n') }));
  return {
    applications: csv(apps, ['ref', 'programId', 'status', 'submittedAt', 'decidedAt', 'decisionReason', 'decisionNote', 'answersErasedAt', 'answers']),
    activity: csv(doc.activity as Row[], ['id', 'programId', 'kindKey', 'amount', 'points', 'link', 'note', 'status', 'occurredAt', 'loggedAt', 'reviewedAt', 'reviewReason']),
  };
}

export interface Holding {
  kind: RecordKind;
  count: number;
}

export const holdings = (r: PersonalRecords): Holding[] =>
  (['applications', 'referrals', 'votes', 'ambassadorTerms', 'activity', 'committee', 'staff', 'notices', 'feedback', 'pulseInvites', 'pulseAnswers'] as const).map((kind) => ({ kind, count: r[kind].length }));

export type Delivery =
  | { kind: 'dm'; files: string[] }
  | { kind: 'files'; locations: string[] }
  | { kind: 'dm-closed' };

export interface MyDataOutcome {
  member: Member;
  holdings: Holding[];
  delivery: Delivery;
}

/** Gathers the records, sends the export, and records that an export happened (not what was in it). */
export async function myData(deps: CoreDeps, o: { member: Member }): Promise<MyDataOutcome> {
  const { member } = o;
  const now = deps.now();
  const records = await deps.store.people.recordsOf(member.id);
  const programs = new Map((await deps.store.programs.inWorkspace(member.platform, member.workspaceId)).map((p) => [p.id, p.name]));
  const doc = exportDocument(records, programs, now);
  const tables = exportCsv(doc);
  const stamp = now.toISOString().slice(0, 10);
  const files = [
    { name: `my-data-${stamp}.json`, text: `${JSON.stringify(doc, null, 2)}\n`, type: 'application/json' },
    { name: `my-data-applications-${stamp}.csv`, text: tables.applications, type: 'text/csv' },
    { name: `my-data-activity-${stamp}.csv`, text: tables.activity, type: 'text/csv' },
  ];
  const delivery = await deliver(deps, member, files);
  await deps.store.transaction((r) =>
    audit(r, { programId: null, actorId: member.id, action: 'person.data_exported', subject: { type: 'member', id: member.id } }, now),
  );
  return { member, holdings: holdings(records), delivery };
}

async function deliver(deps: CoreDeps, member: Member, files: Array<{ name: string; text: string; type: string }>): Promise<Delivery> {
  const platform = deps.platform(member.platform);
  if (platform?.capabilities.dmFiles) {
    const message: OutboundMessage = {
      title: 'Your data',
      text: 'Here is everything the ambassador program holds about you: the JSON file is complete; the CSV files hold the same applications and activity as tables.',
      attachments: files.map((f) => ({ name: f.name, data: new TextEncoder().encode(f.text), type: f.type })),
    };
    try {
      await platform.dm(userRefOf(member), message);
      return { kind: 'dm', files: files.map((f) => f.name) };
    } catch (err) {
      if (err instanceof PlatformError && (err.code === 'dm_closed' || err.code === 'user_gone')) return { kind: 'dm-closed' };
      throw err;
    }
  }
  const locations: string[] = [];
  for (const f of files) {
    const name = `${member.platform}-${member.id}-${f.name}`;
    locations.push((await deps.files.write(name, (async function* () { yield f.text; })())).location);
  }
  return { kind: 'files', locations };
}
