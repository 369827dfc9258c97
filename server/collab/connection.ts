import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import { WebSocket, type RawData } from "ws";
import { CloseCode } from "../../lib/collab/closeCodes";
import { MessageType } from "../../lib/collab/messageTypes";
import type { CollabConfig } from "./collabConfig";
import type { Room, RoomPeer } from "./room";
import { TokenBucket } from "./tokenBucket";
import { AwarenessIdentity, type PresenceIdentity } from "./awarenessIdentity";
import { deleteBeyondState } from "./deleteSetBounds";
import { sessionMessage, syncStep1Message, syncStep2Message, type SessionInfo } from "./syncMessages";

/** Thrown for frames that are not valid y-websocket messages; closes that socket only. */
class MalformedMessage extends Error {}

/** Frame bytes one socket may have handled before it yields the event loop (see yieldAfterLargeFrames). */
const FRAME_BYTES_PER_TURN = 32 * 1024;

/** App message types the server knows but does not take from clients (ignored, not fatal). */
const SERVER_ONLY_TYPES: ReadonlySet<number> = new Set([MessageType.session, MessageType.appEvent]);

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The y-websocket protocol for one socket: sync (step 1 → step 2; step 2 and updates are
 * applied unless the user is read-only), awareness, awareness queries. Frames that arrive
 * before the room has loaded are queued and handled in order once it has, so no client
 * ever syncs against an empty doc (which would make it re-send the initial content).
 */
