// Each workspace's programs with their application questions, in memory, so /apply can open its
// form (and a submitted form can be checked) before any database work: the platform's
// acknowledgement never waits behind someone else's queries.
//
// Kept fresh: the use cases that change a program or its questions call `changed()` once their
// transaction has committed; that drops the workspace here, reloads it in the background and tells
// the other processes sharing the database through the change feed (PostgreSQL LISTEN/NOTIFY,
// src/db/form-changes.ts). While the feed can't hear changes (connection lost) nothing is served
// from memory; when it hears again, everything is reloaded. A form opened from a copy that was a
// moment out of date is still caught when it comes back: its id carries the questions' signature,
// which submitForm compares with the database.
import type { Logger } from 'pino';
import type { Program, Question } from '../model.js';
import type { FormSpec } from '../ports/chat-platform.js';
import type { Repositories } from '../repositories.js';
import { applicationForm, encodeFormId, questionsSignature } from './form.js';

/** A workspace whose programs or questions changed. */
export interface FormChange {
  platform: string;
  workspaceId: string;
}

export interface FormChangeListener {
  /** Some process (perhaps this one) changed a workspace's programs or questions. */
  changed(change: FormChange): void;
  /** false: changes can't be heard from now on; true: they can again (anything missed meanwhile is unknown). */
  listening(up: boolean): void;
}

/** How the processes sharing one database tell each other about changes. */
export interface FormChangeFeed {
  publish(change: FormChange): Promise<void>;
  /** Calls `listening()` at once with the current state. */
  subscribe(listener: FormChangeListener): void;
  close(): Promise<void>;
}

export interface CachedProgram {
  program: Program;
  questions: Question[];
  signature: string;
  /** The form without a referrer (built once; a referrer only changes its id). */
  form: FormSpec;
}

interface Entry {
  programs: CachedProgram[];
  loadedAt: number;
}

export interface FormCacheOptions {
  store: Pick<Repositories, 'programs' | 'questions'>;
  log: Logger;
  /** Absent: one process owns the database (SQLite), nothing to hear from others. */
  feed?: FormChangeFeed;
  /** A copy older than this is reloaded in the background (a backstop for a lost notification). Default 10 minutes. */
  maxAgeMs?: number;
  now?: () => number;
}

const keyOf = (platform: string, workspaceId: string) => `${platform}\u0000${workspaceId}`;

export class FormCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new Map<string, { version: number; done: Promise<void> }>();
  private readonly versions = new Map<string, number>();
  private readonly byProgram = new Map<number, string>();
  private trusted: boolean;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly o: FormCacheOptions) {
    this.trusted = !o.feed;
    this.maxAgeMs = o.maxAgeMs ?? 10 * 60_000;
    this.now = o.now ?? Date.now;
    o.feed?.subscribe({
      changed: (c) => void this.forget(keyOf(c.platform, c.workspaceId)),
      listening: (up) => {
        if (up === this.trusted) return;
        this.trusted = up;
        if (!up) o.log.warn('form changes from other processes cannot be heard: /apply reads its form from the database until they can');
        for (const key of [...this.entries.keys()]) void this.forget(key);
      },
    });
  }

  /** The workspace's programs from memory, or undefined (a load starts in the background). */
  workspace(platform: string, workspaceId: string): readonly CachedProgram[] | undefined {
    if (!this.trusted) return undefined;
    const key = keyOf(platform, workspaceId);
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.loadedAt > this.maxAgeMs) void this.load(key, platform, workspaceId);
    return entry?.programs;
  }

  /** One program from memory, if its workspace is loaded. */
  program(programId: number): CachedProgram | undefined {
    if (!this.trusted) return undefined;
    const key = this.byProgram.get(programId);
    return key === undefined ? undefined : this.entries.get(key)?.programs.find((p) => p.program.id === programId);
  }

  /** The application form from memory, with this referrer. */
  static formWith(cached: CachedProgram, referrerUserId: string | null): FormSpec {
    return referrerUserId ? { ...cached.form, id: encodeFormId({ programId: cached.program.id, signature: cached.signature, referrerUserId }) } : cached.form;
  }

  /** Loads these workspaces (e.g. the servers a bot is in, once connected). */
  async warm(platform: string, workspaceIds: readonly string[]): Promise<void> {
    for (const id of workspaceIds) await this.load(keyOf(platform, id), platform, id);
  }

  /**
   * A use case changed a program or its questions, and its transaction has committed: tell the
   * other processes, and forget the workspace here. Resolves once it is loaded again (when it was
   * in memory), so whoever made the change sees it in the next /apply. Never throws.
   */
  async changed(program: Pick<Program, 'platform' | 'workspaceId'>): Promise<void> {
    this.o.feed?.publish({ platform: program.platform, workspaceId: program.workspaceId })
      .catch((err: unknown) => this.o.log.warn({ err }, 'could not tell other processes that a form changed; they reload it within minutes'));
    await this.forget(keyOf(program.platform, program.workspaceId));
  }

  /** Forgets everything (e.g. a test that wants the path without memory). Loads again on use. */
  clear(): void {
    for (const key of [...this.entries.keys()]) this.bump(key);
    this.entries.clear();
    this.byProgram.clear();
  }

  private bump(key: string): number {
    const v = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, v);
    return v;
  }

  /** Drops a workspace; reloads it when it was in memory (or on its way), since it is in use. */
  private forget(key: string): Promise<void> {
    const had = this.entries.get(key) ?? this.loads.get(key);
    this.bump(key);
    const entry = this.entries.get(key);
    this.entries.delete(key);
    for (const p of entry?.programs ?? []) this.byProgram.delete(p.program.id);
    if (!had || !this.trusted) return Promise.resolve();
    const [platform, workspaceId] = key.split('\u0000') as [string, string];
    return this.load(key, platform, workspaceId);
  }

  private load(key: string, platform: string, workspaceId: string): Promise<void> {
    const version = this.versions.get(key) ?? 0;
    const running = this.loads.get(key);
    if (running?.version === version) return running.done;
    const done = (async () => {
      const programs = await this.o.store.programs.inWorkspace(platform, workspaceId);
      const loaded: CachedProgram[] = [];
      for (const program of programs) {
        const questions = await this.o.store.questions.list(program.id);
        const form = applicationForm(program, questions, null);
        loaded.push({ program, questions, signature: questionsSignature(questions), form });
      }
      // A change heard while loading makes this copy suspect: a newer load is on its way.
      if ((this.versions.get(key) ?? 0) !== version || !this.trusted) return;
      this.entries.set(key, { programs: loaded, loadedAt: this.now() });
      for (const p of loaded) this.byProgram.set(p.program.id, key);
    })()
      .catch((err: unknown) => this.o.log.warn({ err, platform, workspaceId }, 'could not load the application forms into memory; /apply reads them from the database'))
      .finally(() => {
        if (this.loads.get(key)?.done === done) this.loads.delete(key);
      });
    this.loads.set(key, { version, done });
    return done;
  }
}
