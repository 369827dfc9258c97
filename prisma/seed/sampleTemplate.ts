import fs from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import { projectMap } from "../../lib/argument";
import type { MapTemplate } from "../../lib/db/mapTemplate";
import { buildSampleDoc } from "./buildSampleDoc";
import { SAMPLE_MAP, SAMPLE_SOURCE } from "./sampleMap";

/** From the working directory (the repository root), like the migrations: the server runs as a bundle elsewhere. */
export function readSampleSourceText(): string {
  return fs.readFileSync(path.resolve("prisma", "seed", SAMPLE_SOURCE.file), "utf8");
}

/**
 * The pristine sample map as the seed code builds it (never a live map, which its members can
 * edit): the map a new account gets its own copy of, and the seeded demo map itself. The doc
 * is built once the copy's source row exists, so its citations name that row's id.
 */
export function sampleMapTemplate(): MapTemplate {
  const text = readSampleSourceText();
  return {
    title: SAMPLE_MAP.title,
    question: SAMPLE_MAP.question,
    sources: [
      {
        data: {
          title: SAMPLE_SOURCE.title,
          author: SAMPLE_SOURCE.author,
          authorQualifications: SAMPLE_SOURCE.authorQualifications,
          publisher: SAMPLE_SOURCE.publisher,
          publishedAt: SAMPLE_SOURCE.publishedAt ? new Date(SAMPLE_SOURCE.publishedAt) : null,
          url: SAMPLE_SOURCE.url,
          accessedAt: null,
        },
        text,
      },
    ],
    build({ sourceIds: [sourceId], authorId }) {
      const doc = buildSampleDoc({ sourceId, sourceVersion: 1, sourceText: text, authorId });
      try {
        return { state: Y.encodeStateAsUpdate(doc), projection: projectMap(doc) };
      } finally {
        doc.destroy();
      }
    },
  };
}
