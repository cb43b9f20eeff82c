// Following a tracked link: where it leads (its update's share page, with the code so the view is
// attributed) and the click, counted unless a bot or the same visitor within the window.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { TrackedLinkRepository } from '@app/database';
import type { FastifyRequest } from 'fastify';
import { CONFIG } from '../common/tokens';
import { VisitorService } from './visitor.service';

/** The codes the engine makes (10 characters of its id alphabet); anything else names no link. */
const CODE = /^[0-9a-z]{4,16}$/;

@Injectable()
export class LinksService {
  private readonly logger = new Logger('TrackedLinks');

  constructor(
    private readonly links: TrackedLinkRepository,
    private readonly visitors: VisitorService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The path to redirect to (always this site's own share page), or null for an unknown code. */
  async follow(code: string, req: FastifyRequest): Promise<string | null> {
    const target = CODE.test(code) ? await this.links.findTarget(code) : null;
    if (!target) return null;
    const visitor = this.visitors.identify(req);
    if (visitor) {
      // A click that cannot be counted still takes the visitor where they were going.
      await this.links.recordClick(target.code, visitor, this.config.attribution.repeatWindowMs).catch((err: Error) => {
        this.logger.warn({ code: target.code, err: err.message }, 'click not counted');
      });
    }
    return `/s/${target.slug}?c=${target.code}`;
  }
}
