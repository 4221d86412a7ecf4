// Inactivity nudges (off by default): once a day at 10:00 in the program's time zone, each ambassador
// with no verified activity for the program's nudge window gets one kind DM with the current campaigns
// and how to log activity. One per quiet spell, across processes: the claim's period is the spell's
// start (their latest verified activity, or their start as an ambassador), so logging something and
// going quiet again earns a new one, never a repeat. An ambassador can turn them off (/nudges off).
import { audit } from '../audit.js';
import { claimThenPost } from '../claims.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import { earliestNextRun, previousRun } from '../campaigns/next-runs.js';
import { plural } from '../text.js';
import type { QuietAmbassador } from './repository.js';

export const NUDGE_CRON = '0 10 * * *';
const GRACE_MS = 12 * 3600_000;
/** At most this many nudges per program a day: a long-quiet program doesn't get a wall of DMs at once. */
const PER_DAY = 200;

const nudgedPrograms = async (deps: CoreDeps): Promise<Program[]> => {
  const ids = await deps.store.engagement.programsWithNudges();
  const programs = await Promise.all(ids.map((id) => deps.store.programs.byId(id)));
  return programs.filter((p): p is Program => Boolean(p?.nudgeAfterWeeks));
};

/** One tick: nudges whoever went quiet in programs whose daily nudge time has come; how many were queued. */
export async function runDueNudges(deps: CoreDeps, o: { claimedBy: string }): Promise<number> {
  const now = deps.now();
  let sent = 0;
  for (const program of await nudgedPrograms(deps)) {
    const due = previousRun(NUDGE_CRON, program.timeZone, now);
    if (!due || now.getTime() - due.getTime() > GRACE_MS) continue;
    try {
      const quiet = await deps.store.engagement.quiet({ programId: program.id, at: now, weeks: program.nudgeAfterWeeks!, limit: PER_DAY });
      for (const person of quiet) if ((await nudge(deps, program, person, now, o.claimedBy)) === 'posted') sent++;
    } catch (err) {
      deps.log.error({ err, program: program.id }, 'inactivity nudges failed');
    }
  }
  if (sent) deps.kick();
  return sent;
}

export async function nextNudgeRun(deps: CoreDeps, after: Date): Promise<Date | null> {
  return earliestNextRun((await nudgedPrograms(deps)).map((p) => ({ cron: NUDGE_CRON, zone: p.timeZone })), after);
}

async function nudge(deps: CoreDeps, program: Program, person: QuietAmbassador, now: Date, claimedBy: string) {
  const spell = (person.lastActiveAt ?? person.since).toISOString();
  const ref = { jobKey: `nudge:${program.id}:${person.memberId}`, period: spell, claimedBy };
  return claimThenPost(deps, { ref, late: false, now, skipReason: 'nothing to say' }, () => message(deps, program), async (r, msg) => {
    if (msg) await r.outbox.enqueue({ kind: 'dm', memberId: person.memberId, message: msg });
  });
}

async function message(deps: CoreDeps, program: Program): Promise<OutboundMessage> {
  const [campaigns, kinds] = await Promise.all([deps.store.campaigns.inProgram(program.id), deps.store.activity.kinds(program.id)]);
  const running = campaigns.filter((c) => c.status === 'active' && (!c.endsAt || c.endsAt > deps.now())).slice(0, 5);
  const lines = [
    `We haven't seen any activity from you in ${plural(program.nudgeAfterWeeks!, 'week')} — no pressure at all, life happens. If you'd like to jump back in, here is what's going on:`,
  ];
  if (running.length) lines.push('', ...running.map((c) => `• **${c.title}**${c.objectiveMetric && c.objectiveTarget ? ` (goal: ${c.objectiveTarget.toLocaleString('en-US')} ${c.objectiveMetric})` : ''}`));
  lines.push('', `Log what you do with /log kind:<kind> amount:<n>${kinds.length ? ` (kinds: ${kinds.slice(0, 6).map((k) => k.key).join(', ')})` : ''}.`, `Why we do this: ${program.why}`);
  return { title: `${program.name} misses you`, text: lines.join('\n'), footer: "Don't want these reminders? /nudges off", tone: 'info' };
}

/** Staff turn nudges on (after `weeks` quiet weeks) or off for the program. */
export async function setNudges(deps: CoreDeps, o: { program: Program; actor: Actor; afterWeeks?: number; off?: boolean }): Promise<Program> {
  if (o.off && o.afterWeeks !== undefined) fail('invalid_input', 'Either after_weeks: to turn nudges on, or off:true — not both.');
  if (!o.off && o.afterWeeks === undefined) fail('invalid_input', 'after_weeks: how many quiet weeks before a nudge, e.g. /program nudges after_weeks:4 (or off:true).');
  const weeks = o.off ? null : o.afterWeeks!;
  const program = await deps.store.transaction(async (r) => {
    const p = await r.programs.update(o.program.id, { nudgeAfterWeeks: weeks });
    await audit(r, { programId: p.id, actorId: o.actor.member.id, action: 'program.nudges', subject: { type: 'program', id: p.id }, data: { weeks } }, deps.now());
    return p;
  });
  await deps.forms.changed(program); // the in-memory copy of programs stays true
  return program;
}

/** An ambassador turns their own nudges off or back on. */
export async function setMyNudges(deps: CoreDeps, o: { program: Program; actor: Actor; off: boolean }): Promise<void> {
  if (!(await deps.store.engagement.setNudgesOff(o.program.id, o.actor.member.id, o.off))) {
    fail('invalid_input', `Nudges are for ambassadors of ${o.program.name}, and you aren't one at the moment.`);
  }
}
