import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { PRESENCE_COLORS, userColor, userInitials } from "../../../lib/collab/userColor";
import { presenceFromStates } from "../../../lib/collab/presenceStates";
import { readSessionMessage } from "../../../lib/collab/sessionMessage";
import { base64ToBytes, bytesToBase64 } from "../../../lib/collab/base64";
import { MessageType } from "../../../lib/collab/messageTypes";

describe("user colours and initials", () => {
  it("derives the same palette colour from the same id", () => {
    expect(userColor("user-1")).toBe(userColor("user-1"));
    expect(PRESENCE_COLORS).toContain(userColor("anything"));
    const colours = new Set(Array.from({ length: 50 }, (_, i) => userColor(`u${i}`)));
    expect(colours.size).toBeGreaterThan(6);
  });

  it("makes initials", () => {
    expect(userInitials("Demo Debater")).toBe("DD");
    expect(userInitials("eve")).toBe("EV");
    expect(userInitials("Ana María de la Cruz")).toBe("AC");
    expect(userInitials("  ")).toBe("?");
    expect(userInitials("jo.smith@example.com")).toBe("JS");
  });
});

describe("presence from awareness states", () => {
  const state = (id: string, name: string, editing: string | null, color = "#2d5bd1") => ({ user: { id, name, color }, editing });

  it("lists each user once, self first, and who edits what (others only)", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, state("me", "Me Myself", "c1")],
      [2, state("bob", "Bob", "c1", "#1f7a44")],
      [3, state("bob", "Bob", "c2", "#1f7a44")],
      [4, state("al", "Al", null)],
      [5, { garbage: true }],
    ]);
    const p = presenceFromStates(states, 1);
    expect(p.people.map((x) => x.id)).toEqual(["me", "al", "bob"]);
    expect(p.people[0].isSelf).toBe(true);
    expect(p.people.find((x) => x.id === "bob")!.editing).toEqual(["c1", "c2"]);
    expect(p.editingBy).toEqual({ c1: [{ name: "Bob", color: "#1f7a44" }], c2: [{ name: "Bob", color: "#1f7a44" }] });
  });

  it("shows the same user's other tab as editing", () => {
    const p = presenceFromStates(new Map([[1, state("me", "Me", null)], [2, state("me", "Me", "c9")]]), 1);
    expect(p.people).toHaveLength(1);
    expect(p.editingBy.c9).toHaveLength(1);
  });

  it("neutralises colours that are not hex", () => {
    const p = presenceFromStates(new Map([[7, state("x", "X", null, "red;background:url(x)")]]), 1);
    expect(p.people[0].color).toBe("#5b6470");
  });
});

describe("session message and base64", () => {
  it("reads the session message payload", () => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.session);
    encoding.writeVarString(enc, JSON.stringify({ role: "viewer", readOnly: true, userId: "u1" }));
    const dec = decoding.createDecoder(encoding.toUint8Array(enc));
    expect(decoding.readVarUint(dec)).toBe(MessageType.session);
    expect(readSessionMessage(dec)).toEqual({ role: "viewer", readOnly: true, userId: "u1" });
  });

  it("rejects malformed session payloads", () => {
    for (const payload of ["not json", JSON.stringify({ role: "god", readOnly: false, userId: "u" }), JSON.stringify({ role: "editor" })]) {
      const enc = encoding.createEncoder();
      encoding.writeVarString(enc, payload);
      expect(readSessionMessage(decoding.createDecoder(encoding.toUint8Array(enc)))).toBeNull();
    }
    expect(readSessionMessage(decoding.createDecoder(new Uint8Array([])))).toBeNull();
  });

  it("round-trips bytes through base64", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(new Uint8Array([]))).toBe("");
  });
});
