import { closeReason, isFinalCloseCode } from "./closeCodes";

// The sync status the map page shows, as a pure reducer over what the socket and the
// document report. Kept free of Yjs and the DOM so its rules are unit-tested.

export type SyncStatus = "connecting" | "connected" | "offline" | "closed";

export interface ConnectionState {
  status: SyncStatus;
  /** Local document updates made since the last completed sync with the server. */
  unsentChanges: number;
  /** What the UI says about the last server close, if the code means something. */
  closeReason: string | null;
  closeCode: number | null;
  /** From the server's session message; null until it arrives. */
  serverReadOnly: boolean | null;
  serverRole: string | null;
  /** Whether any attempt has failed since the last successful sync. */
  failedSinceSync: boolean;
}

export type ConnectionEvent =
  | { type: "connecting" }
  | { type: "open" }
  | { type: "synced" }
  /** The socket closed; code null when the client closed it itself. */
  | { type: "close"; code: number | null }
  | { type: "local-update"; count?: number }
  | { type: "session"; role: string; readOnly: boolean }
  | { type: "network"; online: boolean };

export const initialConnectionState: ConnectionState = {
  status: "connecting",
  unsentChanges: 0,
  closeReason: null,
  closeCode: null,
  serverReadOnly: null,
  serverRole: null,
  failedSinceSync: false,
};

export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "connecting":
    case "open":
      if (state.status === "closed") return state;
      // A retry after a failure stays "offline" until it actually syncs, so the status
      // does not flicker between Offline and Connecting on every back-off attempt.
      return { ...state, status: state.failedSinceSync ? "offline" : "connecting" };
    case "synced":
      if (state.status === "closed") return state;
      return { ...state, status: "connected", unsentChanges: 0, closeReason: null, closeCode: null, failedSinceSync: false };
    case "close": {
      if (state.status === "closed") return state;
      const code = event.code;
      if (code !== null && isFinalCloseCode(code)) {
        return {
          ...state,
          status: "closed",
          closeCode: code,
          closeReason: closeReason(code) ?? `The server closed the connection (code ${code}).`,
          failedSinceSync: true,
        };
      }
      const reason = code === null ? undefined : closeReason(code);
      return {
        ...state,
        status: "offline",
        closeCode: reason ? code : state.closeCode,
        closeReason: reason ?? state.closeReason,
        failedSinceSync: true,
      };
    }
    case "local-update":
      if (state.status === "connected") return state;
      return { ...state, unsentChanges: state.unsentChanges + (event.count ?? 1) };
    case "session":
      return { ...state, serverRole: event.role, serverReadOnly: event.readOnly };
    case "network":
      if (state.status === "closed") return state;
      if (!event.online) return { ...state, status: "offline", failedSinceSync: true };
      return state;
  }
}

/** The toolbar's words for a state. */
export function describeSyncStatus(state: Pick<ConnectionState, "status" | "unsentChanges" | "closeReason">): string {
  switch (state.status) {
    case "connected":
      return "Connected";
    case "connecting":
      return "Connecting…";
    case "offline": {
      const n = state.unsentChanges;
      const changes = n === 0 ? "no unsent changes" : n === 1 ? "1 unsent change" : `${n} unsent changes`;
      return `Offline — ${changes}`;
    }
    case "closed":
      return state.closeReason ?? "Disconnected";
  }
}
