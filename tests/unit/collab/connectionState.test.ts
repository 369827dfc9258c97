import { describe, expect, it } from "vitest";
import { CloseCode, closeReason } from "../../../lib/collab/closeCodes";
import {
  connectionReducer,
  describeSyncStatus,
  initialConnectionState,
  type ConnectionEvent,
  type ConnectionState,
} from "../../../lib/collab/connectionState";

const run = (events: ConnectionEvent[], from: ConnectionState = initialConnectionState) => events.reduce(connectionReducer, from);

describe("sync status", () => {
  it("starts connecting and is connected once synced", () => {
    expect(run([]).status).toBe("connecting");
    expect(run([{ type: "connecting" }, { type: "open" }]).status).toBe("connecting");
    expect(run([{ type: "connecting" }, { type: "open" }, { type: "synced" }]).status).toBe("connected");
  });

  it("goes offline when an attempt fails and stays offline while retrying", () => {
    const s = run([{ type: "connecting" }, { type: "close", code: 1006 }, { type: "connecting" }]);
    expect(s.status).toBe("offline");
    expect(run([{ type: "open" }], s).status).toBe("offline");
    expect(run([{ type: "open" }, { type: "synced" }], s).status).toBe("connected");
  });

  it("counts local updates made while not synced and resets on sync", () => {
    let s = run([{ type: "close", code: 1006 }, { type: "local-update" }, { type: "local-update" }]);
    expect(s.unsentChanges).toBe(2);
    expect(describeSyncStatus(s)).toBe("Offline — 2 unsent changes");
    s = run([{ type: "open" }, { type: "local-update" }], s);
    expect(s.unsentChanges).toBe(3);
    s = run([{ type: "synced" }, { type: "local-update" }], s);
    expect(s.unsentChanges).toBe(0);
    expect(describeSyncStatus(s)).toBe("Connected");
  });

  it("counts edits made before the first sync (the server never answered)", () => {
    const s = run([{ type: "connecting" }, { type: "local-update" }]);
    expect(s.unsentChanges).toBe(1);
  });

  it("says singular and zero right", () => {
    const offline = run([{ type: "close", code: 1006 }]);
    expect(describeSyncStatus(offline)).toBe("Offline — no unsent changes");
    expect(describeSyncStatus(run([{ type: "local-update" }], offline))).toBe("Offline — 1 unsent change");
  });

  it("keeps the reason for a transient server close while offline", () => {
    const s = run([{ type: "synced" }, { type: "close", code: CloseCode.serverRestarting }, { type: "connecting" }]);
    expect(s.status).toBe("offline");
    expect(s.closeReason).toBe(closeReason(CloseCode.serverRestarting));
    expect(run([{ type: "synced" }], s).closeReason).toBeNull();
  });

  it("is closed for good on a final code, with its reason", () => {
    const s = run([{ type: "synced" }, { type: "close", code: CloseCode.forbidden }]);
    expect(s.status).toBe("closed");
    expect(describeSyncStatus(s)).toBe("You no longer have access to this map.");
    // Nothing revives it: later events from the provider are ignored.
    expect(run([{ type: "connecting" }, { type: "synced" }, { type: "network", online: false }], s).status).toBe("closed");
    // Edits made after the close still count as unsent.
    expect(run([{ type: "local-update" }], s).unsentChanges).toBe(1);
  });

  it("stops on a full map and says why, rather than reconnecting", () => {
    const s = run([{ type: "synced" }, { type: "close", code: CloseCode.mapFull }]);
    expect(s.status).toBe("closed");
    expect(describeSyncStatus(s)).toMatch(/reached its size limit/);
  });

  it("describes an unknown final code", () => {
    const s = run([{ type: "close", code: 4499 }]);
    expect(s.status).toBe("closed");
    expect(s.closeReason).toMatch(/4499/);
  });

  it("records the server's session and goes offline when the browser does", () => {
    const s = run([{ type: "session", role: "viewer", readOnly: true }, { type: "synced" }, { type: "network", online: false }]);
    expect(s.serverReadOnly).toBe(true);
    expect(s.serverRole).toBe("viewer");
    expect(s.status).toBe("offline");
  });

  it("returns the same object when nothing changes", () => {
    const connected = run([{ type: "synced" }]);
    expect(connectionReducer(connected, { type: "local-update" })).toBe(connected);
  });
});
