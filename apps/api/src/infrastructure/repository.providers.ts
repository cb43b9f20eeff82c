// Nest providers for the typed repositories of libs/database: each built from the one DataSource the
// InfrastructureModule provides, so feature modules list the repositories they use and nothing else.
import type { FactoryProvider } from '@nestjs/common';
import { DataSource } from 'typeorm';

type RepositoryClass = new (db: DataSource) => object;

export function repositoryProviders(...repositories: RepositoryClass[]): FactoryProvider[] {
  return repositories.map((repository) => ({ provide: repository, useFactory: (db: DataSource) => new repository(db), inject: [DataSource] }));
}
