// A product's funnel: the report's rows labelled (channel names, direct, unattributed) and ordered by
// stage, their totals and conversions; as JSON, CSV or an SVG chart.
import { Injectable } from '@nestjs/common';
import { FunnelRepository, ProductRepository, type FunnelReport } from '@app/database';
import { STAGES } from '@app/domain';
import { funnelCsv, funnelSvg } from '@app/social';
import type { ProductRef } from '../products/product-access.guard';
import type { ConversionDto, FunnelCountsDto, FunnelDto, FunnelRowDto } from './dto/funnel.dto';

const SOURCE_ORDER = { link: 0, direct: 1, unattributed: 2 } as const;

function ratio(numerator: number, denominator: number): ConversionDto {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

function revenueList(byCurrency: Record<string, number>) {
  return Object.entries(byCurrency)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

@Injectable()
export class FunnelService {
  constructor(
    private readonly funnel: FunnelRepository,
    private readonly products: ProductRepository,
  ) {}

  async get(product: ProductRef): Promise<FunnelDto> {
    const report = await this.funnel.report(product.id);
    const rows = report.rows.map((r) => this.row(r, report)).sort(compareRows);
    return { productId: product.id, rows, totals: totals(rows, report.distinctOrders), conversions: conversions(report), asOf: new Date().toISOString() };
  }

  async csv(product: ProductRef): Promise<string> {
    const funnel = await this.get(product);
    return funnelCsv(funnel.rows, funnel.totals);
  }

  async svg(product: ProductRef): Promise<string> {
    const [funnel, snapshot] = await Promise.all([this.get(product), this.products.findSnapshot(product.id)]);
    return funnelSvg(`${snapshot?.name ?? product.id}: views → clicks → votes → reservations → orders`, funnel.totals);
  }

  private row(r: FunnelReport['rows'][number], report: FunnelReport): FunnelRowDto {
    const channel =
      r.kind === 'link' ? (r.channelId ? (report.channelNames[r.channelId] ?? r.channelId) : 'deleted channel') : r.kind === 'direct' ? 'direct' : 'unattributed';
    return {
      source: r.kind,
      stage: r.stage,
      channel,
      channelId: r.channelId,
      views: r.views,
      clicks: r.clicks,
      votes: r.votes,
      reservations: r.reservations,
      reservedUnits: r.reservedUnits,
      orders: r.orders,
      orderedUnits: r.orderedUnits,
      revenue: revenueList(r.revenueMinor),
    };
  }
}

function stageIndex(stage: string | null): number {
  const i = stage === null ? -1 : (STAGES as readonly string[]).indexOf(stage);
  return i < 0 ? STAGES.length : i;
}

function compareRows(a: FunnelRowDto, b: FunnelRowDto): number {
  return stageIndex(a.stage) - stageIndex(b.stage) || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.channel.localeCompare(b.channel) || (a.channelId ?? '').localeCompare(b.channelId ?? '');
}

/** Sums of the rows, except orders: each order once (its lines may have come through different links). */
function totals(rows: FunnelRowDto[], distinctOrders: number): FunnelCountsDto {
  const revenue: Record<string, number> = {};
  for (const r of rows) for (const m of r.revenue) revenue[m.currency] = (revenue[m.currency] ?? 0) + m.amountMinor;
  const sum = (key: 'views' | 'clicks' | 'votes' | 'reservations' | 'reservedUnits' | 'orderedUnits') => rows.reduce((n, r) => n + r[key], 0);
  return {
    views: sum('views'),
    clicks: sum('clicks'),
    votes: sum('votes'),
    reservations: sum('reservations'),
    reservedUnits: sum('reservedUnits'),
    orders: distinctOrders,
    orderedUnits: sum('orderedUnits'),
    revenue: revenueList(revenue),
  };
}

function conversions(report: FunnelReport): FunnelDto['conversions'] {
  const c = report.conversions;
  return { voterToReserver: ratio(c.votersWhoReserved, c.voters), reserverToBuyer: ratio(c.reservationsBought, c.reservations) };
}
