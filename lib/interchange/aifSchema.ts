import { z } from "zod";

// AIF JSON as AIFdb and OVA write it. Ids are numbers in some dumps and strings in others.
const id = z.union([z.string().min(1), z.number()]).transform(String);

export const aifNodeSchema = z
  .object({
    nodeID: id,
    text: z.string().default(""),
    type: z.string().min(1),
    scheme: z.string().optional(),
    timestamp: z.string().optional(),
  })
  .passthrough();

export const aifEdgeSchema = z
  .object({
    edgeID: id.optional(),
    fromID: id,
    toID: id,
  })
  .passthrough();

export const aifSchema = z
  .object({
    nodes: z.array(aifNodeSchema),
    edges: z.array(aifEdgeSchema).default([]),
    locutions: z.array(z.unknown()).default([]),
    /** Not AIF: the map's title and question, which AIF has no place for (written by Claimboard, read if present). */
    claimboard: z.object({ title: z.string().optional(), question: z.string().optional() }).optional(),
  })
  .passthrough();

export type AifNode = z.infer<typeof aifNodeSchema>;
export type AifEdge = z.infer<typeof aifEdgeSchema>;
export type AifDocument = z.infer<typeof aifSchema>;

/** Plain AIF, or OVA's wrapper `{ "AIF": {…}, "OVA": {…layout} }` (also lower-case `aif`). */
export function unwrapAif(json: unknown): unknown {
  if (json && typeof json === "object" && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    if (o.AIF && typeof o.AIF === "object") return o.AIF;
    if (o.aif && typeof o.aif === "object") return o.aif;
  }
  return json;
}
