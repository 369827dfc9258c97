import { describe, expect, it } from "vitest";
import { firstIssueMessage } from "@/lib/auth/credentialsSchema";
import { commentBodySchema, COMMENT_MAX_LENGTH } from "@/lib/comments/commentBody";
import { markReadSchema, newThreadSchema, threadStateSchema } from "@/lib/comments/commentRequests";

function error(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown): string {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a validation error");
  return firstIssueMessage(r.error as never);
}

describe("comment body", () => {
  it("trims and normalizes line ends", () => {
    expect(commentBodySchema.parse("  one\r\ntwo  ")).toBe("one\ntwo");
  });

  it("refuses empty, whitespace-only and too long bodies", () => {
    expect(error(commentBodySchema, "")).toBe("A comment cannot be empty.");
    expect(error(commentBodySchema, " \n\t ")).toBe("A comment cannot be empty.");
    expect(commentBodySchema.parse("x".repeat(COMMENT_MAX_LENGTH))).toHaveLength(COMMENT_MAX_LENGTH);
    expect(error(commentBodySchema, "x".repeat(COMMENT_MAX_LENGTH + 1))).toMatch(/at most 5000/);
    expect(error(commentBodySchema, 42)).toMatch(/body is required/);
  });

  it("refuses HTML tags and control characters but keeps ordinary < and >", () => {
    expect(error(commentBodySchema, "see <script>alert(1)</script>")).toMatch(/HTML tags are not allowed/);
    expect(error(commentBodySchema, '<img src=x onerror="x">')).toMatch(/HTML tags/);
    expect(error(commentBodySchema, "a\u0000b")).toMatch(/control characters/);
    expect(commentBodySchema.parse("if x < 3 and y > 2 -> fine")).toBe("if x < 3 and y > 2 -> fine");
    expect(commentBodySchema.parse("tab\there")).toBe("tab\there");
  });
});

describe("new thread request", () => {
  const selector = { exact: "cartels", prefix: "the ", suffix: " are", start: 4, end: 11 };

  it("accepts the three target kinds", () => {
    expect(newThreadSchema.safeParse({ target: { kind: "claim", claimId: "c1" }, body: "hi" }).success).toBe(true);
    expect(newThreadSchema.safeParse({ target: { kind: "citation", citationId: "x" }, body: "hi", mentions: ["u1"] }).success).toBe(true);
    expect(newThreadSchema.safeParse({ target: { kind: "passage", sourceId: "s", sourceVersion: 1, selector }, body: "hi" }).success).toBe(true);
  });

  it("explains a bad target", () => {
    expect(error(newThreadSchema, { target: { kind: "map" }, body: "hi" })).toMatch(/target.kind must be/);
    expect(error(newThreadSchema, { target: { kind: "claim" }, body: "hi" })).toBe("claimId is required.");
    expect(error(newThreadSchema, { target: { kind: "passage", sourceId: "s", sourceVersion: 1, selector: { ...selector, end: 12 } }, body: "hi" })).toMatch(
      /end - start must equal/,
    );
    expect(error(newThreadSchema, { target: { kind: "claim", claimId: "c" }, body: "hi", mentions: "bob" })).toMatch(/list of user ids/);
  });

  it("checks resolve and mark-read bodies", () => {
    expect(error(threadStateSchema, { resolved: "yes" })).toMatch(/resolved must be true/);
    expect(markReadSchema.safeParse({ all: true }).success).toBe(true);
    expect(markReadSchema.safeParse({ ids: ["n1"] }).success).toBe(true);
    expect(error(markReadSchema, {})).toMatch(/Send/);
  });
});
