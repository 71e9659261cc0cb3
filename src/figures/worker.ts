/** Worker-thread entry: evaluates SampleTasks posted by the pool in random-state-statistics.ts and posts the values back. */
import { parentPort } from 'node:worker_threads';
import { InternalError } from '../errors.js';
import { computeTask, type SampleTask } from './compute.js';

const port = parentPort;
if (!port) throw new InternalError('figures/worker.js must run in a worker thread');
port.on('message', (msg: { id: number; task: SampleTask }) => {
  try {
    const v = computeTask(msg.task);
    port.postMessage({ id: msg.id, Cl1: v.Cl1, W: v.W }, [v.Cl1.buffer as ArrayBuffer, v.W.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
