// The topology run's report (test/topology): one row per phase (how many workers, what went through, how
// fast) and a summary, printed by the global teardown as a table and a last line of JSON.
import { appendReportRow, readReportRows, writeTable } from './report-table';

export interface TopologyPhase {
  kind: 'phase';
  phase: string;
  apis: number;
  workers: number;
  products: number;
  votes: number;
  votesPerSec: number;
  actions: number;
  actionsPerSec: number;
}

export interface TopologySummary {
  kind: 'summary';
  apis: number;
  workers: number;
  products: number;
  votes: number;
  lost: number;
  duplicated: number;
}

export function reportTopology(row: TopologyPhase | TopologySummary): void {
  appendReportRow('topology', row);
}

export function printTopologyTable(root: string, write: (line: string) => void): void {
  const rows = readReportRows<TopologyPhase | TopologySummary>(root, 'topology');
  const phases = rows.filter((r): r is TopologyPhase => r.kind === 'phase');
  const summary = rows.find((r): r is TopologySummary => r.kind === 'summary');
  if (phases.length === 0 && !summary) return;
  const header = ['phase', 'API processes', 'workers', 'products', 'votes', 'votes/s', 'actions', 'actions/s'];
  writeTable(
    header,
    phases.map((p) => [p.phase, p.apis, p.workers, p.products, p.votes, p.votesPerSec, p.actions, p.actionsPerSec].map(String)),
    write,
  );
  if (summary) {
    const { kind: _kind, ...line } = summary;
    write(JSON.stringify(line));
  }
}
