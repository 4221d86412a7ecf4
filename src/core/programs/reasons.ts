// Staff keep the preset rejection reasons applicants are told. The built-in ones are what the rules
// and a full program say, so they can be reworded but not removed.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { builtInReasons } from '../applications/reasons.js';

export const reasonCode = (raw: string) => raw.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_');

export async function listReasons(ctx: CommandContext, program: Program): Promise<Reply> {
  const reasons = await ctx.deps.store.reasons.list(program.id);
  const line = (r: { code: string; label: string }) => `• ${r.code} — “${r.label}”${builtInReasons.has(r.code) ? ' (built in)' : ''}`;
  return say(reasons.map(line).join('\n') || 'No presets yet.', { title: `Rejection reasons — ${program.name}` });
}

export async function saveReason(ctx: CommandContext, program: Program, code: string, label: string): Promise<Reply> {
  const key = reasonCode(code);
  await ctx.deps.store.transaction(async (r) => {
    await r.reasons.upsert(program.id, key, label);
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'reason.saved', subject: { type: 'reason', id: key }, data: { label } }, ctx.deps.now());
  });
  return say(`Saved reason ${key}: “${label}”.`);
}

export async function removeReason(ctx: CommandContext, program: Program, code: string): Promise<Reply> {
  const key = reasonCode(code);
  if (builtInReasons.has(key)) {
    return say(`${key} is built in: the rules use it to tell applicants why, so it can't be removed. You can reword it with /program reasons add code:${key} label:"…".`);
  }
  const removed = await ctx.deps.store.transaction(async (r) => {
    const did = await r.reasons.remove(program.id, key);
    if (did) await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'reason.removed', subject: { type: 'reason', id: key } }, ctx.deps.now());
    return did;
  });
  return say(removed ? `Removed reason ${key}.` : `There is no reason ${key}; see /program reasons list.`);
}
