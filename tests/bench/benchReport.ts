// Result types and the three outputs: JSON (everything), a Markdown table, an SVG chart.
import fs from "node:fs";
import path from "node:path";
import type { HopFloor } from "./hopFloor";
import type { ComputeFigure } from "./clientCompute";
import type { SearchFigures } from "./searchBench";

export interface LoadFigures {
  clients: number;
  connectFailures: number;
  connectFailureSample: string[];
  connectMs: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  samples: number;
  /** Over several instances: the deliveries that crossed from one to another (through Redis). */
  cross?: { p50: number | null; p99: number | null; samples: number } | null;
  updatesPerSec: number;
  deliveriesPerSec: number;
  drops: number;
  lateSends: number;
  maxSendLagMs: number;
  mapsConverged: number;
  mapsDiverged: number;
  closedClients: number;
  closeCodes: number[];
  converged: boolean;
  cpuPercent: number;
  rssMaxMB: number;
  /** RSS when the measured window began (after connecting and warm-up). */
  rssStartMB: number;
  loopRttP50Ms: number | null;
  loopRttP99Ms: number | null;
  /** 1-minute load average of the host at the end of the window (2 cores: above 2 means queueing for CPU). */
  hostLoadAvg1m: number;
}

export interface ScenarioReport {
  id: string;
  title: string;
  targetP99Ms: number;
  skipped?: string;
  error?: string;
  ours: LoadFigures | null;
  reference: LoadFigures | null;
  db: {
    logRowsWritten: number;
    logFlushes: number;
    snapshotsWritten: number;
    /** Refreshes of the relational projection (most find nothing changed and write nothing). */
    projectionRefreshes?: number;
    projectionWrites?: number;
    projectionRowsWritten?: number;
    updatesAccepted: number;
    writesPerMapPer100ms: number;
    logRowsAfterCompactionPerMap: number | null;
    logBytesLeft: number | null;
    snapshotBytes: number | null;
  } | null;
}

type Load = Record<string, { inMemoryMs: number | null; fromDbMs: number | null; error?: string }>;

export interface IdleFigures {
  maps: number;
  perMapKB: number;
  rssPerMapKB: number;
  rssDeltaMB: number;
}

export interface BenchReport {
  mode: "quick" | "full";
  /** Which server took each scenario's load first (`--ref-first`); absent in older reports: ours. */
  order?: "ours first" | "reference first";
  database: string;
  date: string;
  machine: { cpus: number; model: string; loadAverageAtEnd: number[] };
  node: string;
  warmupMs: number;
  durationMs: number;
  scenarios: ScenarioReport[];
  idleMemory: { ours: IdleFigures; reference: IdleFigures };
  load: { ours: Load; reference: Load };
  /** The benchmark's own running time, without building the app. */
  totalSeconds: number;
  buildSeconds: number;
  /** One message between two idle processes on this machine, before the scenarios (hopFloor.ts); absent in older reports. */
  hopFloor?: HopFloor;
  /** Graph layout and re-anchoring, in the bench process before the scenarios (clientCompute.ts); --quick: the version import only. */
  clientCompute?: ComputeFigure[];
  /** GET /api/search's statement on its own seeded database (searchBench.ts); absent in older reports. */
  search?: SearchFigures;
  /** --quick: one server served every scenario, so only its cumulative write counts exist. */
  sharedServerDbTotals?: Record<string, number> | null;
}

const num = (x: number | null | undefined, d = 2) => (x == null || !Number.isFinite(x) ? "n/a" : x.toFixed(d));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? "n/a" : `${(a / b).toFixed(2)}×`);
const cell = (a: number | null | undefined, b: number | null | undefined, d = 2) => `${num(a, d)} / ${num(b, d)} (${ratio(a, b)})`;

