// Bolt's and web-api's log lines into the app's pino logger (Bolt's chatty info goes to debug),
// with any token that slips into a line masked.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { scrubSecrets, type Logger } from '../../logger.js';

function line(parts: unknown[]): string {
  const text = parts
    .map((m) => {
      if (typeof m === 'string') return m;
      if (m instanceof Error) return m.message;
      try {
        return JSON.stringify(m);
      } catch {
        return String(m);
      }
    })
    .join(' ');
  return scrubSecrets(text);
}

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m) => log.debug(line(m)),
    info: (...m) => log.debug(line(m)),
    warn: (...m) => log.warn(line(m)),
    error: (...m) => log.error(line(m)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
