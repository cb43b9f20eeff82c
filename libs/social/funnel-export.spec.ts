import { funnelCsv, funnelSvg, type FunnelExportRow, type FunnelRowCounts } from './funnel-export';

const counts = (over: Partial<FunnelRowCounts> = {}): FunnelRowCounts => ({ views: 0, clicks: 0, votes: 0, reservations: 0, reservedUnits: 0, orders: 0, orderedUnits: 0, revenue: [], ...over });

describe('funnel export', () => {
  it('writes a header, a line per row and a total line, revenue in a column per currency', () => {
    const rows: FunnelExportRow[] = [
      { stage: 'POLL', channel: 'instagram', channelId: 'ch-1', ...counts({ views: 3, clicks: 2, votes: 1, revenue: [{ currency: 'USD', amountMinor: 500 }] }) },
      { stage: null, channel: 'unattributed', channelId: null, ...counts({ reservations: 2, reservedUnits: 5, orders: 1, orderedUnits: 1, revenue: [{ currency: 'EUR', amountMinor: 1999 }] }) },
    ];
    const csv = funnelCsv(rows, counts({ views: 3, clicks: 2, votes: 1, reservations: 2, reservedUnits: 5, orders: 1, orderedUnits: 1, revenue: [{ currency: 'EUR', amountMinor: 1999 }, { currency: 'USD', amountMinor: 500 }] }));
    expect(csv.split('\r\n')).toEqual([
      'stage,channel,channel_id,views,clicks,votes,reservations,reserved_units,orders,ordered_units,revenue_minor_EUR,revenue_minor_USD',
      'POLL,instagram,ch-1,3,2,1,0,0,0,0,0,500',
      ',unattributed,,0,0,0,2,5,1,1,1999,0',
      ',total,,3,2,1,2,5,1,1,1999,500',
      '',
    ]);
  });

  it('quotes what must be quoted and defuses spreadsheet formulas in names', () => {
    const row = (channel: string): FunnelExportRow => ({ stage: 'POLL', channel, channelId: 'c', ...counts() });
    const lines = funnelCsv([row('a, "b"'), row('=HYPERLINK("x")'), row('-1+2'), row('line\nbreak')], counts()).split('\r\n');
    expect(lines[1]).toBe('POLL,"a, ""b""",c,0,0,0,0,0,0,0');
    expect(lines[2]).toBe(`POLL,"'=HYPERLINK(""x"")",c,0,0,0,0,0,0,0`);
    expect(lines[3]).toBe("POLL,'-1+2,c,0,0,0,0,0,0,0");
    expect(lines[4]).toBe('POLL,"line\nbreak",c,0,0,0,0,0,0,0');
  });

  it('draws one bar per step scaled to the largest, with its title escaped', () => {
    const svg = funnelSvg('Tom & <Jerry>', counts({ views: 100, clicks: 50, votes: 25, reservations: 10, orders: 0 }));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="funnel-title">Tom &amp; &lt;Jerry&gt;</title>');
    expect(svg).not.toContain('<Jerry>');
    const widths = [...svg.matchAll(/<rect x="140" y="\d+" width="(\d+)" height="24" rx="4" class="bar"\/>/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([460, 230, 115, 46, 0]);
    expect([...svg.matchAll(/class="label">([^<]+)</g)].map((m) => m[1])).toEqual(['Views', 'Clicks', 'Votes', 'Reservations', 'Orders']);
    // Nothing yet: empty bars, no division by zero.
    expect(funnelSvg('x', counts())).not.toMatch(/NaN|Infinity/);
  });
});
