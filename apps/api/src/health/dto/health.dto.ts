// The answer of GET /health: up or down per dependency, nothing more (the route is public).
import { ApiProperty } from '@nestjs/swagger';

export type DependencyState = 'up' | 'down';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database!: DependencyState;
  @ApiProperty({ enum: ['up', 'down'] }) temporal!: DependencyState;
}
