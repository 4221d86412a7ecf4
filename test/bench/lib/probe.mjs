// Loaded into a benchmarked process with `node --import` (the bot, or a floor client): answers the
// bench's requests over the IPC channel: `usage` with this process's CPU time (all threads) and
// RSS; `profile-start` / `profile-stop` (with a file) to record a V8 CPU profile of a stretch of work.
// It adds nothing else to the process and does not keep it alive.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

if (process.send) {
  let session;
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  process.on('message', async (m) => {
    if (m?.type === 'usage') {
      const u = process.cpuUsage();
      process.send({ type: 'usage', id: m.id, cpuMs: (u.user + u.system) / 1000, rssMb: process.memoryUsage.rss() / 1048576 });
    } else if (m?.type === 'profile-start') {
      session ??= new Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 250 });
      await post('Profiler.start');
      process.send({ type: 'usage', id: m.id, cpuMs: 0, rssMb: 0 });
    } else if (m?.type === 'profile-stop') {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      writeFileSync(m.file, JSON.stringify(profile));
      process.send({ type: 'usage', id: m.id, cpuMs: 0, rssMb: 0 });
    }
  });
  process.channel?.unref();
}
