import { z } from "zod";
import { citationSelectorSchema } from "../citations/textSelectors";
import { commentBodySchema } from "./commentBody";

const id = (what: string) => z.string({ message: `${what} is required.` }).min(1, `${what} is required.`).max(200, `${what} is too long.`);

/** Structured mentions (user ids picked from the autocomplete); each must be a map member. */
const mentionsSchema = z.array(id("A mentioned user id"), { message: "mentions must be a list of user ids." }).max(50, "At most 50 mentions per comment.").optional();

/** What a thread is about: a claim, an evidence card, or a passage of a source version. */
export const threadTargetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("claim"), claimId: id("claimId") }),
    z.object({ kind: z.literal("citation"), citationId: id("citationId") }),
    z.object({
      kind: z.literal("passage"),
      sourceId: id("sourceId"),
      sourceVersion: z.number({ message: "sourceVersion is required." }).int().min(1),
      selector: citationSelectorSchema,
    }),
  ],
  { message: 'target.kind must be "claim", "citation" or "passage".' },
);

export type ThreadTargetInput = z.infer<typeof threadTargetSchema>;

export const newThreadSchema = z.object({
  target: threadTargetSchema,
  body: commentBodySchema,
  mentions: mentionsSchema,
});

export const commentTextSchema = z.object({
  body: commentBodySchema,
  mentions: mentionsSchema,
});

export const threadStateSchema = z.object({
  resolved: z.boolean({ message: "resolved must be true (resolve) or false (reopen)." }),
});

export const threadListQuerySchema = z.object({
  status: z.enum(["open", "all"], { message: 'status must be "open" or "all".' }).default("open"),
  claimId: z.string().max(200).optional(),
  citationId: z.string().max(200).optional(),
  sourceId: z.string().max(200).optional(),
});

export const markReadSchema = z.union(
  [z.object({ ids: z.array(id("A notification id")).min(1).max(500) }), z.object({ all: z.literal(true) })],
  { message: 'Send {"ids": [...]} or {"all": true}.' },
);
