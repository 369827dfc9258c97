import type { IncomingMessage } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Database } from "../../lib/db/client";
import { CloseCode } from "../../lib/collab/closeCodes";
import { readCollabConfig, type CollabConfig } from "./collabConfig";
import { Connection } from "./connection";
import { RoomRegistry } from "./roomRegistry";
import { emptyPersistenceStats, type PersistenceStats } from "./roomPersistence";
import type { Room } from "./room";
import { authorizeUpgrade } from "./upgradeAuth";
import { UserConnectionLimit } from "./userConnectionLimit";
import type { CollabBus } from "./collabBus";
import { appEventAudience, mapEventSchema } from "../../lib/collab/mapEvents";
import { appEventMessage } from "./appEventMessage";
import { Heartbeat } from "./heartbeat";
import { presenceIdentity, type PresenceIdentity } from "./awarenessIdentity";

export interface CollabStats extends PersistenceStats {
  rooms: number;
  connections: number;
}

export interface CollabEndpoint {
  matches(req: IncomingMessage): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  shutdown(): Promise<void>;
  stats(): CollabStats;
}

const COLLAB_PREFIX = /^\/collab(?:\/|$)/;
const COLLAB_PATH = /^\/collab\/([^/?#]*)(?:[?#].*)?$/;

function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = reason + "\n";
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  // end() flushes the response; destroy soon after so a client that keeps the socket open does not hold it.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/**
 * The /collab/<mapId> WebSocket endpoint: authorizes the upgrade, then hands the socket to
 * the map's room. See DESIGN.md "Collaboration server".
 */
export function createCollabEndpoint(deps: {
  db: Database;
  config?: Partial<CollabConfig>;
  log?: (line: string) => void;
  /** Redis fan-out between instances (collabBus.ts); absent: this instance is alone. */
  bus?: CollabBus | null;
}): CollabEndpoint {
  const config: CollabConfig = { ...readCollabConfig(), ...deps.config };
  const log = deps.log ?? ((line: string) => console.log(line));
  const stats = emptyPersistenceStats();
  const connections = new Set<Connection>();
  const perUser = new UserConnectionLimit(config.maxConnectionsPerUser);
  let shuttingDown = false;

  const closeRoom = (room: Room, code: number, reason: string) => {
    for (const c of connections) if (c.room === room) c.close(code, reason);
  };
  const registry = new RoomRegistry(deps.db, config, stats, log, (room) => {
    closeRoom(room, CloseCode.mapDeleted, "map deleted");
    registry.discard(room);
  }, deps.bus ?? null);

  // ws enforces maxPayload while reading the frame header, before buffering the payload;
  // perMessageDeflate stays off so a small compressed frame cannot inflate past the cap.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false, clientTracking: false });

  const heartbeat = new Heartbeat<Connection>(config.heartbeatMs, (c) => {
    log(`collab: map ${c.room.mapId} user ${c.session.userId}: no pong, dropping the socket`);
    c.terminate();
  });
  heartbeat.start();

  // A role change or removal closes that user's sockets on this map (every instance gets the
  // event through the bus); the client reconnects and the upgrade re-authorizes it.
  const stopListening = deps.bus?.onEvent((mapId, raw) => {
    const event = mapEventSchema.safeParse(raw);
    if (!event.success) return;
    if (event.data.type === "access-changed") {
      for (const c of [...connections]) {
        if (c.room.mapId === mapId && c.session.userId === event.data.userId) c.close(CloseCode.accessChanged, "access changed");
      }
    } else if (event.data.type === "access-changed-all") {
      for (const c of [...connections]) if (c.room.mapId === mapId) c.close(CloseCode.accessChanged, "access changed");
    } else if (event.data.type === "map-deleted") {
      // The rows are gone: close the sockets (final code) and drop the room without writing.
      const room = registry.rooms.get(mapId);
      if (room) {
        closeRoom(room, CloseCode.mapDeleted, "map deleted");
        registry.discard(room);
      }
    }
    // Every other event is for the clients (comments, ratings…): forward it as a 102 message
    // to the map's sockets (read access suffices), or only to the users it is addressed to.
    const audience = appEventAudience(event.data);
    if (audience === "none") return;
    let message: Uint8Array | null = null;
    for (const c of connections) {
      if (c.room.mapId !== mapId) continue;
      if (audience !== "everyone" && !audience.userIds.includes(c.session.userId)) continue;
      message ??= appEventMessage(event.data);
      c.send(message);
    }
  });

  const accept = (ws: WebSocket, mapId: string, session: { userId: string; role: Connection["session"]["role"]; readOnly: boolean }, presence: PresenceIdentity) => {
    // ws closes oversized frames with 1009, which y-websocket treats as transient and would
    // retry forever with the same change; our clients understand 4413 (final, explained in the UI).
    const close = ws.close.bind(ws);
    ws.close = ((code?: number, reason?: string | Buffer) => close(code === 1009 ? CloseCode.tooLarge : code, reason)) as typeof ws.close;
    const room = registry.get(mapId);
    const connection = new Connection(ws, room, session, config, log, (c) => {
      connections.delete(c);
      heartbeat.remove(c);
      perUser.release(c.session.userId);
      registry.released(c.room);
    }, presence);
    connections.add(connection);
    heartbeat.add(connection);
    connection.start();
  };

  return {
    matches: (req) => COLLAB_PREFIX.test(req.url ?? ""),

    handleUpgrade(req, socket, head) {
      // Errors on the raw socket while we authorize (client went away) must not crash the process.
      const ignore = () => {};
      socket.on("error", ignore);
      if (shuttingDown) return refuse(socket, 503, "The server is restarting.");
      const match = COLLAB_PATH.exec(req.url ?? "");
      let rawId = match?.[1] ?? "";
      try {
        rawId = decodeURIComponent(rawId);
      } catch {
        rawId = "";
      }
      authorizeUpgrade(req, rawId, config.allowedOrigins)
        .then(async (decision) => {
          if (!decision.ok) return refuse(socket, decision.status, decision.reason);
          const presence = await presenceIdentity(decision.userId);
          if (socket.destroyed) return;
          if (shuttingDown) return refuse(socket, 503, "The server is restarting.");
          // Each socket costs memory and a room peer; one account opening hundreds is abuse.
          if (!perUser.tryReserve(decision.userId)) {
            log(`collab: user ${decision.userId}: over ${config.maxConnectionsPerUser} open sockets, upgrade refused`);
            return refuse(socket, 429, "Too many open connections for this account.");
          }
          // A handshake that fails (client gone) never calls back; the slot is returned on close.
          let accepted = false;
          socket.once("close", () => {
            if (!accepted) perUser.release(decision.userId);
          });
          wss.handleUpgrade(req, socket, head, (ws) => {
            accepted = true;
            socket.off("error", ignore);
            accept(ws, decision.mapId, { userId: decision.userId, role: decision.role, readOnly: decision.readOnly }, presence);
          });
        })
        .catch((error: Error) => {
          log(`collab: upgrade failed: ${error.message.split("\n")[0]}`);
          refuse(socket, 503, "The collaboration server could not check your access. Try again.");
        });
    },

    async shutdown() {
      if (shuttingDown) return;
      shuttingDown = true;
      heartbeat.stop();
      stopListening?.();
      const deadline = Date.now() + config.shutdownTimeoutMs;
      const rooms = [...registry.rooms.values()];
      // Stop accepting edits first: whatever a client sends from now on stays in its own
      // doc and is resent when it reconnects to the next server, so nothing is lost.
      for (const room of rooms) room.frozen = true;
      await registry.settle();
      await Promise.all(rooms.map((r) => (r.loaded ? r.drain({ deadline, compact: false, project: false }) : Promise.resolve(true))));
      // Only now, with the log durable, tell the clients to reconnect (to the next process).
      for (const c of [...connections]) c.close(CloseCode.serverRestarting, "server restarting");
      await Promise.all(rooms.map((r) => (r.loaded ? r.drain({ deadline, compact: true, project: true }) : Promise.resolve(true))));
      for (const room of rooms) registry.discard(room);
      wss.close();
      log(`collab: stopped; stats ${JSON.stringify(stats)}`);
    },

    stats: () => ({ ...stats, rooms: registry.rooms.size, connections: connections.size }),
  };
}
