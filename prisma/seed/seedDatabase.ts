import type { Database } from "../../lib/db/client";
import { hashPassword } from "../../lib/auth/password";
import { insertMapFromTemplate } from "../../lib/db/mapTemplate";
import { sampleMapTemplate } from "./sampleTemplate";
import { seedDemoEnabled } from "./seedDemoDefault.mjs";

export { readSampleSourceText } from "./sampleTemplate";

export const DEMO_EMAIL = "demo@claimboard.local";

export interface SeedOptions {
  /** Create the demo account that owns the sample map (the rule: seedDemoDefault.mjs). */
  demo: boolean;
  demoPassword: string;
}

export function seedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SeedOptions {
  return { demo: seedDemoEnabled(env), demoPassword: env.DEMO_PASSWORD || "demo-password" };
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

  const seeded = await prisma.$transaction((tx) => insertMapFromTemplate(tx, sampleMapTemplate(), { ownerId: demoUserId, isSample: true }));
  return { created: true, sampleMapId: seeded.mapId, demoUserId };
}
