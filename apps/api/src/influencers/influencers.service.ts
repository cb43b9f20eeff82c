// Influencers: created by staff; products and influencer keys belong to one.
import { Injectable } from '@nestjs/common';
import { InfluencerRepository, isUniqueViolation, newId, type InfluencerEntity } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import type { CreateInfluencerDto, InfluencerDto } from './dto/influencer.dto';

function toInfluencerDto(e: InfluencerEntity): InfluencerDto {
  return { id: e.id, handle: e.handle, displayName: e.displayName, createdAt: e.createdAt.toISOString() };
}

@Injectable()
export class InfluencersService {
  constructor(private readonly influencers: InfluencerRepository) {}

  async create(dto: CreateInfluencerDto): Promise<InfluencerDto> {
    try {
      return toInfluencerDto(await this.influencers.insert({ id: newId('inf'), handle: dto.handle, displayName: dto.displayName }));
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(DomainErrorCode.AlreadyExists, `an influencer with handle "${dto.handle}" already exists`);
      throw err;
    }
  }

  async list(): Promise<InfluencerDto[]> {
    return (await this.influencers.list()).map(toInfluencerDto);
  }

  async get(id: string): Promise<InfluencerDto> {
    const e = await this.influencers.findById(id);
    if (!e) throw new DomainError(DomainErrorCode.NotFound, `influencer ${id} does not exist`);
    return toInfluencerDto(e);
  }
}
