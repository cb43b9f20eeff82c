// An API process for the benchmarks when they run several (API_PROCESSES > 1): the API plus the floor.
import 'reflect-metadata';
import { apiProcessConfig, serveApi } from '../apps/api/src/serve';
import { BenchFloorModule } from './floor.module';

apiProcessConfig()
  .then((config) => serveApi(config, [BenchFloorModule]))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
