// The one logger. JSON lines when not in a terminal (production, CI), pretty in a terminal. In
// console mode the terminal is the conversation, so lines go to a file instead (createFileLogger).
// Secrets never reach a log line: known secret-bearing paths are redacted wherever they appear.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export const redactPaths = [
  'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'password', '*.password', 'config.discord.token', 'config.slack.botToken', 'config.slack.signingSecret', 'config.slack.appToken',
];

/** Masks credentials in free text (connection strings, tokens pasted into errors). */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(\/\/[^:/@\s]+:)[^@\s]*@/g, '$1***@')
    .replace(/\bxox[abposr]-[A-Za-z0-9-]+/g, 'xox*-***')
    .replace(/\bxapp-[A-Za-z0-9-]+/g, 'xapp-***')
    .replace(/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}\b/g, '***discord-token***');
}

function baseOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '***' },
    formatters: {
      log(obj) {
        const err = obj.err as { message?: string; stack?: string } | undefined;
        if (err && typeof err === 'object') {
          if (typeof err.message === 'string') err.message = scrubSecrets(err.message);
          if (typeof err.stack === 'string') err.stack = scrubSecrets(err.stack);
        }
        return obj;
      },
    },
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = baseOptions(level);
  if (destination) return pino(options, destination as never);
  if (process.stdout.isTTY && !process.env.CI) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: 2, translateTime: 'HH:MM:ss' } } });
  }
  // Logs go to stderr: stdout belongs to the console adapter's conversation.
  return pino(options, pino.destination(2));
}

/**
 * Every line to `path` (appended; the folder is created), and `onError(message)` for each error or
 * worse, so the console can say in the conversation that something failed and where to read more.
 */
export function createFileLogger(level: string, path: string, onError?: (message: string) => void): Logger {
  if (level === 'silent') return pino({ level });
  mkdirSync(dirname(path), { recursive: true });
  const streams: pino.StreamEntry[] = [{ level: level as pino.Level, stream: pino.destination({ dest: path, append: true, sync: true }) }];
  if (onError) {
    const notify = {
      write(line: string) {
        try {
          const { msg } = JSON.parse(line) as { msg?: unknown };
          onError(typeof msg === 'string' ? msg : 'an error');
        } catch {
          onError('an error');
        }
      },
    };
    streams.push({ level: 'error', stream: notify });
  }
  return pino(baseOptions(level), pino.multistream(streams));
}
