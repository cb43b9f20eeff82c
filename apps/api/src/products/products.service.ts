// Products: creation (row + workflow start), reads from the PostgreSQL read model, and actions sent to
// the product's workflow as Temporal Updates.

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  InfluencerRepository,
  isEntityId,
  isUniqueViolation,
  newId,
  ProductRepository,
  ProductVariantRepository,
  ShopRepository,
  TimelineEventRepository,
  type ProductEntity,
} from '@app/database';
import {
  createProductState,
  DomainError,
  DomainErrorCode,
  editPollOptions,
  InfluencerIdKey,
  PRODUCT_WORKFLOW_TYPE,
  productWorkflowId,
  ProductStageKey,
  toView,
  TRACED_MEMO_KEY,
  type ActionRequest,
  type ActionResult,
  type PollOption,
  type ProductView,
  type ProductWorkflowInput,
  type ProductLifecycleWorkflow,
} from '@app/domain';
import { Client, WorkflowIdReusePolicy, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { actorOf, type Principal } from '../auth/principal';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { executeUpdateRetrying } from '../common/update-retry';
import { ModerationService } from '../moderation/moderation.service';
import type { EditPollOptionsDto } from './dto/actions.dto';
import type { CreateProductDto, PollOptionInputDto } from './dto/create-product.dto';
import { TIMELINE_PAGE_DEFAULT, type ListProductsQueryDto, type ProductDto, type ProductPageDto, type ProductSummaryDto, type TimelineDto } from './dto/product.dto';
import type { ProductRef } from './product-access.guard';
import { productSalesInput } from './product-sales-input';
import { dueOf, type Due } from './due';

/** How long an action's answer waits for a read-model write retried past its workflow task. */
const READ_MODEL_WAIT_MS = 5_000;

@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductRepository,
    private readonly influencers: InfluencerRepository,
    private readonly timelineEvents: TimelineEventRepository,
    private readonly shops: ShopRepository,
    private readonly variantRows: ProductVariantRepository,
    private readonly moderation: ModerationService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateProductDto, principal: Principal): Promise<ProductDto> {
    const now = Date.now();
    const influencer = await this.influencers.findById(dto.influencerId);
    if (!influencer) throw new DomainError(DomainErrorCode.InvalidValue, `influencer ${dto.influencerId} does not exist`);

    const options = pollOptions(dto.poll.options);
    const closesAt = this.closingTime(dto, now);
    // The influencer approves the options before the poll opens unless staff say she need not; the screen runs either way.
    const approval = dto.pollApproval ?? 'influencer';
    if (approval === 'influencer' && dto.poll.durationMinutes === undefined) {
      throw new DomainError(DomainErrorCode.InvalidValue, "a poll the influencer approves takes durationMinutes, counted from her approval; closesAt is for pollApproval 'none'");
    }
    await this.moderation.screenPoll({ question: dto.poll.question, options }, 'poll.');
    const { variants, rules } = productSalesInput(dto, this.config);
    if (dto.shopId && !(await this.shops.findById(dto.shopId))) throw new DomainError(DomainErrorCode.InvalidValue, `shop ${dto.shopId} does not exist`);
    const taken = await this.variantRows.takenSkus(variants.flatMap((v) => (v.sku ? [v.sku] : [])));
    if (taken.length > 0) throw new DomainError(DomainErrorCode.AlreadyExists, `SKU ${taken.join(', ')} is already taken by another product's variant`);

    const productId = newId('p');
    const workflowId = productWorkflowId(productId);
    const input: ProductWorkflowInput = {
      productId,
      influencerId: influencer.id,
      name: dto.name,
      targetKeyword: dto.targetKeyword,
      poll: { question: dto.poll.question, options, closesAt, minVotes: dto.poll.minVotes },
      rules,
      createdBy: actorOf(principal),
      createdAt: new Date(now).toISOString(),
      variants,
      ...(dto.shopId ? { shopId: dto.shopId } : {}),
      ...(approval === 'influencer' ? { pollApproval: { durationMs: dto.poll.durationMinutes! * 60_000 } } : {}),
    };
    const initial = toView(createProductState(input, now).state);

    // The row first, so the product is readable (and votes can reference it) the moment it exists;
    // if the workflow cannot be started the row is removed again and the caller gets 503.
    const row = {
      id: productId,
      influencerId: influencer.id,
      name: dto.name,
      targetKeyword: dto.targetKeyword,
      stage: 'POLL' as const,
      pendingAction: initial.pendingAction,
      snapshot: initial,
      seq: 0,
      workflowId,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
    const poll = { productId, question: dto.poll.question, options, closesAt: new Date(closesAt), minVotes: dto.poll.minVotes, status: initial.poll.status, result: null, seq: 0 };
    await this.products.insertWithPoll(row, poll, variants).catch((err: unknown) => {
      // Another product took one of the SKUs since the check above.
      if (isUniqueViolation(err)) throw new DomainError(DomainErrorCode.AlreadyExists, `one of the SKUs ${variants.flatMap((v) => v.sku ?? []).join(', ')} is already taken by another product's variant`);
      throw err;
    });
    try {
      await this.temporal.workflow.start<ProductLifecycleWorkflow>(PRODUCT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        // Traced for its whole run when started with tracing on (see TRACED_MEMO_KEY).
        ...(this.config.tracing.endpoint ? { memo: { [TRACED_MEMO_KEY]: true } } : {}),
        typedSearchAttributes: [
          { key: ProductStageKey, value: 'POLL' },
          { key: InfluencerIdKey, value: influencer.id },
        ],
      });
    } catch (err) {
      await this.products.delete(productId).catch(() => undefined);
      throw err;
    }
    return this.toProductDto(initial, workflowId);
  }

  /**
   * Staff replace a draft poll's question and options: screened again (422 naming each refused field), then
   * sent to the workflow, which accepts them only while the poll waits for the influencer's approval.
   */
  async editPollOptions(ref: ProductRef, dto: EditPollOptionsDto, principal: Principal): Promise<ProductDto> {
    const options = pollOptions(dto.options);
    await this.moderation.screenPoll({ question: dto.question, options }, '');
    return this.act(ref, editPollOptions, { options, ...(dto.question !== undefined ? { question: dto.question } : {}) }, principal);
  }

  private closingTime(dto: CreateProductDto, now: number): string {
    const { closesAt, durationMinutes } = dto.poll;
    if ((closesAt === undefined) === (durationMinutes === undefined)) {
      throw new DomainError(DomainErrorCode.InvalidValue, 'give the poll either closesAt or durationMinutes (exactly one)');
    }
    if (durationMinutes !== undefined) return new Date(now + durationMinutes * 60_000).toISOString();
    const at = Date.parse(closesAt!);
    if (at <= now) throw new DomainError(DomainErrorCode.InvalidValue, `poll.closesAt ${closesAt} is not in the future`);
    return new Date(at).toISOString();
  }

  async list(query: ListProductsQueryDto, principal: Principal): Promise<ProductPageDto> {
    const limit = query.limit ?? 20;
    const influencerId = principal.role === 'influencer' ? principal.influencerId : query.influencerId;
    const { rows, createdAtExact } = await this.products.page({
      limit,
      ...(influencerId ? { influencerId } : {}),
      ...(query.stage ? { stage: query.stage } : {}),
      ...(query.cursor ? { before: decodeCursor(query.cursor) } : {}),
    });
    const page = rows.slice(0, limit);
    const last = page.length > 0 ? page[page.length - 1] : undefined;
    return {
      items: page.map((r) => this.toSummary(r)),
      nextCursor: rows.length > limit && last ? encodeCursor(createdAtExact[page.length - 1], last.id) : null,
    };
  }

  async get(ref: ProductRef): Promise<ProductDto> {
    const row = await this.products.findById(ref.id);
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} does not exist`);
    return this.toProductDto(row.snapshot!, row.workflowId, row);
  }

  async timeline(ref: ProductRef, afterSeq = 0, limit = TIMELINE_PAGE_DEFAULT): Promise<TimelineDto> {
    // One more than asked for says whether there is a next page.
    const rows = await this.timelineEvents.listAfter(ref.id, afterSeq, limit + 1);
    const page = rows.slice(0, limit);
    return {
      productId: ref.id,
      events: page.map((r) => ({ seq: r.seq, type: r.type, stage: r.stage, actor: r.actor, at: r.occurredAt.toISOString(), data: r.data })),
      nextAfterSeq: rows.length > limit ? page[page.length - 1].seq : null,
    };
  }

  /**
   * Sends one action to the product's workflow (its current run: the handle has no run id, so a run that
   * continued as new is found too); the validator there refuses wrong actions synchronously. The workflow
   * answers with { stage, seq } once the action is in the read model, so the answer is the product as
   * PostgreSQL has it. Runs started before that answer with the whole view, used if the row is behind it.
   * An update the server refused because the workflow's task failed is sent again (update-retry.ts).
   */
  async act<I>(ref: ProductRef, update: UpdateDefinition<ActionResult, [ActionRequest<I>]>, input: I, principal: Principal): Promise<ProductDto> {
    const handle = this.temporal.workflow.getHandle(ref.workflowId);
    try {
      const result = await executeUpdateRetrying(handle, update, [{ actor: actorOf(principal), input }]);
      if (isWholeView(result)) return this.toProductDto(result, ref.workflowId);
      const row = await this.readModelAt(ref.id, result.seq);
      if (row?.snapshot) return this.toProductDto(row.snapshot, row.workflowId, row);
      // The write was retried past its workflow task (PostgreSQL slow or down): say so rather than answer stale data.
      throw new DomainError(DomainErrorCode.DependencyUnavailable, `product ${ref.id} accepted the action but its read model is behind; read it again shortly`);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        // The workflow has completed (ENDED, CANCELLED, or LAUNCHED for older products): say so in the product's terms.
        const row = await this.products.findById(ref.id);
        throw new DomainError(DomainErrorCode.WrongStage, `product ${ref.id} is ${row?.stage ?? 'finished'}; no further actions are accepted`);
      }
      throw err;
    }
  }

  /**
   * The product's row once it reflects `seq`. The workflow task that answered the update also wrote the read
   * model, so the first read finds it; only a write retried past that task (PostgreSQL slow or down) makes
   * it wait, for a few seconds at most. null when the row is still behind.
   */
  private async readModelAt(productId: string, seq: number): Promise<ProductEntity | null> {
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    for (;;) {
      const row = await this.products.findById(productId);
      if (row && row.seq >= seq) return row;
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private links(id: string, workflowId: string): ProductDto['links'] {
    const ui = this.config.temporal.uiUrl ?? `http://127.0.0.1:${this.config.temporal.uiPort}`;
    return {
      self: `/products/${id}`,
      timeline: `/products/${id}/timeline`,
      temporalUi: `${ui}/namespaces/${encodeURIComponent(this.config.temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`,
    };
  }

  private toSummary(r: ProductEntity): ProductSummaryDto {
    return {
      id: r.id,
      name: r.name,
      influencerId: r.influencerId,
      targetKeyword: r.targetKeyword,
      stage: r.stage,
      pendingAction: r.pendingAction ?? { by: null, action: 'NONE', description: '' },
      ...withDue(r.snapshot ? dueOf(r.snapshot) : null),
      workflowId: r.workflowId,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  private toProductDto(view: ProductView, workflowId: string, row?: ProductEntity): ProductDto {
    // Rules and action counts are the workflow's bookkeeping, not part of the answer.
    const { productId, rules: _rules, actionCounts: _counts, sellsAfterLaunch: _sells, createdAt, updatedAt, ...rest } = view;
    return {
      ...rest,
      id: productId,
      ...withDue(dueOf(view)),
      workflowId,
      createdAt: row ? row.createdAt.toISOString() : createdAt,
      updatedAt: updatedAt,
      links: this.links(productId, workflowId),
    };
  }
}

/** The options as the poll keeps them: ids default to option-1, option-2, …; an id given twice is refused. */
function pollOptions(input: PollOptionInputDto[]): PollOption[] {
  const options: PollOption[] = input.map((o, i) => ({ id: o.id ?? `option-${i + 1}`, label: o.label, ...(o.description ? { description: o.description } : {}) }));
  const duplicate = options.find((o, i) => options.findIndex((x) => x.id === o.id) !== i);
  if (duplicate) throw new DomainError(DomainErrorCode.InvalidValue, `poll option id "${duplicate.id}" is used twice`);
  return options;
}

function withDue(due: Due | null): { due?: Due } {
  return due ? { due } : {};
}

/** Runs started before the `small-update-results` patch answer an action with the whole view. */
function isWholeView(result: ActionResult): result is ProductView {
  return 'pendingAction' in result && 'productId' in result;
}

// A cursor is "<created_at to the microsecond>|<product id>", exactly as encodeCursor writes it.
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const valid = rest.length === 0 && CURSOR_TIME.test(createdAt ?? '') && !Number.isNaN(Date.parse(createdAt)) && isEntityId(id ?? '');
  if (!valid) throw new DomainError(DomainErrorCode.InvalidValue, 'cursor is not one this API returned');
  return { createdAt, id };
}
