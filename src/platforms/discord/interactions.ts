// Interactions in, core calls out. Every interaction is acknowledged before the core touches the
// database: with the answer itself when the core knows it from memory (/apply's modal, a form's
// obvious problems, the steps of a long form), otherwise with an ephemeral deferral, filled in when
// the core is done. So an acknowledgement never waits behind anyone's queries, however many people
// act at once. Replies to the person are ephemeral unless the core says the reply is public. A tap on
// a message's action runs the command it names, like a slash command, and is answered privately.
import {
  MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type CommandInteractionOption,
  type Interaction, type InteractionEditReplyOptions, type ModalSubmitInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { decodeAction, isAction } from '../../core/actions.js';
import type { ChannelRef, CommandInvocation, FormSpec, InboundSink, InboundWork, OutboundMessage, Reply, UserRef } from '../../core/ports/chat-platform.js';
import { modalFor, parseCustomId, stepButton, submittedValues, type FormSession, type FormSessions } from './modals.js';
import { encodable, noMentions, prebuilt, render, truncate } from './render.js';
import { userRef } from './users.js';
import type { DiscordReplyTo } from './late-reply.js';
import type { Acknowledgements, AckSlot } from './acks.js';

export interface InteractionDeps {
  sink: InboundSink;
  forms: FormSessions;
  log: Logger;
  acks: AckSlot;
  /** Our application id: another process finishing this interaction answers through its webhook. */
  applicationId: string;
}

type Answerable = ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction;

const expired = (d: InteractionDeps) =>
  `I no longer have this form: unfinished forms are kept for ${Math.round(d.forms.ttlMs / 60_000)} minutes. Please run the command again (for example /apply); sorry for the trouble.`;

/**
 * Claims the interaction for this process before anything is answered (every gateway session gets
 * it without sharding): false when another process has it, and then this one stays silent.
 */
async function claim(d: InteractionDeps, i: Interaction, work?: InboundWork): Promise<boolean> {
  if (!d.sink.claim) return true;
  let mine: boolean;
  try {
    mine = await d.sink.claim({ key: claimKey(i), work });
  } catch (err) {
    // The database can't be reached: answer anyway (another process may too) rather than not at all.
    d.log.warn({ err: String(err), interaction: i.id }, 'could not claim an interaction; answering it unclaimed');
    unclaimed.add(i);
    return true;
  }
  if (!mine) d.log.debug({ interaction: i.id }, 'another process has this interaction');
  return mine;
}

const claimKey = (i: Interaction) => `discord:interaction:${i.id}`;
/** Interactions answered without a claim (the database was unreachable): the core works on them unclaimed. */
const unclaimed = new WeakSet<Interaction>();
const heldKey = (i: Interaction) => (unclaimed.has(i) ? undefined : claimKey(i));
const replyTo = (d: InteractionDeps, i: Interaction, workspaceId: string): DiscordReplyTo => ({ applicationId: d.applicationId, token: i.token, workspaceId });

/** Where an interaction is answered from. */
interface Origin {
  /** The workspace it runs in: a reply's actions run there too. */
  workspaceId: string;
  /** A tap on an action (or a form one opened): its forms remember the workspace for DMs, its replies are private. */
  fromAction?: boolean;
}

/** One interaction, from its arrival: `acks` is the adapter's, shared by every interaction. */
export async function handleInteraction(deps: Omit<InteractionDeps, 'acks'> & { acks: Acknowledgements }, i: Interaction): Promise<void> {
  const slot = deps.acks.arrive();
  try {
    await route({ ...deps, acks: slot }, i);
  } finally {
    slot.close();
  }
}

async function route(d: InteractionDeps, i: Interaction): Promise<void> {
  if (i.isChatInputCommand()) return command(d, i);
  if (i.isModalSubmit()) return modalSubmitted(d, i);
  if (i.isButton()) return button(d, i);
  if (!(await claim(d, i))) return;
  if (i.isAutocomplete()) {
    d.log.info({ command: i.commandName }, 'autocomplete is not used by my commands; answered with no suggestions');
    return d.acks.send(i.respond([]));
  }
  d.log.warn({ type: i.type, id: i.id }, 'ignored an interaction of a kind I do not handle');
  if (i.isRepliable()) await d.acks.send(i.reply({ content: "I can't do anything with that here.", flags: MessageFlags.Ephemeral, allowedMentions: noMentions }));
}

/**
 * Who acts and where: the server, or in a DM the workspace an action or its form names (a DM has no
 * guild). Null for anything else from a DM: typed commands belong in the server.
 */
function where(i: Answerable, dmWorkspace?: string): { user: UserRef; channel: ChannelRef } | null {
  if (i.inGuild()) {
    return {
      user: userRef(i.guildId, i.user, i.member, i.memberPermissions),
      channel: { platform: 'discord', workspaceId: i.guildId, id: i.channelId ?? '' },
    };
  }
  if (!dmWorkspace) return null;
  return { user: userRef(dmWorkspace, i.user, null, null), channel: { platform: 'discord', workspaceId: dmWorkspace, id: i.channelId ?? '' } };
}

const notInGuild = (d: InteractionDeps, i: Answerable) =>
  d.acks.send(i.reply({ content: 'Please use my commands in the server, not in direct messages.', flags: MessageFlags.Ephemeral, allowedMentions: noMentions }));

/** Options flattened to the neutral names; users, channels and roles by id. */
export function flattenOptions(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of options) {
    if (o.options) Object.assign(out, flattenOptions(o.options));
    else if (o.value !== undefined) out[o.name] = o.value;
  }
  return out;
}

