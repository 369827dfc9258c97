// Search speed (issue 28): N maps × 50 claims (+ 5 evidence cards each) of varied debate
// text, seeded straight into the projection tables through lib/db's Prisma client, then a
// fixed set of queries timed for two callers: a typical member (10 own maps + a 100-map
// team) and one who reads every map (the worst case for the access rule).
//   npm run bench runs it on the bench's database kind; alone:
//   tsx tests/bench/searchBench.ts [--maps 10000] [--pg] [--explain]
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { Database } from "../../lib/db/client";

export interface SearchQueryFigure {
  query: string;
  p50Ms: number;
  p95Ms: number;
  hits: number;
}

export interface SearchFigures {
  database: "pglite" | "postgresql";
  maps: number;
  claims: number;
  seedSeconds: number;
  callers: { caller: string; readableMaps: number; p50Ms: number; p95Ms: number; queries: SearchQueryFigure[] }[];
  /** EXPLAIN ANALYZE of the slowest query for the all-maps caller (--explain or the full run). */
  plan?: string;
}

export const SEARCH_QUERIES = [
  "extradition",
  "cartel violence",
  "extradtion", // typo
  "sovereignty",
  '"military strikes"',
  "fentanyl precursors",
  "sovereig", // partial word
  "quetzalcoatl treaty", // rare: a handful of claims
  "border",
  "intelligence sharing works",
];

const CLAIMS_PER_MAP = 50;
const CARDS_PER_MAP = 5;
const OWN_MAPS = 10;
const TEAM_MAPS = 100;

const SUBJECTS = ["The U.S.", "Mexico", "Cartels", "Extradition", "Military strikes", "Intelligence sharing", "Sanctions", "Border security", "Drone strikes", "Joint task forces", "Social programs", "Fentanyl seizures", "Diplomacy", "Sovereignty concerns", "Tariffs", "Asylum policy", "Money laundering probes", "Gun trafficking", "Police reform", "Judicial cooperation"];
const VERBS = ["reduces", "increases", "undermines", "strengthens", "delays", "prevents", "fuels", "weakens", "protects", "threatens", "improves", "complicates", "accelerates", "discourages"];
const OBJECTS = ["cartel violence", "public trust", "fentanyl precursors", "bilateral relations", "homicide rates", "migration flows", "arms smuggling", "local governance", "the rule of law", "economic growth", "civilian casualties", "cartel recruitment", "supply chains", "prosecutions", "corruption", "regional stability"];
const TAILS = ["within two years", "according to recent data", "unless Congress acts", "in border states", "despite strong objections", "as past operations show", "without Mexican consent", "when courts cooperate", "in the long run", "at high cost", "for most communities", "because cartels adapt quickly"];

/** A deterministic pseudo-random generator, so every run seeds the same text. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

function sentence(next: () => number, i: number): string {
  const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)];
  const base = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`;
  // A rare word in one claim of 5,000, so one query finds only a handful.
  return i % 5000 === 17 ? `${base}; the Quetzalcoatl treaty is cited` : base;
}

async function seed(db: Database, maps: number): Promise<{ typical: string; everything: string; seconds: number }> {
  const began = performance.now();
  const prisma = db.prisma;
  const users = Math.ceil(maps / OWN_MAPS);
  const userIds = Array.from({ length: users }, (_, i) => `bench-user-${i}`);
  for (let i = 0; i < users; i += 5000) {
    await prisma.user.createMany({ data: userIds.slice(i, i + 5000).map((id) => ({ id, email: `${id}@bench.test`, name: id })) });
  }
  const everything = "bench-reader-all";
  await prisma.user.create({ data: { id: everything, email: "all@bench.test", name: "reads everything" } });
  await prisma.team.create({ data: { id: "bench-team", name: "Bench team", members: { create: [{ userId: userIds[0], role: "viewer" }, { userId: everything, role: "viewer" }] } } });
  const next = rng(28);
  const BATCH_MAPS = 200;
  for (let m0 = 0; m0 < maps; m0 += BATCH_MAPS) {
    const ids = Array.from({ length: Math.min(BATCH_MAPS, maps - m0) }, (_, k) => m0 + k);
    // Maps 10..109 (not user 0's own) belong to the team; the everything-reader is on the team
    // and a direct viewer of every other map.
    await prisma.map.createMany({
      data: ids.map((m) => ({ id: `bench-map-${m}`, title: `${SUBJECTS[m % SUBJECTS.length]} and ${OBJECTS[m % OBJECTS.length]} (${m})`, question: "Should the U.S. intervene directly?", teamId: m >= OWN_MAPS && m < OWN_MAPS + TEAM_MAPS ? "bench-team" : null })),
    });
    await prisma.mapMember.createMany({
      data: ids.flatMap((m) => [
        { mapId: `bench-map-${m}`, userId: userIds[Math.floor(m / OWN_MAPS)], role: "owner" as const },
        ...(m >= OWN_MAPS && m < OWN_MAPS + TEAM_MAPS ? [] : [{ mapId: `bench-map-${m}`, userId: everything, role: "viewer" as const }]),
      ]),
    });
    const claims = ids.flatMap((m) =>
      Array.from({ length: CLAIMS_PER_MAP }, (_, c) => ({
        mapId: `bench-map-${m}`,
        id: `c${c}`,
        kind: c === 0 ? ("question" as const) : c < 3 ? ("position" as const) : ("claim" as const),
        stance: c < 3 ? null : c % 2 ? ("pro" as const) : ("con" as const),
        parentId: c === 0 ? null : c < 3 ? "c0" : `c${1 + (c % 2)}`,
        order: String(c).padStart(3, "0"),
        text: c === 0 ? "Should the U.S. intervene directly?" : sentence(next, m * CLAIMS_PER_MAP + c),
        createdAt: new Date(),
      })),
    );
    await prisma.claim.createMany({ data: claims });
    await prisma.citation.createMany({
      data: ids.flatMap((m) =>
        Array.from({ length: CARDS_PER_MAP }, (_, k) => {
          const exact = sentence(next, m * 7 + k);
          return { mapId: `bench-map-${m}`, id: `e${k}`, claimId: `c${3 + k}`, sourceId: "none", sourceVersion: 1, exact, prefix: "", suffix: "", start: 0, end: exact.length, tag: sentence(next, m + k).split(" ").slice(0, 5).join(" "), note: "", highlights: [] };
        }),
      ),
    });
  }
  // Fresh statistics, as autovacuum would have by then (PGlite has no autovacuum).
  await prisma.$executeRawUnsafe("ANALYZE");
  return { typical: userIds[0], everything, seconds: (performance.now() - began) / 1000 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Seeds a fresh database of `kind` and times SEARCH_QUERIES; `rounds` runs of each query per caller. */