export function markdown(r: BenchReport): string {
  const out: string[] = [];
  out.push(`# Claimboard collaboration benchmark (${r.mode})`, "");
  out.push(
    `${r.date} · database ${r.database} · Node ${r.node} · ${r.machine.cpus} CPUs (${r.machine.model}), load average at end ${r.machine.loadAverageAtEnd.map((x) => x.toFixed(2)).join(" ")} · ` +
      `warm-up ${r.warmupMs / 1000} s excluded, measured ${r.durationMs / 1000} s per scenario, ${r.order ?? "ours first"} · ran ${r.totalSeconds.toFixed(0)} s (+ ${r.buildSeconds.toFixed(0)} s building the app)`,
    "",
    "Each cell: **ours / reference (ratio ours ÷ reference)**. Latency = scheduled send time → arrival at another client of the same map, in ms. " +
      "Load generators, both servers and other engineers' jobs share the same 2 cores, so absolute numbers include CPU contention.",
    "",
  );
  out.push("| Scenario | p50 ms | p95 ms | p99 ms | p99 target | updates/s | drops | converged | server CPU % | server RSS start → max MB | loop ping p99 ms | host load avg (ours / ref) |");
  out.push("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const s of r.scenarios) {
    if (s.skipped) {
      out.push(`| ${s.id}: ${s.title} | ${s.skipped} | | | ≤ ${s.targetP99Ms} | | | | | | | |`);
      continue;
    }
    const o = s.ours;
    const f = s.reference;
    out.push(
      `| ${s.id}: ${s.title} | ${cell(o?.p50, f?.p50)} | ${cell(o?.p95, f?.p95)} | ${cell(o?.p99, f?.p99)} | ≤ ${s.targetP99Ms} ${o?.p99 != null && o.p99 <= s.targetP99Ms ? "✅" : "❌"} | ` +
        `${cell(o?.updatesPerSec, f?.updatesPerSec, 1)} | ${o?.drops ?? "n/a"} / ${f?.drops ?? "n/a"} | ${o?.converged ? "yes" : "**NO**"} / ${f?.converged ? "yes" : "**NO**"} | ` +
        `${cell(o?.cpuPercent, f?.cpuPercent, 0)} | ${num(o?.rssStartMB, 0)} → ${cell(o?.rssMaxMB, f?.rssMaxMB, 0)} | ${cell(o?.loopRttP99Ms, f?.loopRttP99Ms)} | ${num(o?.hostLoadAvg1m, 1)} / ${num(f?.hostLoadAvg1m, 1)} |`,
    );
  }
  const split = r.scenarios.filter((s) => s.ours?.cross);
  if (split.length > 0) {
    out.push("", "Over two instances, the deliveries that crossed instances (writer on one, reader on the other; the rest stayed on one):", "");
    const single = (id: string) => r.scenarios.find((s) => s.id === id.replace(/-redis$/, ""))?.ours?.p50;
    for (const s of split) {
      const base = single(s.id);
      const added = base != null && s.ours!.p50 != null ? `; all deliveries' p50 ${num(s.ours!.p50)} ms is ${num(s.ours!.p50 - base)} ms over single-instance ${s.id.replace(/-redis$/, "")} (target ≤ 0.5)` : "";
      out.push(`- ${s.id}: p50 ${num(s.ours!.cross!.p50)} ms, p99 ${num(s.ours!.cross!.p99)} ms (${s.ours!.cross!.samples} of ${s.ours!.samples} deliveries)${added}`);
    }
  }
  if (r.hopFloor) {
    const h = r.hopFloor;
    const fig = (x: { p50: number | null; p99: number | null } | null) => (x ? `p50 ${num(x.p50)} ms, p99 ${num(x.p99)} ms` : "not measured (no REDIS_URL)");
    out.push(
      "",
      `This machine's floor, measured before the scenarios with nothing else running (${h.rate} messages/s between two otherwise idle processes): ` +
        `one WebSocket hop ${fig(h.ws)}; one Redis pub/sub hop (publisher → Redis → subscriber) ${fig(h.redis)}. ` +
        "Every delivery takes two WebSocket hops (writer → server → reader); one that crosses instances takes a Redis hop on top.",
    );
  }
  if (r.clientCompute) {
    out.push("", "## Work done in the browser", "");
    out.push("| Work | first call, ms (JIT included) | later calls, median of 5, ms | budget, ms | reference, later calls, ms (ratio ours ÷ reference) |");
    out.push("|---|---|---|---|---|");
    for (const f of r.clientCompute) {
      const ref = f.reference ? `${f.reference.label}: ${cell(f.warmMs, f.reference.warmMs, 1)}` : "none does it";
      out.push(`| ${f.label} | ${num(f.coldMs, 1)} | ${num(f.warmMs, 1)} | ${f.budgetMs}${f.warmMs > f.budgetMs ? " ❌" : ""} | ${ref} |`);
    }
  }
  if (r.search) {
    const q = r.search;
    out.push("", "## Search (ours only)", "", `${q.database}, ${q.maps.toLocaleString("en-US")} maps × 50 claims (${q.claims.toLocaleString("en-US")} claims, 5 cards per map), seeded in ${num(q.seedSeconds, 1)} s; target on PostgreSQL at 10,000 maps: p95 ≤ 50 ms.`, "");
    out.push("| Caller | maps read | p50, ms | p95, ms | slowest query (p95, ms) |", "|---|---|---|---|---|");
    for (const c of q.callers) {
      const worst = c.queries.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
      out.push(`| ${c.caller} | ${c.readableMaps.toLocaleString("en-US")} | ${num(c.p50Ms, 1)} | ${num(c.p95Ms, 1)} | ${worst.query.replace(/\|/g, "\\|")} (${num(worst.p95Ms, 1)}) |`);
    }
  }
  out.push("", "## Database writes (ours only)", "");
  out.push("| Scenario | updates accepted | MapUpdate rows written (= group commits) | snapshot writes | projection refreshes (that wrote; rows written) | writes per map per 100 ms (target ≤ 1) | log rows per map after compaction (target ≤ 100) | log bytes left | snapshot bytes |");
  out.push("|---|---|---|---|---|---|---|---|---|");
  for (const s of r.scenarios) {
    if (!s.db) continue;
    const d = s.db;
    out.push(`| ${s.id} | ${d.updatesAccepted} | ${d.logRowsWritten} | ${d.snapshotsWritten} | ${d.projectionRefreshes ?? "n/a"} (${d.projectionWrites ?? "n/a"}; ${d.projectionRowsWritten ?? "n/a"}) | ${num(d.writesPerMapPer100ms, 3)} | ${num(d.logRowsAfterCompactionPerMap, 1)} | ${d.logBytesLeft ?? "n/a"} | ${d.snapshotBytes ?? "n/a"} |`);
  }
  if (r.sharedServerDbTotals) {
    const t = r.sharedServerDbTotals;
    out.push("", `Quick mode runs every scenario (and the memory/load phase) on one server process, so write counts are only available in total: ` +
      `${t.updatesAccepted} updates accepted, ${t.logRowsWritten} MapUpdate rows in ${t.logFlushes} group commits, ${t.snapshotsWritten} snapshot writes, ${t.projectionsWritten} projection refreshes. ` +
      "Per-scenario write rates come from the full run.");
  }
  out.push("", "## Memory and load time", "");
  const im = r.idleMemory;
  out.push(
    `Idle loaded small maps (${im.ours.maps} maps, one client each, sample doc, no edit for 6 s; ours holds no Y.Doc for a loaded room unless woken; woken rooms sleep again after 4 s here, 30 s by default): ` +
      `live memory per map (V8 heap + external, after a full GC) ${cell(im.ours.perMapKB, im.reference.perMapKB, 1)} KB (target ≤ 150 KB); ` +
      `RSS delta per map ${cell(im.ours.rssPerMapKB, im.reference.rssPerMapKB, 1)} KB.`,
    "",
  );
  out.push("| Document | load, room in memory (ms) | ours: load from the database (ms) | notes |", "|---|---|---|---|");
  for (const k of Object.keys(r.load.ours)) {
    const o = r.load.ours[k];
    const f = r.load.reference[k];
    out.push(`| ${k} | ${cell(o?.inMemoryMs, f?.inMemoryMs)} | ${num(o?.fromDbMs)} | ${[o?.error && `ours: ${o.error}`, f?.error && `ref: ${f.error}`].filter(Boolean).join("; ")} |`);
  }
  out.push("", "Load time = WebSocket connect (incl. upgrade and, for ours, session + map access check) until the server's sync step 2 has been applied.", "");
  return out.join("\n");
}

