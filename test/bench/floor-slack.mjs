// The floor for the Slack figures: a bare Bolt app (HTTP receiver, request signing on) that
// acknowledges every slash command at once and does nothing else. Plain JavaScript, so nothing but
// Bolt runs. Environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, SLACK_PORT.
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/ambassador', async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.SLACK_PORT));
process.stderr.write('floor ready\n');
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
