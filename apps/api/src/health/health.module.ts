// GET /health: the real connection state of PostgreSQL and Temporal, from the infrastructure module.
import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController] })
export class HealthModule {}