/** Display names of the people an invocation mentions, so the core can name them in replies. */
export function mentionedNames(options: readonly CommandInteractionOption[], out: Record<string, string> = {}): Record<string, string> {
  for (const o of options) {
    if (o.options) mentionedNames(o.options, out);
    else if (o.user) {
      const member = o.member && 'displayName' in o.member ? o.member.displayName : undefined;
      out[o.user.id] = member ?? o.user.globalName ?? o.user.username;
    }
  }
  return out;
}

export function commandPath(i: ChatInputCommandInteraction): string {
  return [i.commandName, i.options.getSubcommandGroup(false), i.options.getSubcommand(false)].filter(Boolean).join(' ');
}

async function command(d: InteractionDeps, i: ChatInputCommandInteraction): Promise<void> {
  const at = where(i);
  if (!at) return (await claim(d, i)) ? void (await notInGuild(d, i)) : undefined;
  const inv = { name: commandPath(i), options: flattenOptions(i.options.data), names: mentionedNames(i.options.data), ...at };
  // From memory (/apply's modal): nothing would be left for another process to finish.
  const known = d.sink.immediate?.(inv);
  if (!(await claim(d, i, known ? undefined : { kind: 'command', platform: 'discord', inv, replyTo: replyTo(d, i, at.channel.workspaceId) }))) return;
  const origin = { workspaceId: at.channel.workspaceId };
  if (known) return deliver(d, i, known, false, origin);
  await answerLater(d, i, () => d.sink.command(inv, heldKey(i)), origin);
}

async function modalSubmitted(d: InteractionDeps, i: ModalSubmitInteraction): Promise<void> {
  const ids = parseCustomId(i.customId);
  // Read before claiming (a read changes nothing): the claim of a last step carries the whole form.
  const session = ids ? await d.forms.get(ids.token, i.user.id) : undefined;
  // From a DM, the workspace is the one the tap that opened the form named.
  const at = where(i, session?.workspaceId);
  if (!at && (session || !ids)) return (await claim(d, i)) ? void (await notInGuild(d, i)) : undefined;
  const last = session !== undefined && ids !== null && ids.round === session.round && ids.step + 1 >= session.steps.length;
  if (session) Object.assign(session.values, submittedValues(i));
  const sub = session && at ? { formId: session.spec.id, values: { ...session.values }, ...at } : undefined;
  // The last step's problems, when memory can tell them; otherwise its claim carries the whole form.
  const known = last && sub ? d.sink.checkForm?.(sub) ?? null : null;
  if (!(await claim(d, i, last && sub && !known ? { kind: 'form', platform: 'discord', sub, replyTo: replyTo(d, i, sub.channel.workspaceId) } : undefined))) return;
  if (!ids || !session || !sub) {
    d.log.info({ customId: i.customId, user: i.user.id }, 'a modal arrived for a form I no longer have');
    return void (await d.acks.send(i.reply({ content: expired(d), flags: MessageFlags.Ephemeral, allowedMentions: noMentions })));
  }
  const total = session.steps.length;
  if (!last) {
    await d.forms.update(session); // "Saved" means saved: the next step may reach another process
    // An older modal (opened before /apply was run again): keep its answers, continue with the current one.
    const stale = ids.round !== session.round;
    const content = stale ? 'Saved what you typed. Continue here:' : `Saved step ${ids.step + 1} of ${total}: nothing is submitted until the last step. Continue when you're ready.`;
    const next = stale ? stepButton(session, 0, 'Continue') : stepButton(session, ids.step + 1);
    return void (await d.acks.send(i.reply({ content, components: [encodable(next)], flags: MessageFlags.Ephemeral, allowedMentions: noMentions })));
  }
  const origin = { workspaceId: sub.channel.workspaceId, fromAction: session.workspaceId !== undefined };
  if (known) return deliver(d, i, known, false, origin, session);
  await answerLater(d, i, () => d.sink.formSubmitted(sub, heldKey(i)), origin, session);
}

