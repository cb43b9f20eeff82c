// Influencers: created by staff; products and influencer keys belong to one.
import { Injectable } from '@nestjs/common';
import { InfluencerEntity, isUniqueViolation, newId } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { DataSource } from 'typeorm';
import type { CreateInfluencerDto, InfluencerDto } from './dto/influencer.dto';

export function toInfluencerDto(e: InfluencerEntity): InfluencerDto {
  return { id: e.id, handle: e.handle, displayName: e.displayName, createdAt: e.createdAt.toISOString() };
}

@Injectable()
export class InfluencersService {
  constructor(private readonly db: DataSource) {}

  async create(dto: CreateInfluencerDto): Promise<InfluencerDto> {
    const repo = this.db.getRepository(InfluencerEntity);
    const entity = repo.create({ id: newId('inf'), handle: dto.handle, displayName: dto.displayName });
    try {
      await repo.insert(entity);
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(DomainErrorCode.AlreadyExists, `an influencer with handle "${dto.handle}" already exists`);
      throw err;
    }
    return toInfluencerDto((await repo.findOneByOrFail({ id: entity.id })));
  }

  async list(): Promise<InfluencerDto[]> {
    return (await this.db.getRepository(InfluencerEntity).find({ order: { createdAt: 'ASC' } })).map(toInfluencerDto);
  }

  async get(id: string): Promise<InfluencerDto> {
    const e = await this.db.getRepository(InfluencerEntity).findOneBy({ id });
    if (!e) throw new DomainError(DomainErrorCode.NotFound, `influencer ${id} does not exist`);
    return toInfluencerDto(e);
  }
}
