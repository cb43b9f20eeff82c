// The automatic screen as the API runs it: the shipped word lists plus the incubator's own terms (the
// moderation_terms table), and those terms' management. A refused poll is a 422 naming each refused field
// and why.

import { Injectable } from '@nestjs/common';
import { isEntityId, isUniqueViolation, ModerationTermRepository, newId, type ModerationTermEntity } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { ModerationScreen, normaliseTerm, ZH_CN_LIST_VERSION, type PollText } from '@app/moderation';
import { actorOf, type Principal } from '../auth/principal';
import { RequestValidationError } from '../common/validation';
import type { CreateModerationTermDto, ModerationListsDto, ModerationTermDto } from './dto/moderation-term.dto';

/** How long a process screens with the terms it last read: another API process's new term applies within this. */
const TERMS_TTL_MS = 5_000;

@Injectable()
export class ModerationService {
  private screen: { built: Promise<ModerationScreen>; at: number } | null = null;

  constructor(private readonly terms: ModerationTermRepository) {}

  /** Refuses (422, each refused field with its reasons) a poll whose question or options do not pass the screen. */
  async screenPoll(poll: PollText, prefix: string): Promise<void> {
    const refused = (await this.currentScreen()).screenPoll(poll, prefix);
    if (refused.length > 0) throw new RequestValidationError(refused.map((r) => ({ field: r.field, messages: r.reasons.map((reason) => `${r.field}: ${reason}`) })));
  }

  async addTerm(dto: CreateModerationTermDto, principal: Principal): Promise<ModerationTermDto> {
    const normalised = normaliseTerm(dto.term);
    if (!normalised) throw new RequestValidationError([{ field: 'term', messages: ['term must have a letter or digit'] }]);
    if (normalised.length > 100) throw new RequestValidationError([{ field: 'term', messages: ['term is longer than 100 characters once normalised'] }]);
    const row = await this.terms
      .insert({ id: newId('term'), term: dto.term.trim(), normalised, note: dto.note?.trim() || null, createdBy: actorOf(principal) })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw new DomainError(DomainErrorCode.AlreadyExists, `the term "${normalised}" is already refused`);
        throw err;
      });
    this.screen = null;
    return toDto(row);
  }

  async list(): Promise<ModerationListsDto> {
    return { zhCnListVersion: ZH_CN_LIST_VERSION, terms: (await this.terms.list()).map(toDto) };
  }

  async removeTerm(id: string): Promise<void> {
    if (!isEntityId(id) || !(await this.terms.delete(id))) throw new DomainError(DomainErrorCode.NotFound, `moderation term ${id} does not exist`);
    this.screen = null;
  }

  private currentScreen(): Promise<ModerationScreen> {
    if (!this.screen || Date.now() - this.screen.at > TERMS_TTL_MS) {
      const built = this.terms.list().then((rows) => new ModerationScreen(rows.map((r) => r.normalised)));
      // A failed read is not kept: the next poll reads again.
      built.catch(() => (this.screen = null));
      this.screen = { built, at: Date.now() };
    }
    return this.screen.built;
  }
}

function toDto(r: ModerationTermEntity): ModerationTermDto {
  return { id: r.id, term: r.term, normalised: r.normalised, ...(r.note ? { note: r.note } : {}), createdBy: r.createdBy, createdAt: r.createdAt.toISOString() };
}
