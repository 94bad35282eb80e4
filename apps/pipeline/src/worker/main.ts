import { runProcess } from '@synoptic/service-kit';
import { loadWorkerConfig } from '../config.ts';
import { startQueue } from '../queue/queue.ts';

runProcess(async () => {
  const config = loadWorkerConfig();
  const queue = await startQueue(config.DATABASE_URL);
  console.log(JSON.stringify({ level: 30, service: 'pipeline-worker', msg: 'worker ready' }));
  return { stop: () => queue.stop({ graceful: true, wait: true }) };
});
