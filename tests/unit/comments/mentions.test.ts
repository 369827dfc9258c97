import { describe, expect, it } from "vitest";
import { findMentionedMembers, mentionQueryAt } from "@/lib/comments/mentions";

const members = [
  { userId: "ann", name: "Ann" },
  { userId: "annlee", name: "Ann Lee" },
  { userId: "bob", name: "Bob" },
  { userId: "zoe", name: "Zoë Ortiz" },
];

describe("findMentionedMembers", () => {
  it("finds @Name mentions in order of appearance, once each", () => {
    expect(findMentionedMembers("@Bob what do you think? cc @Ann and @bob again", members)).toEqual(["bob", "ann"]);
  });

  it("prefers the longest name at a position", () => {
    expect(findMentionedMembers("ask @Ann Lee", members)).toEqual(["annlee"]);
    expect(findMentionedMembers("ask @Ann Lee and @Ann", members)).toEqual(["annlee", "ann"]);
  });

  it("matches whole names only, case-insensitively, with non-ASCII letters", () => {
    expect(findMentionedMembers("@Anne is not a member", members)).toEqual([]);
    expect(findMentionedMembers("mail me at bob@bob.com", members)).toEqual([]);
    expect(findMentionedMembers("@ZOË ORTIZ, see this", members)).toEqual(["zoe"]);
    expect(findMentionedMembers("(@Bob)", members)).toEqual(["bob"]);
  });

  it("finds nothing without an @ or with no members", () => {
    expect(findMentionedMembers("Bob and Ann", members)).toEqual([]);
    expect(findMentionedMembers("@Bob", [])).toEqual([]);
  });
});

describe("mentionQueryAt", () => {
  it("returns the partial name being typed after @", () => {
    expect(mentionQueryAt("hello @Bo", 9)).toEqual({ start: 6, query: "Bo" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("hi @Ann L", 9)).toEqual({ start: 3, query: "Ann L" });
  });

  it("is null outside a mention", () => {
    expect(mentionQueryAt("hello Bo", 8)).toBeNull();
    expect(mentionQueryAt("bob@bo", 6)).toBeNull();
    expect(mentionQueryAt("@Bob\nnext", 9)).toBeNull();
  });
});
