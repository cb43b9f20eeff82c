// The one JSON shape of every error the API answers with.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldError {
  @ApiProperty({ example: 'poll.options' })
  field!: string;

  @ApiProperty({ type: [String], example: ['poll.options must contain at least 2 elements'] })
  messages!: string[];
}

export class ErrorBody {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({ example: 'product p-8f3k2m9q1z is in SAMPLING; design review is accepted only in DESIGN' })
  message!: string;

  @ApiPropertyOptional({ example: 'WRONG_STAGE', description: 'Stable machine-readable code of a domain refusal.' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldError], description: 'Per-field problems of a request that failed validation.' })
  details?: FieldError[];
}
