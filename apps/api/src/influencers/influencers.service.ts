// Influencers: created by staff; products and influencer keys belong to one. Her contact details (email,
// preferred channel, a guarded webhook whose secret is sealed and shown once, language, time zone) are set by
// staff or by herself through her own key.
import { Injectable, Logger } from '@nestjs/common';
import { InfluencerRepository, isEntityId, isUniqueViolation, newId, type InfluencerEntity, type NewInfluencer } from '@app/database';
import { defaultContact, DomainError, DomainErrorCode, type ContactChange } from '@app/domain';
import { influencerContactWebhookSecretContext } from '@app/webhooks';
import { contactDto, ContactWebhooks, givenFields, type ContactColumns } from '../contacts/contact-webhooks';
import type { ContactDto, IssuedContactDto } from '../contacts/dto/contact.dto';
import type { CreateInfluencerDto, InfluencerDto, IssuedInfluencerDto } from './dto/influencer.dto';

function toInfluencerDto(e: InfluencerEntity): InfluencerDto {
  return { id: e.id, handle: e.handle, displayName: e.displayName, contact: contactDto(e), createdAt: e.createdAt.toISOString() };
}

/** Influencers may have no email (a staff member always has one). */
const CONTACT_RULES = { emailRequired: false } as const;

@Injectable()
export class InfluencersService {
  private readonly logger = new Logger('Influencers');

  constructor(
    private readonly influencers: InfluencerRepository,
    private readonly contacts: ContactWebhooks,
  ) {}

  async create(dto: CreateInfluencerDto): Promise<IssuedInfluencerDto> {
    const change: ContactChange = dto.contact ?? {};
    await this.contacts.checkUrl(change);
    const id = newId('inf');
    const row: NewInfluencer & ContactColumns = { id, handle: dto.handle, displayName: dto.displayName, ...defaultContact(null), webhookSecretSealed: null };
    const webhookSecret = this.contacts.apply(row, change, { ...CONTACT_RULES, secretContext: influencerContactWebhookSecretContext(id) });
    try {
      const entity = await this.influencers.insert(row);
      return { ...toInfluencerDto(entity), ...(webhookSecret ? { webhookSecret } : {}) };
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(DomainErrorCode.AlreadyExists, `an influencer with handle "${dto.handle}" already exists`);
      throw err;
    }
  }

  async list(): Promise<InfluencerDto[]> {
    return (await this.influencers.list()).map(toInfluencerDto);
  }

  async get(id: string): Promise<InfluencerDto> {
    return toInfluencerDto(await this.find(id));
  }

  async contact(id: string): Promise<ContactDto> {
    return contactDto(await this.find(id));
  }

  /** Changes her contact details (fields left out are kept); a new webhook URL comes with a new secret, returned once. */
  async changeContact(id: string, change: ContactChange): Promise<IssuedContactDto> {
    await this.contacts.checkUrl(change);
    let webhookSecret: string | undefined;
    const entity = isEntityId(id)
      ? await this.influencers.changeContactLocked(id, (influencer) => {
          webhookSecret = this.contacts.apply(influencer, change, { ...CONTACT_RULES, secretContext: influencerContactWebhookSecretContext(id) });
        })
      : null;
    if (!entity) throw noSuchInfluencer(id);
    this.logger.log({ influencerId: id, fields: givenFields(change) }, 'influencer contact changed');
    return { ...contactDto(entity), ...(webhookSecret ? { webhookSecret } : {}) };
  }

  private async find(id: string): Promise<InfluencerEntity> {
    const e = isEntityId(id) ? await this.influencers.findById(id) : null;
    if (!e) throw noSuchInfluencer(id);
    return e;
  }
}

function noSuchInfluencer(id: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `influencer ${id} does not exist`);
}
