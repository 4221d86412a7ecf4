// The console's input and output. A script (stdin not a terminal) is read line by line and each
// line is echoed after its prompt, so the output reads as a transcript. An interactive terminal
// gets node:readline with line editing, history (kept in a file when one is given) and Tab
// completion. Output that arrives on its own (a post, a DM, a scheduled job) is held while a line
// is being handled, so a reply comes before what it caused; while the person is typing it is
// printed above the prompt, and the prompt and what they typed are drawn again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Completer } from './complete.js';

export interface ConsoleIOOptions {
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  /** The terminal to draw on: line editing, history and completion. Without it, a script is read. */
  terminal?: { output: NodeJS.WritableStream; completer?: Completer; historyFile?: string };
}

export class ConsoleIO {
  private readonly rl: Interface;
  private readonly queued: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private ended = false;
  /** Output held while a line is being handled. */
  private held: string[] = [];
  /** A line is being handled (from the moment it is read until the next is asked for). */
  private busy = false;
  /** The terminal shows a prompt and the person may be typing. */
  private typing = false;

  constructor(private readonly o: ConsoleIOOptions) {
    const t = o.terminal;
    this.rl = t
      ? createInterface({ input: o.input, output: t.output, terminal: true, completer: t.completer, history: readHistory(t.historyFile), historySize: 500, removeHistoryDuplicates: true })
      : createInterface({ input: o.input, terminal: false });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(null);
    });
    if (t?.historyFile) this.rl.on('history', (h: string[]) => writeHistory(t.historyFile!, h));
    // Ctrl+C in the terminal ends the session like :quit (the terminal is in raw mode: no SIGINT).
    if (t) this.rl.on('SIGINT', () => this.rl.close());
  }

  get interactive(): boolean {
    return Boolean(this.o.terminal);
  }

  private deliver(line: string | null): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      this.typing = false;
      this.busy = line !== null;
      resolve(line);
    } else if (line !== null) this.queued.push(line);
  }

  /**
   * The next line, or null at the end of input. A script's line is echoed after `prompt` (blank
   * lines only when `echoBlank`); a terminal shows the prompt and lets the person type.
   */
  async next(prompt: string, o: { echoBlank?: boolean } = {}): Promise<string | null> {
    this.flush();
    this.busy = false;
    const line = this.queued.length ? this.queued.shift()! : this.ended ? null : await this.wait(prompt);
    this.busy = line !== null;
    if (line !== null && !this.interactive && (line.trim() || o.echoBlank)) this.o.write(`${prompt}${line.trim()}\n`);
    return line;
  }

  private wait(prompt: string): Promise<string | null> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      if (this.interactive) {
        this.typing = true;
        this.rl.setPrompt(prompt);
        this.rl.prompt();
      }
    });
  }

  /** A line in answer to what was just typed. */
  say(text: string): void {
    this.o.write(`${text}\n`);
  }

  /** Output that came on its own: held while a line is handled, else printed (above the prompt, which is drawn again). */
  emit(text: string): void {
    if (this.busy) {
      this.held.push(text);
      return;
    }
    if (!this.typing) {
      this.o.write(`${text}\n`);
      return;
    }
    const out = this.o.terminal!.output;
    clearLine(out, 0);
    cursorTo(out, 0);
    this.o.write(`${text}\n`);
    this.rl.prompt(true);
  }

  /** Prints what was held, in the order it came. */
  flush(): void {
    for (const text of this.held.splice(0)) this.o.write(`${text}\n`);
  }

  close(): void {
    this.busy = false;
    this.flush();
    this.rl.close();
  }
}

function readHistory(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse();
  } catch {
    return [];
  }
}

function writeHistory(file: string, history: string[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${[...history].reverse().join('\n')}\n`);
  } catch {
    // History is a convenience: a read-only disk must not stop the console.
  }
}
