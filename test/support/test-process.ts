// A TypeScript test script run as a real child process (node --import tsx), talking over IPC: the
// messages it sends are queued, `next()` takes them in order.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface TestProcess<M> {
  child: ChildProcess;
  next(): Promise<M>;
}

export function forkTestProcess<M>(script: URL, args: string[], env: Record<string, string>): TestProcess<M> {
  const child = fork(fileURLToPath(script), args, { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const queue: M[] = [];
  const waiting: Array<(m: M) => void> = [];
  child.on('message', (m: M) => (waiting.length ? waiting.shift()!(m) : queue.push(m)));
  return { child, next: () => new Promise<M>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve))) };
}
