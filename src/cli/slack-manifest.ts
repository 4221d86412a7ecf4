// Writes the Slack app manifest generated from commands/ to src/platforms/slack/manifest.json.
//   npm run slack:manifest                              rewrite the committed file
//   npm run slack:manifest -- --check                   exit 1 when the committed file is out of date
//   npm run slack:manifest -- --url https://bot.example.org   print one for your host (paste it at api.slack.com/apps)
//   npm run slack:manifest -- --socket                  print one for Socket Mode (SLACK_APP_TOKEN, no public URL)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allCommands } from '../../commands/index.js';
import { buildManifest, manifestJson } from '../platforms/slack/manifest.js';

export const manifestPath = fileURLToPath(new URL('../platforms/slack/manifest.json', import.meta.url));

function main(args: string[]): number {
  const urlAt = args.indexOf('--url');
  const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
  if (urlAt >= 0 && !(url && /^https:\/\/[^\s/]+/.test(url))) {
    process.stderr.write('--url needs the public https base URL of the bot, e.g. --url https://bot.example.org\n');
    return 2;
  }
  if (args.includes('--socket')) {
    const m = buildManifest(allCommands, url);
    m.settings.socket_mode_enabled = true;
    process.stdout.write(`${JSON.stringify(m, null, 2)}\n`);
    return 0;
  }
  if (url) {
    process.stdout.write(manifestJson(allCommands, url));
    return 0;
  }
  const wanted = manifestJson(allCommands);
  let current = '';
  try {
    current = readFileSync(manifestPath, 'utf8');
  } catch {
    // not written yet
  }
  if (args.includes('--check')) {
    if (current === wanted) return 0;
    process.stderr.write(`${manifestPath} is out of date: run npm run slack:manifest\n`);
    return 1;
  }
  if (current !== wanted) writeFileSync(manifestPath, wanted);
  process.stdout.write(`${current === wanted ? 'up to date' : 'wrote'} ${manifestPath}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
