import { buildSalesReport, decideSalesReport, type StockRow } from './stock';

const row = (variantId: string, over: Partial<StockRow> = {}): StockRow => ({
  variantId,
  produced: 10,
  sold: 0,
  returned: 0,
  held: 0,
  reportedSoldOut: false,
  restockReportedAtProduced: null,
  ...over,
});

describe('decideSalesReport', () => {
  it('reports nothing while no variant changed its sold-out state and sell-through is below the threshold', () => {
    expect(decideSalesReport([row('s', { sold: 3 }), row('m', { sold: 4 })], 0.8)).toBeNull();
  });

  it('reports a variant that sold out (held units count as gone) and one that came back', () => {
    const out = decideSalesReport([row('s', { sold: 8, held: 2 }), row('m', { sold: 1 })], undefined);
    expect(out).toEqual({ soldOut: [{ variantId: 's', soldOut: true }, { variantId: 'm', soldOut: false }], restockAtProduced: null, sellThrough: 0.45 });
    const back = decideSalesReport([row('s', { sold: 10, returned: 1, reportedSoldOut: true })], undefined);
    expect(back?.soldOut).toEqual([{ variantId: 's', soldOut: false }]);
  });

  it('reports the restock threshold once per total produced, and again after a restock raised it', () => {
    const rows = [row('s', { sold: 9 }), row('m', { sold: 8 })];
    expect(decideSalesReport(rows, 0.8)).toMatchObject({ restockAtProduced: 20, sellThrough: 0.85 });
    expect(decideSalesReport(rows.map((r) => ({ ...r, restockReportedAtProduced: 20 })), 0.8)).toBeNull();
    const restocked = rows.map((r) => ({ ...r, produced: r.produced + 10, restockReportedAtProduced: 20 }));
    expect(decideSalesReport(restocked, 0.4)).toMatchObject({ restockAtProduced: 40 });
  });

  it('reports nothing before anything was produced', () => {
    expect(decideSalesReport([row('s', { produced: 0, sold: 2 })], 0.1)).toBeNull();
  });
});

describe('buildSalesReport', () => {
  it('gives each variant its stock figures and net units per day over the window', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const report = buildSalesReport([row('s', { sold: 8, returned: 1, held: 2 }), row('m')], new Map([['s', 7]]), 7, at);
    expect(report).toEqual({
      at: at.toISOString(),
      variants: [
        { variantId: 's', produced: 10, sold: 8, returned: 1, available: 1, unitsPerDay: 1 },
        { variantId: 'm', produced: 10, sold: 0, returned: 0, available: 10, unitsPerDay: 0 },
      ],
    });
  });
});
