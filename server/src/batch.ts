// Many files: worker threads across the cores. Results are stored by the task's position, so the
// output does not depend on which thread finished first.
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileOptions, type FileResult, type FileTask } from './checkFile';

/** Below this, starting workers (each loads the whole engine) costs more than it saves. */
const WORKER_THRESHOLD = 32;
/** Tasks handed to a worker ahead of its results, so it never waits for the main thread. */
const IN_FLIGHT = 4;

interface TaskMessage { index: number; task: FileTask }
interface ResultMessage { index: number; result: FileResult }

export type Progress = (done: number, total: number) => void;

/**
 * Checks every task; `workerScript` is the file that calls `runWorker()` when it is not the main
 * thread. `threads` overrides the automatic choice (1 = in this thread).
 */
export async function checkFiles(tasks: FileTask[], options: FileOptions, workerScript: string, progress: Progress, threads?: number): Promise<FileResult[]> {
  const count = threads ?? (tasks.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), Math.ceil(tasks.length / 8)) : 1);
  if (count <= 1) {
    return tasks.map((task, i) => {
      const result = checkFile(task, options);
      progress(i + 1, tasks.length);
      return result;
    });
  }
  const results: FileResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: count }, () => new Worker(workerScript, { workerData: options }));
  try {
    await Promise.all(workers.map(worker => new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next < tasks.length) {
          const message: TaskMessage = { index: next, task: tasks[next++] };
          worker.postMessage(message);
          return true;
        }
        return false;
      };
      let pending = 0;
      for (let k = 0; k < IN_FLIGHT && give(); k++) pending++;
      if (pending === 0) return resolve();
      worker.on('message', ({ index, result }: ResultMessage) => {
        results[index] = result;
        progress(++done, tasks.length);
        if (!give()) pending--;
        if (pending === 0) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', code => (pending > 0 ? reject(new Error(`检查线程意外退出（退出码 ${code}）`)) : resolve()));
    })));
  } finally {
    await Promise.all(workers.map(w => w.terminate()));
  }
  return results;
}

/** The worker side: check each task it is given with the options it was started with. */
export function runWorker(): void {
  const options = workerData as FileOptions;
  parentPort!.on('message', ({ index, task }: TaskMessage) => {
    const message: ResultMessage = { index, result: checkFile(task, options) };
    parentPort!.postMessage(message);
  });
}