async function button(d: InteractionDeps, i: ButtonInteraction): Promise<void> {
  if (isAction(i.customId)) return tapped(d, i);
  if (!(await claim(d, i))) return;
  const ids = parseCustomId(i.customId);
  const session = ids ? await d.forms.get(ids.token, i.user.id) : undefined;
  if (!ids) {
    d.log.info({ customId: i.customId }, 'ignored a button I did not make');
    await d.acks.send(i.reply({ content: "That button doesn't do anything any more.", flags: MessageFlags.Ephemeral, allowedMentions: noMentions }));
  } else if (!session) {
    await d.acks.send(i.reply({ content: expired(d), flags: MessageFlags.Ephemeral, allowedMentions: noMentions }));
  } else {
    const step = ids.round === session.round ? Math.min(ids.step, session.steps.length - 1) : 0;
    await d.acks.send(i.showModal(encodable(modalFor(session, step))));
  }
}

/** A tap on a message's action: the command it names runs as the person who tapped, as if typed. */
async function tapped(d: InteractionDeps, i: ButtonInteraction): Promise<void> {
  const action = decodeAction(i.customId);
  const at = action && where(i, action.workspaceId);
  if (!action || !at) {
    if (!(await claim(d, i))) return;
    d.log.info({ customId: i.customId }, 'ignored an action I cannot read');
    return void (await d.acks.send(i.reply({ content: "That button doesn't do anything any more.", flags: MessageFlags.Ephemeral, allowedMentions: noMentions })));
  }
  // The options are text from the button; the core checks them and access as for a typed command.
  const inv: CommandInvocation = { name: action.command, options: action.options, ...at };
  const known = d.sink.immediate?.(inv);
  const workspaceId = at.channel.workspaceId;
  if (!(await claim(d, i, known ? undefined : { kind: 'command', platform: 'discord', inv, replyTo: replyTo(d, i, workspaceId) }))) return;
  const origin = { workspaceId, fromAction: true };
  if (known) return deliver(d, i, known, false, origin);
  await answerLater(d, i, () => d.sink.command(inv, heldKey(i)), origin);
}

/**
 * Acknowledges at once (an ephemeral deferral), then asks the core and fills the reply in. The
 * work waits until every acknowledgement sent before its own has arrived too: in a burst, everyone
 * is acknowledged before anyone's database work begins.
 */
async function answerLater(d: InteractionDeps, i: Answerable, ask: () => Promise<Reply>, origin: Origin, session?: FormSession): Promise<void> {
  await d.acks.send(i.deferReply({ flags: MessageFlags.Ephemeral }));
  await d.acks.sent();
  let reply: Reply;
  try {
    reply = await ask();
  } catch (err) {
    d.log.error({ err, interaction: i.id }, 'the core failed to answer an interaction');
    reply = { kind: 'message', private: true, message: { text: 'Something went wrong on my side. Please try again in a moment.' } };
  }
  await deliver(d, i, reply, true, origin, session);
}

function errorList(form: FormSpec | undefined, errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([id, problem]) => `• **${truncate(form?.fields.find((f) => f.id === id)?.label ?? id, 100)}**: ${problem}`)
    .join('\n');
}

async function deliver(d: InteractionDeps, i: Answerable, reply: Reply, deferred: boolean, origin: Origin, session?: FormSession): Promise<void> {
  const ephemeral = { flags: MessageFlags.Ephemeral as const };
  const send = async (raw: InteractionEditReplyOptions & { content?: string }, visible = false) => {
    const payload = prebuilt(raw);
    if (deferred) {
      if (!visible) return void (await i.editReply(payload));
      await i.editReply({ content: 'Done: posted in the channel.', allowedMentions: noMentions });
      return void (await i.followUp({ ...payload, allowedMentions: noMentions } as never));
    }
    await d.acks.send(i.reply({ ...payload, ...(visible ? {} : ephemeral), allowedMentions: noMentions } as never));
  };
  switch (reply.kind) {
    case 'taken':
      return; // another process finished this interaction and answers it
    case 'none':
      if (session) await d.forms.finish(session);
      return deferred ? void (await i.deleteReply()) : send({ content: 'Done.' });
    case 'message':
      if (session) await d.forms.finish(session);
      return send(render(reply.message, origin.workspaceId), !reply.private && !origin.fromAction);
    case 'form': {
      const { session: s, saved } = await d.forms.open(i.user.id, reply.form, origin.fromAction ? origin.workspaceId : undefined);
      if (!deferred && !i.isModalSubmit()) {
        await d.acks.send(i.showModal(encodable(modalFor(s, 0))));
        return saved; // stored while the person reads the form
      }
      await saved;
      // A modal must be the first answer; after a deferral (or to a modal) a button opens it.
      const intro: OutboundMessage = { title: reply.form.title, text: `${reply.form.intro}\n\nYour form is ready.` };
      return send({ ...render(intro), components: [stepButton(s, 0)] });
    }
    case 'form-errors': {
      const text = `${reply.message.text}\n\n${errorList(session?.spec, reply.errors)}`;
      const shown = render({ ...reply.message, text }, origin.workspaceId);
      if (!session) return send(shown);
      const s = await d.forms.retry(session, Object.keys(reply.errors));
      const label = s.steps.length > 1 ? `Fix my answers (1/${s.steps.length})` : 'Fix my answers';
      return send({ ...shown, components: [stepButton(s, 0, label), ...(shown.components ?? [])] });
    }
  }
}
