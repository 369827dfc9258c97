import fs from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import type { Database } from "../../lib/db/client";
import { hashPassword } from "../../lib/auth/password";
import { projectMap } from "../../lib/argument";
import { replaceProjection } from "../../lib/db/projectionStore";
import { writeSnapshot } from "../../lib/db/mapState";
import { buildSampleDoc } from "./buildSampleDoc";
import { SAMPLE_MAP, SAMPLE_SOURCE } from "./sampleMap";

export const DEMO_EMAIL = "demo@claimboard.local";

export interface SeedOptions {
  /** Create the demo account that owns the sample map (SEED_DEMO=false turns it off). */
  demo: boolean;
  demoPassword: string;
}

export function seedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SeedOptions {
  return { demo: env.SEED_DEMO !== "false", demoPassword: env.DEMO_PASSWORD || "demo-password" };
}

/** From the working directory (the repository root), like the migrations: the server runs as a bundle elsewhere. */
export function readSampleSourceText(): string {
  return fs.readFileSync(path.resolve("prisma", "seed", SAMPLE_SOURCE.file), "utf8");
}

/**
 * Idempotent: creates the sample source, its starter map (Yjs state and projection) and the
 * demo account when they are missing; a database that has them is left as it is.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<{ created: boolean; sampleMapId: string; demoUserId: string | null }> {
  const { prisma } = db;
  let demoUserId: string | null = null;
  if (options.demo) {
    const existing = await prisma.user.findUnique({ where: { email: DEMO_EMAIL } });
    demoUserId =
      existing?.id ??
      (await prisma.user.create({ data: { email: DEMO_EMAIL, name: "Demo Debater", passwordHash: await hashPassword(options.demoPassword) } })).id;
  }
  const existingSample = await prisma.map.findFirst({ where: { isSample: true }, select: { id: true } });
  if (existingSample) {
    if (demoUserId) {
      await prisma.mapMember.upsert({
        where: { mapId_userId: { mapId: existingSample.id, userId: demoUserId } },
        create: { mapId: existingSample.id, userId: demoUserId, role: "owner" },
        update: {},
      });
    }
    return { created: false, sampleMapId: existingSample.id, demoUserId };
  }

  const text = readSampleSourceText();
  const doc = await prisma.$transaction(async (tx) => {
    const source = await tx.source.create({
      data: {
        title: SAMPLE_SOURCE.title,
        author: SAMPLE_SOURCE.author,
        authorQualifications: SAMPLE_SOURCE.authorQualifications,
        publisher: SAMPLE_SOURCE.publisher,
        publishedAt: SAMPLE_SOURCE.publishedAt ? new Date(SAMPLE_SOURCE.publishedAt) : null,
        url: SAMPLE_SOURCE.url,
        createdById: demoUserId,
        versions: { create: { version: 1, text } },
      },
    });
    const map = await tx.map.create({
      data: {
        title: SAMPLE_MAP.title,
        question: SAMPLE_MAP.question,
        isSample: true,
        sources: { create: { sourceId: source.id } },
        ...(demoUserId ? { members: { create: { userId: demoUserId, role: "owner" as const } } } : {}),
      },
    });
    const doc = buildSampleDoc({ sourceId: source.id, sourceVersion: 1, sourceText: text, authorId: demoUserId });
    await writeSnapshot(tx, map.id, Y.encodeStateAsUpdate(doc));
    await replaceProjection(tx, map.id, projectMap(doc));
    return { mapId: map.id };
  });
  return { created: true, sampleMapId: doc.mapId, demoUserId };
}
