// The benchmarks' floor: a bare endpoint on the same HTTP stack (Nest on Fastify, the same global guard,
// pipes, filter and JSON body parsing) that does nothing, to compare the real endpoints against.
import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { Public } from '../apps/api/src/auth/decorators';

@Controller('bench')
export class BenchFloorController {
  @Public()
  @Post('floor')
  @HttpCode(202)
  floor(): { result: string } {
    return { result: 'counted' };
  }
}

@Module({ controllers: [BenchFloorController] })
export class BenchFloorModule {}
