// The infrastructure the API is handed (configuration, PostgreSQL, Temporal) and the secret box built
// from it, provided once for every feature module, so connections are owned and closed by the caller.

import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { loadSecretsKey, SecretBox } from '@app/webhooks';
import type { Tracing } from '@app/tracing';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CONFIG, SECRET_BOX, TEMPORAL_CLIENT } from '../common/tokens';
import { ApiMetrics } from '../metrics/api-metrics';

export interface ApiInfrastructure {
  config: AppConfig;
  dataSource: DataSource;
  temporal: Client;
  /** Modules mounted beside the API's own (the benchmarks' bare endpoint). */
  extraModules?: Type[];
  /** This process's tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (startTracing); give `temporal` its client interceptor too. */
  tracing?: Tracing;
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(infra: ApiInfrastructure): DynamicModule {
    const providers = [
      { provide: CONFIG, useValue: infra.config },
      { provide: DataSource, useValue: infra.dataSource },
      { provide: TEMPORAL_CLIENT, useValue: infra.temporal },
      { provide: ApiMetrics, useFactory: () => new ApiMetrics(infra.dataSource) },
      { provide: SECRET_BOX, useFactory: () => new SecretBox(loadSecretsKey({ keyBase64: infra.config.secretsKey, dataDir: infra.config.dataDir })) },
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((p) => p.provide) };
  }
}
