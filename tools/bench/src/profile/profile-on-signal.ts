import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';

/**
 * Preloaded into the router by `bench:profile` (`node --import <this> main.js`): the first SIGUSR2
 * starts a profiler, the second stops it and writes the profile. So the profile covers the measured
 * load only, not boot or the warm-up (which `--cpu-prof` would include).
 *
 * - `BENCH_CPU_PROFILE=<file>`: V8's CPU profiler (a `.cpuprofile`).
 * - `BENCH_ALLOCATION_PROFILE=<file>`: V8's sampling heap profiler counting every allocation, also the
 *   objects the garbage collector has already freed (a `.heapprofile` of allocation, not retention).
 */
const cpuTarget = process.env['BENCH_CPU_PROFILE'];
const allocationTarget = process.env['BENCH_ALLOCATION_PROFILE'];

function done(target: string, error: Error | null, profile: unknown): void {
  if (error === null) writeFileSync(target, JSON.stringify(profile));
  process.stderr.write(error === null ? `bench: profile written to ${target}\n` : `bench: profiling failed: ${error.message}\n`);
}

if (cpuTarget !== undefined || allocationTarget !== undefined) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    running = !running;
    if (cpuTarget !== undefined) {
      if (running) session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
      else session.post('Profiler.stop', (error, result) => done(cpuTarget, error, result?.profile));
    } else if (allocationTarget !== undefined) {
      if (running) {
        session.post('HeapProfiler.enable', () =>
          session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }),
        );
      } else session.post('HeapProfiler.stopSampling', (error, result) => done(allocationTarget, error, result?.profile));
    }
  });
}
