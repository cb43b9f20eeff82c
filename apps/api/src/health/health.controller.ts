// GET /health: the real connection state of PostgreSQL and Temporal (503 when either is down). Public, so it
// says only up or down; why a dependency is down goes to the log, never to the caller.
import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@app/config';
import { pingDatabase } from '@app/database';
import { Client } from '@temporalio/client';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { HealthDto, type DependencyState } from './dto/health.dto';

const CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether PostgreSQL and Temporal answer (for load balancers and orchestrators; no API key).' })
  @ApiOkResponse({ type: HealthDto, description: 'PostgreSQL and Temporal both answer: {"status":"ok","database":"up","temporal":"up"}.' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'At least one dependency is down: {"status":"degraded","database":"down","temporal":"up"}.' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const [database, temporal] = await Promise.all([
      this.check('database', () => pingDatabase(this.db)),
      this.check('temporal', () => this.temporal.workflowService.describeNamespace({ namespace: this.config.temporal.namespace })),
    ]);
    const ok = database === 'up' && temporal === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }

  private async check(name: string, ping: () => Promise<unknown>): Promise<DependencyState> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        }),
      ]);
      return 'up';
    } catch (err) {
      this.logger.warn({ dependency: name, err: err instanceof Error ? err.message : String(err) }, `health check: ${name} is down`);
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