export async function measureSearch(options: { kind: "pglite" | "postgresql"; maps: number; rounds: number; explain?: boolean; log?: (line: string) => void }): Promise<SearchFigures> {
  const log = options.log ?? (() => {});
  const { freshDatabase } = await import("../support/testDatabases");
  const { openDatabase, setDatabase, closeDatabase } = await import("../../lib/db/client");
  const { resolveDatabaseConfig } = await import("../../lib/db/databaseConfig");
  const { applyPendingMigrations } = await import("../../lib/db/migrations");
  const { searchReadableMaps, searchStatement } = await import("../../lib/db/search");
  const testDb = await freshDatabase(options.kind);
  const db = await openDatabase(resolveDatabaseConfig({ ...process.env, ...testDb.env } as NodeJS.ProcessEnv));
  try {
    await applyPendingMigrations(db);
    setDatabase(db);
    log(`search: seeding ${options.maps} maps × ${CLAIMS_PER_MAP} claims on ${options.kind}`);
    const seeded = await seed(db, options.maps);
    log(`search: seeded in ${seeded.seconds.toFixed(1)} s`);
    const callers: SearchFigures["callers"] = [];
    for (const [caller, userId, readableMaps] of [
      ["typical member (10 own maps + 100-map team)", seeded.typical, OWN_MAPS + TEAM_MAPS],
      ["reads every map", seeded.everything, options.maps],
    ] as const) {
      const all: number[] = [];
      const queries: SearchQueryFigure[] = [];
      for (const query of SEARCH_QUERIES) {
        const times: number[] = [];
        let hits = 0;
        await searchReadableMaps(userId, query); // warm (plan cache, pages)
        for (let r = 0; r < options.rounds; r++) {
          const t0 = performance.now();
          hits = (await searchReadableMaps(userId, query)).length;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        all.push(...times);
        queries.push({ query, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), hits });
      }
      all.sort((a, b) => a - b);
      callers.push({ caller, readableMaps: Math.min(readableMaps, options.maps), p50Ms: percentile(all, 50), p95Ms: percentile(all, 95), queries });
      log(`search: ${caller}: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms over ${all.length} queries`);
    }
    let plan: string | undefined;
    if (options.explain) {
      const worst = callers[1].queries.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
      const rows = await db.prisma.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, COSTS OFF) ${searchStatement(seeded.everything, worst.query)}`;
      plan = `-- ${worst.query} (reads every map)\n` + rows.map((r) => r["QUERY PLAN"]).join("\n");
    }
    return { database: options.kind, maps: options.maps, claims: options.maps * CLAIMS_PER_MAP, seedSeconds: seeded.seconds, callers, plan };
  } finally {
    await closeDatabase();
    await testDb.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const value = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  if (flag("--pg")) process.env.TEST_DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
  const figures = await measureSearch({ kind: flag("--pg") ? "postgresql" : "pglite", maps: value("--maps", 100), rounds: value("--rounds", 20), explain: flag("--explain"), log: console.log });
  console.log(JSON.stringify(figures, null, 2));
  process.exit(0);
}