export function svg(r: BenchReport): string {
  const rows = r.scenarios.filter((s) => !s.skipped && (s.ours || s.reference));
  const series: { label: string; key: "p50" | "p95" | "p99"; color: string }[] = [
    { label: "p50", key: "p50", color: "#7fb3d5" },
    { label: "p95", key: "p95", color: "#2e86c1" },
    { label: "p99", key: "p99", color: "#1b4f72" },
  ];
  const values = rows.flatMap((s) => series.flatMap((k) => [s.ours?.[k.key], s.reference?.[k.key]]).filter((v): v is number => v != null));
  const maxV = Math.max(1, ...values, ...rows.map((s) => s.targetP99Ms));
  // log scale from 0.1 ms
  const lo = Math.log10(0.1);
  const hi = Math.log10(maxV * 1.5);
  const W = 160 + rows.length * 190;
  const H = 360;
  const top = 40;
  const bottom = 300;
  const y = (v: number) => bottom - ((Math.log10(Math.max(v, 0.1)) - lo) / (hi - lo)) * (bottom - top);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(`<text x="10" y="20" font-size="14">Propagation latency (ms, log scale): ours (solid) vs reference (hatched) — ${r.mode}, ${r.database}</text>`);
  parts.push(`<defs><pattern id="h" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#555" stroke-width="2"/></pattern></defs>`);
  for (let e = -1; e <= Math.ceil(hi); e++) {
    const v = 10 ** e;
    if (Math.log10(v) > hi) break;
    parts.push(`<line x1="60" x2="${W - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="55" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  rows.forEach((s, i) => {
    const x0 = 80 + i * 190;
    series.forEach((k, j) => {
      for (const [w, who] of [[0, "ours"], [1, "reference"]] as const) {
        const v = s[who]?.[k.key];
        if (v == null) continue;
        const x = x0 + j * 52 + w * 24;
        parts.push(`<rect x="${x}" y="${y(v)}" width="22" height="${bottom - y(v)}" fill="${w ? "url(#h)" : k.color}" stroke="${k.color}"><title>${s.id} ${who} ${k.label}: ${v.toFixed(2)} ms</title></rect>`);
        parts.push(`<text x="${x + 11}" y="${y(v) - 3}" text-anchor="middle" font-size="9">${v < 10 ? v.toFixed(1) : v.toFixed(0)}</text>`);
      }
      parts.push(`<text x="${x0 + j * 52 + 23}" y="${bottom + 14}" text-anchor="middle">${k.label}</text>`);
    });
    parts.push(`<line x1="${x0 - 6}" x2="${x0 + 156}" y1="${y(s.targetP99Ms)}" y2="${y(s.targetP99Ms)}" stroke="#c0392b" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${x0 + 75}" y="${bottom + 30}" text-anchor="middle" font-weight="bold">${s.id}</text>`);
  });
  parts.push(`<text x="10" y="${H - 10}">Red dashed line: p99 target. Bars: p50 / p95 / p99 for each scenario.</text>`);
  parts.push("</svg>");
  return parts.join("\n");
}

export function writeReports(dir: string, base: string, r: BenchReport): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = [
    [`${base}.json`, JSON.stringify(r, null, 2) + "\n"],
    [`${base}.md`, markdown(r)],
    [`${base}.svg`, svg(r) + "\n"],
  ] as const;
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
  return files.map(([name]) => path.join("bench-results", name));
}
