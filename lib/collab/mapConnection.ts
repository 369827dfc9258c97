import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import type { Awareness } from "y-protocols/awareness";
import * as decoding from "lib0/decoding";
import type * as encoding from "lib0/encoding";
import { citationsMap, claimsMap } from "../argument/claimSchema";
import { base64ToBytes } from "./base64";
import { connectionReducer, initialConnectionState, type ConnectionEvent, type ConnectionState } from "./connectionState";
import { MessageType } from "./messageTypes";
import { parseAppEvent, type MapEvent } from "./mapEvents";
import { readSessionMessage } from "./sessionMessage";
import { userColor } from "./userColor";

// The browser side of one open map: the Y.Doc, its offline copy in IndexedDB, the
// WebSocket to the collaboration server, and a small store the UI subscribes to.
// Framework-free; React reads it through components/map/useMapConnection.

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** The awareness state every client publishes. */
export interface PresenceState {
  user: PresenceUser;
  /** The claim this client has open in its editor. */
  editing: string | null;
}

export interface MapConnectionOptions {
  mapId: string;
  /** `color`: the profile's avatar colour (#rrggbb); null = derived from the id. */
  user: { id: string; name: string; color?: string | null };
  /** The server's document state at page render, base64-encoded. */
  initialState: string;
  /** The role the page was authorized with; the socket's session message (the server's word, on every (re)connect) replaces it. */
  role: string;
  readOnly: boolean;
}

export interface MapConnectionSnapshot extends ConnectionState {
  /** True when edits are refused: the page's role until the socket's session message, then the server's (which may widen it after a promotion). */
  readOnly: boolean;
  role: string;
  awareness: Awareness | null;
  /** True once IndexedDB has been read (offline edits from earlier visits are in). */
  restoredLocal: boolean;
}

type Listener = () => void;

type MessageHandler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

export function collabServerUrl(loc: Pick<Location, "protocol" | "host">): string {
  return `${loc.protocol === "https:" ? "wss" : "ws"}://${loc.host}/collab`;
}

export function offlineStoreName(mapId: string, userId: string): string {
  return `claimboard:${mapId}:${userId}`;
}

export class MapConnection {
  readonly doc: Y.Doc;
  /** Origin of every structural change this user makes; the undo manager tracks only it. */
  readonly localOrigin: { readonly kind: "claimboard-local"; readonly clientID: number };
  readonly undoManager: Y.UndoManager;
  readonly user: PresenceUser;

  private readonly options: MapConnectionOptions;
  private state: ConnectionState = initialConnectionState;
  private snapshot: MapConnectionSnapshot;
  private listeners = new Set<Listener>();
  private appEventListeners = new Set<(event: MapEvent) => void>();
  private provider: WebsocketProvider | null = null;
  private persistence: IndexeddbPersistence | null = null;
  private restoredLocal = false;
  private teardown: (() => void)[] = [];

  constructor(options: MapConnectionOptions) {
    this.options = options;
    this.doc = new Y.Doc();
    if (options.initialState) Y.applyUpdate(this.doc, base64ToBytes(options.initialState), "initial-state");
    this.localOrigin = { kind: "claimboard-local", clientID: this.doc.clientID };
    this.undoManager = new Y.UndoManager([claimsMap(this.doc), citationsMap(this.doc)], {
      trackedOrigins: new Set([this.localOrigin]),
      captureTimeout: 0,
    });
    this.user = { id: options.user.id, name: options.user.name, color: options.user.color ?? userColor(options.user.id) };
    this.snapshot = this.makeSnapshot();
  }

  // ---- store -------------------------------------------------------------------------

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MapConnectionSnapshot => this.snapshot;

  private makeSnapshot(): MapConnectionSnapshot {
    return {
      ...this.state,
      readOnly: this.state.serverReadOnly ?? this.options.readOnly,
      role: this.state.serverRole ?? this.options.role,
      awareness: this.provider?.awareness ?? null,
      restoredLocal: this.restoredLocal,
    };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }

  dispatch(event: ConnectionEvent): void {
    const next = connectionReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    this.emit();
  }