export class Connection implements RoomPeer {
  readonly awarenessIds = new Set<number>();
  alive = true;
  private queue: Uint8Array[] | null = [];
  private readonly bucket: TokenBucket;
  private readonly updateBytes: TokenBucket;
  private readonly identity: AwarenessIdentity;
  private closed = false;
  private bytesThisTurn = 0;
  /** Extra send-buffer room granted to one oversized message (a big map's first sync). */
  private oversizeAllowance = 0;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly session: SessionInfo,
    private readonly config: CollabConfig,
    private readonly log: (line: string) => void,
    private readonly onClose: (connection: Connection) => void,
    presence: PresenceIdentity,
  ) {
    this.bucket = new TokenBucket(config.rateLimitPerSecond, config.rateLimitBurst);
    this.identity = new AwarenessIdentity(presence);
    this.updateBytes = new TokenBucket(config.updateBytesPerSecond, config.updateBytesBurst);
  }

  start(): void {
    this.ws.on("message", (data, isBinary) => this.onFrame(data, isBinary));
    this.ws.on("pong", () => (this.alive = true));
    this.ws.on("close", () => this.finish());
    this.ws.on("error", (error: Error & { code?: string }) => {
      // ws already closed the socket (with 4413 for oversized frames, see collabEndpoint).
      this.log(`collab: map ${this.room.mapId} user ${this.session.userId}: socket error ${error.code ?? ""} ${error.message}`);
    });
    this.room.addPeer(this);
    this.send(sessionMessage(this.session));
    this.room.ready.then(
      () => this.onRoomReady(),
      (error: Error) => {
        this.log(`collab: map ${this.room.mapId} could not be loaded: ${error.message.split("\n")[0]}`);
        this.close(CloseCode.serverRestarting, "map could not be loaded");
      },
    );
  }

  private onRoomReady(): void {
    if (this.closed) return;
    // Like y-websocket's server: our step 1 (the client answers with what we lack) and the
    // awareness of everyone present; the client's own step 1, usually queued by now, gets step 2.
    this.send(syncStep1Message(this.room.stateVector()));
    const awareness = this.room.awarenessSnapshot();
    if (awareness) this.send(awareness);
    const queued = this.queue ?? [];
    this.queue = null;
    for (const message of queued) {
      if (this.closed) return;
      this.handle(message);
    }
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    this.alive = true;
    if (!this.bucket.take()) return this.close(CloseCode.rateLimited, "too many messages");
    const bytes = toBytes(data);
    if (bytes.byteLength > this.config.maxMessageBytes) return this.close(CloseCode.tooLarge, "message too large");
    if (!isBinary) return this.reject(new MalformedMessage("text frame"));
    if (this.queue) {
      if (this.queue.length >= this.config.maxQueuedMessages) return this.close(CloseCode.rateLimited, "too many messages before the map loaded");
      this.queue.push(bytes);
      return;
    }
    this.handle(bytes);
    this.yieldAfterLargeFrames(bytes.byteLength);
  }

  /**
   * ws handles every frame of a read chunk in one go, so a socket sending large updates back
   * to back could hold the event loop for seconds (a flood of 37 KB frames of 2,000 items:
   * ~5 ms each). Past FRAME_BYTES_PER_TURN in one turn the socket stops reading until the
   * next turn: what the others send, /api/health included, gets its turn in between.
   */
  private yieldAfterLargeFrames(bytes: number): void {
    this.bytesThisTurn += bytes;
    if (this.bytesThisTurn < FRAME_BYTES_PER_TURN || this.closed) return;
    this.bytesThisTurn = 0;
    this.ws.pause();
    // Resumed even when the socket was closed meanwhile: the close handshake needs the
    // peer's close frame read (ws.resume() is a no-op once the socket is gone).
    setImmediate(() => this.ws.resume());
  }

  private handle(message: Uint8Array): void {
    try {
      this.dispatch(message);
    } catch (error) {
      this.reject(error);
    }
  }

  private dispatch(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        return this.onSync(decoder);
      case MessageType.awareness: {
        // Applied for read-only users too: presence is not an edit.
        const update = this.identity.filter(decoding.readVarUint8Array(decoder), this.room.awareness);
        if (!update) return;
        // Another socket of the same user may hold the id (a reconnect the server has not
        // noticed closing yet): the id is this socket's now, so that one's close keeps the state.
        const id = this.identity.clientId!;
        for (const peer of this.room.peers) if (peer !== this) peer.awarenessIds.delete(id);
        awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
        return;
      }
      case MessageType.queryAwareness: {
        const awareness = this.room.awarenessSnapshot();
        if (awareness) this.send(awareness);
        return;
      }
      default:
        if (SERVER_ONLY_TYPES.has(type)) return;
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  }

  private onSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      Y.decodeStateVector(payload);
      this.send(syncStep2Message(this.room.updateSince(payload)));
      return;
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      throw new MalformedMessage(`unknown sync step ${step}`);
    }
    // Read-only users' edits are dropped, silently: their client still syncs what others write.
    if (this.session.readOnly || this.room.frozen) return;
    // Decode fully before touching the room's doc: a truncated or garbage update throws
    // here, whereas applying it could fail half-way and leave the shared doc damaged.
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(payload);
    } catch (error) {
      throw new MalformedMessage(`undecodable Yjs update (${(error as Error).message})`);
    }
    // A step 2 from a client that has nothing new is empty: nothing to apply.
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    const beyond = decoded.ds.clients.size > 0 ? deleteBeyondState(decoded, Y.decodeStateVector(this.room.stateVector())) : null;
    if (beyond) {
      this.log(`collab: map ${this.room.mapId} user ${this.session.userId}: refused an update deleting client ${beyond.client} clock ${beyond.clock}, which the map does not have yet`);
      return this.close(CloseCode.malformed, "update deletes content the map does not have yet");
    }
    const refusal = this.room.budget.refusal(payload.byteLength, decoded.structs.length);
    if (refusal) {
      this.log(`collab: map ${this.room.mapId} user ${this.session.userId}: refused an update: ${refusal}`);
      return this.close(CloseCode.mapFull, `map is full: ${refusal}`);
    }
    if (!this.updateBytes.take(payload.byteLength)) return this.close(CloseCode.rateLimited, "too many changes per second");
    this.room.applyUpdate(payload, this, decoded);
  }

  private reject(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`collab: map ${this.room.mapId} user ${this.session.userId}: closing socket on a malformed message: ${message.split("\n")[0]}`);
    this.close(CloseCode.malformed, "malformed message");
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    // Bounded memory: a client that cannot keep up is dropped (it reconnects and resyncs)
    // instead of the server buffering an unbounded backlog for it. A message larger than the
    // limit itself (the first sync of a big map) widens the limit by its size until the buffer
    // drains, or such a map could never be opened.
    if (this.ws.bufferedAmount === 0) this.oversizeAllowance = 0;
    if (message.byteLength > this.config.maxBufferedBytes / 2) this.oversizeAllowance = Math.max(this.oversizeAllowance, message.byteLength);
    if (this.ws.bufferedAmount + message.byteLength > this.config.maxBufferedBytes + this.oversizeAllowance) {
      this.close(CloseCode.slowClient, "send buffer full");
      return;
    }
    this.ws.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.finish();
  }

  ping(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  /** Drops the socket outright (heartbeat timeout: the peer cannot receive a close frame anyway). */
  terminate(): void {
    this.ws.terminate();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = null;
    this.room.removePeer(this);
    this.onClose(this);
  }
}
