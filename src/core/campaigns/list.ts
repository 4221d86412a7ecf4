// /campaign list: what will be posted next, in the program's time zone (staff zones are not known
// to the platforms' events; a schedule in another zone also shows its own local time).
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import { channelName } from '../programs/card.js';
import type { Campaign, Schedule } from './model.js';
import { describeSchedule } from './render.js';
import { nextRunOf } from './schedule.js';
import { formatDate } from '../text.js';

const MAX_LINES = 25;

function when(at: Date, s: Schedule, zone: string): string {
  const own = s.timeZone !== zone ? ` (${formatDate(at, s.timeZone)})` : '';
  return `${formatDate(at, zone).replace(` ${zone}`, '')}${own}`;
}

const label = (c: Campaign) => `campaign ${c.id} “${c.title}”`;

export async function listCampaigns(deps: CoreDeps, program: Program, o: { all?: boolean } = {}): Promise<OutboundMessage> {
  const now = deps.now();
  const zone = program.timeZone;
  const campaigns = (await deps.store.campaigns.inProgram(program.id)).filter((c) => o.all || c.status !== 'cancelled');
  const upcoming: Array<{ at: Date; line: string }> = [];
  const paused: string[] = [];
  const idle: string[] = [];
  for (const c of campaigns) {
    const schedules = (await deps.store.campaigns.schedules(c.id)).filter((s) => !s.cancelledAt);
    let any = false;
    for (const s of schedules) {
      const [next] = nextRunOf(s, c, now);
      if (!next) continue;
      any = true;
      const where = c.channelIds.map(channelName).join(' ');
      if (c.status === 'paused' || s.paused) paused.push(`• ${label(c)}, ${describeSchedule(s)} — paused${c.status === 'paused' ? ' (whole campaign)' : ''}`);
      else upcoming.push({ at: next, line: `• ${when(next, s, zone)} — ${label(c)}, ${describeSchedule(s)} → ${where}` });
    }
    if (!any) {
      const why = c.status === 'cancelled' ? 'cancelled' : c.status === 'draft' ? 'draft, not scheduled yet' : c.endsAt && c.endsAt <= now ? 'ended' : 'nothing more scheduled';
      idle.push(`• ${label(c)} — ${why}`);
    }
  }
  if (campaigns.length === 0) {
    return { title: `Campaigns — ${program.name}`, text: 'No campaigns yet. Create one with /campaign create title:"…" message:"…".' };
  }
  upcoming.sort((a, b) => a.at.getTime() - b.at.getTime());
  const sections: string[] = [];
  if (upcoming.length) sections.push(`**Upcoming posts** (times in ${zone}):\n${clip(upcoming.map((u) => u.line))}`);
  else sections.push('**Upcoming posts:** none.');
  if (paused.length) sections.push(`**Paused:**\n${clip(paused)}`);
  if (idle.length) sections.push(`**Not posting:**\n${clip(idle)}`);
  return { title: `Campaigns — ${program.name}`, text: sections.join('\n\n'), footer: `Now: ${formatDate(now, zone)}` };
}

function clip(lines: string[]): string {
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `…and ${lines.length - MAX_LINES} more`].join('\n') : lines.join('\n');
}