  /** The object CollaborationCaret expects as its provider (it only uses `.awareness`). */
  get caretProvider(): { awareness: Awareness } | null {
    return this.provider ? { awareness: this.provider.awareness } : null;
  }

  /** Publishes which claim this client is editing (null: none). */
  setEditing(claimId: string | null): void {
    const awareness = this.provider?.awareness;
    if (!awareness) return;
    if ((awareness.getLocalState() as Partial<PresenceState> | null)?.editing === claimId) return;
    awareness.setLocalStateField("editing", claimId);
  }

  /** Hears the server's app events for this map (type 102); returns the unsubscribe. */
  onAppEvent(listener: (event: MapEvent) => void): () => void {
    this.appEventListeners.add(listener);
    return () => this.appEventListeners.delete(listener);
  }

  // ---- lifecycle (browser only) ---------------------------------------------------------

  /** Opens IndexedDB and the socket. Idempotent; `stop` undoes it (React StrictMode runs both). */
  start(): void {
    if (this.provider || typeof window === "undefined") return;
    const { mapId, user } = this.options;

    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.persistence || origin === "initial-state") return;
      this.dispatch({ type: "local-update" });
    };
    this.doc.on("update", onUpdate);
    this.teardown.push(() => this.doc.off("update", onUpdate));

    // Offline copy: edits made while the server is unreachable survive a reload. Whatever it
    // holds beyond the server's state at render time was never received by the server.
    if (typeof indexedDB !== "undefined") {
      const before = Y.snapshot(this.doc);
      const persistence = new IndexeddbPersistence(offlineStoreName(mapId, user.id), this.doc);
      this.persistence = persistence;
      persistence.whenSynced
        .then(() => {
          if (this.persistence !== persistence) return;
          this.restoredLocal = true;
          if (!Y.equalSnapshots(before, Y.snapshot(this.doc)) && this.state.status !== "connected") {
            this.dispatch({ type: "local-update" });
          } else this.emit();
        })
        .catch(() => {
          /* private mode or storage full: the page still works online */
        });
    }

    const provider = new WebsocketProvider(collabServerUrl(window.location), mapId, this.doc, { connect: false });
    this.provider = provider;
    const handlers = provider.messageHandlers as unknown as MessageHandler[];
    handlers[MessageType.session] = (_encoder, decoder) => {
      const session = readSessionMessage(decoder);
      if (session) this.dispatch({ type: "session", role: session.role, readOnly: session.readOnly });
    };
    // App events (comments, ratings…): unknown or malformed ones are dropped, not logged.
    handlers[MessageType.appEvent] = (_encoder, decoder) => {
      const event = parseAppEvent(decoding.readVarString(decoder));
      if (event) for (const listener of [...this.appEventListeners]) listener(event);
    };

    provider.on("status", ({ status }) => {
      if (status === "connecting") this.dispatch({ type: "connecting" });
      else if (status === "connected") this.dispatch({ type: "open" });
    });
    provider.on("sync", (synced: boolean) => {
      if (synced) this.dispatch({ type: "synced" });
    });
    provider.on("connection-close", (event: CloseEvent | null) => {
      this.dispatch({ type: "close", code: event ? event.code : null });
    });
    provider.on("closed", ({ code }: { code: number }) => {
      this.dispatch({ type: "close", code });
    });

    const awareness = provider.awareness;
    awareness.setLocalState({ user: this.user, editing: null } satisfies PresenceState);

    const onOnline = () => this.dispatch({ type: "network", online: true });
    const onOffline = () => this.dispatch({ type: "network", online: false });
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    this.teardown.push(() => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    });
    if (navigator.onLine === false) onOffline();

    provider.connect();
    this.emit();
  }

  stop(): void {
    for (const fn of this.teardown.splice(0)) fn();
    const provider = this.provider;
    this.provider = null;
    if (provider) {
      provider.awareness.setLocalState(null);
      provider.destroy();
      provider.awareness.destroy();
    }
    const persistence = this.persistence;
    this.persistence = null;
    void persistence?.destroy();
    this.emit();
  }
}
