import { describe, expect, it } from "vitest";
import { can, higherRole, type MapAction, type Role, type TeamAction } from "../../../lib/auth/policy";

// Every cell of the access model, written out: a change to a rule must change this table.
// Columns: no role (signed in, not a member), viewer, commenter, editor, owner.
const COLUMNS = [null, "viewer", "commenter", "editor", "owner"] as const satisfies readonly (Role | null)[];
type Row = readonly [boolean, boolean, boolean, boolean, boolean];
const ___ = false;
const YES = true;

const MAP_TABLE: Record<MapAction, Row> = {
  "map.read": [___, YES, YES, YES, YES],
  "map.export": [___, YES, YES, YES, YES],
  "map.brief": [___, YES, YES, YES, YES],
  "map.comment": [___, ___, YES, YES, YES],
  "map.rate": [___, ___, YES, YES, YES],
  "map.edit": [___, ___, ___, YES, YES],
  "map.addSource": [___, ___, ___, YES, YES],
  "map.addSourceVersion": [___, ___, ___, YES, YES],
  "map.importAnnotations": [___, ___, ___, YES, YES],
  "map.share": [___, ___, ___, ___, YES],
  "map.invite": [___, ___, ___, ___, YES],
  "map.move": [___, ___, ___, ___, YES],
  "map.delete": [___, ___, ___, ___, YES],
  "map.audit": [___, ___, ___, ___, YES],
  "map.seeEmails": [___, ___, ___, ___, YES],
};

const TEAM_TABLE: Record<TeamAction, Row> = {
  "team.read": [___, YES, YES, YES, YES],
  "team.createMap": [___, ___, ___, YES, YES],
  "team.manage": [___, ___, ___, ___, YES],
  "team.invite": [___, ___, ___, ___, YES],
  "team.audit": [___, ___, ___, ___, YES],
  "team.transfer": [___, ___, ___, ___, YES],
  "team.seeEmails": [___, ___, ___, ___, YES],
  // Removing someone else; leaving is below.
  "team.removeMember": [___, ___, ___, ___, YES],
};

const me = { id: "me" };

describe("policy: map actions × effective role", () => {
  for (const [action, row] of Object.entries(MAP_TABLE) as [MapAction, Row][]) {
    it(action, () => {
      COLUMNS.forEach((role, i) => expect(can(me, action, { kind: "map", role }), `${action} as ${role ?? "non-member"}`).toBe(row[i]));
      expect(can(null, action, { kind: "map", role: "owner" }), `${action} signed out`).toBe(false);
    });
  }
});

describe("policy: team actions × team role", () => {
  for (const [action, row] of Object.entries(TEAM_TABLE) as [TeamAction, Row][]) {
    it(action, () => {
      COLUMNS.forEach((role, i) => expect(can(me, action, { kind: "team", role, memberId: "someone-else" }), `${action} as ${role ?? "non-member"}`).toBe(row[i]));
      expect(can(null, action, { kind: "team", role: "owner" }), `${action} signed out`).toBe(false);
    });
  }

  it("team.removeMember of oneself (leaving): any member", () => {
    const row: Row = [___, YES, YES, YES, YES];
    COLUMNS.forEach((role, i) => expect(can(me, "team.removeMember", { kind: "team", role, memberId: me.id }), `leave as ${role ?? "non-member"}`).toBe(row[i]));
  });
});

describe("policy: comments × role on the map × author", () => {
  const TABLE: Record<"comment.edit" | "comment.delete", { own: Row; others: Row }> = {
    "comment.edit": { own: [___, ___, YES, YES, YES], others: [___, ___, ___, ___, ___] },
    "comment.delete": { own: [___, ___, YES, YES, YES], others: [___, ___, ___, ___, YES] },
  };
  for (const [action, { own, others }] of Object.entries(TABLE) as ["comment.edit" | "comment.delete", { own: Row; others: Row }][]) {
    it(action, () => {
      COLUMNS.forEach((role, i) => {
        expect(can(me, action, { kind: "comment", role, authorId: me.id }), `${action} own as ${role ?? "non-member"}`).toBe(own[i]);
        expect(can(me, action, { kind: "comment", role, authorId: "someone-else" }), `${action} others' as ${role ?? "non-member"}`).toBe(others[i]);
        // A comment whose author's account is gone is nobody's own.
        expect(can(me, action, { kind: "comment", role, authorId: null }), `${action} authorless as ${role ?? "non-member"}`).toBe(others[i]);
      });
      expect(can(null, action, { kind: "comment", role: "owner", authorId: me.id })).toBe(false);
    });
  }
});

describe("policy: someone else's membership × their role", () => {
  const TARGETS = ["viewer", "commenter", "editor", "owner"] as const;
  it("membership.change: every role but an owner's", () => {
    const row = [YES, YES, YES, ___];
    TARGETS.forEach((role, i) => expect(can(me, "membership.change", { kind: "membership", role }), role).toBe(row[i]));
  });
  it("membership.remove: anyone but the last owner", () => {
    const lastOwner = [YES, YES, YES, ___];
    const oneOfTwoOwners = [YES, YES, YES, YES];
    TARGETS.forEach((role, i) => {
      expect(can(me, "membership.remove", { kind: "membership", role, owners: 1 }), `${role}, one owner`).toBe(lastOwner[i]);
      expect(can(me, "membership.remove", { kind: "membership", role, owners: 2 }), `${role}, two owners`).toBe(oneOfTwoOwners[i]);
    });
  });
});

describe("policy: accepting an invite × current role × granted role", () => {
  it("is used only when it grants more than the user has", () => {
    // Rows: current role (none, viewer … owner); columns: granted viewer, commenter, editor.
    const GRANTS = ["viewer", "commenter", "editor"] as const;
    const TABLE: Row[] = [
      [YES, YES, YES, ___, ___],
      [___, YES, YES, ___, ___],
      [___, ___, YES, ___, ___],
      [___, ___, ___, ___, ___],
      [___, ___, ___, ___, ___],
    ];
    COLUMNS.forEach((role, r) =>
      GRANTS.forEach((grants, g) => expect(can(me, "invite.accept", { kind: "invite", role, grants }), `${role ?? "none"} + ${grants}`).toBe(TABLE[r][g])),
    );
  });
});

describe("policy: account actions", () => {
  it("need only a signed-in user", () => {
    for (const action of ["map.create", "map.import", "team.create"] as const) {
      expect(can(me, action, { kind: "account" })).toBe(true);
      expect(can(null, action, { kind: "account" })).toBe(false);
    }
  });
});

describe("policy: the effective role", () => {
  it("is the higher of the direct share and the team role", () => {
    expect(higherRole("viewer", "editor")).toBe("editor");
    expect(higherRole("owner", "commenter")).toBe("owner");
    expect(higherRole(null, "viewer")).toBe("viewer");
    expect(higherRole("commenter", undefined)).toBe("commenter");
    expect(higherRole(null, null)).toBeNull();
  });
});
