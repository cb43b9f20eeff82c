// An API process for the benchmarks when they run several (API_PROCESSES > 1): the API plus the floor.
// With BENCH_PROFILE_DIR set (bench:votes -- --profile), SIGUSR2 starts a CPU profile of this process and
// the next SIGUSR2 writes it to that folder as api-<pid>-<n>.cpuprofile (written to a temporary name, then
// renamed, so a reader never sees half a file).
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { apiProcessConfig, serveApi } from '../apps/api/src/serve';
import { startCpuProfile } from './profile';
import { BenchFloorModule } from './floor.module';

const profileDir = process.env.BENCH_PROFILE_DIR;
if (profileDir) {
  let running: Promise<Awaited<ReturnType<typeof startCpuProfile>>> | null = null;
  let n = 0;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = startCpuProfile();
      return;
    }
    const profiler = running;
    running = null;
    const file = path.join(profileDir, `api-${process.pid}-${++n}.cpuprofile`);
    void profiler
      .then((p) => p.stop(`${file}.partial`))
      .then(() => fs.renameSync(`${file}.partial`, file))
      .catch((err: Error) => console.error(`CPU profile not written: ${err.message}`));
  });
}

apiProcessConfig()
  .then((config) => serveApi(config, [BenchFloorModule]))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
