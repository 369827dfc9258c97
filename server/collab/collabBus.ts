import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { busFrameSender, decodeBusFrame, encodeBusFrame, BusKind, type BusFrame, type BusMessage } from "./busMessages";
import { COLLAB_BUS_GLOBAL_KEY } from "../../lib/collab/mapEvents";

/**
 * Scale-out between server instances over Redis pub/sub (DESIGN.md "Scale-out"). One channel
 * per map (`claimboard:map:<mapId>`); an instance subscribes while it holds the map's room.
 * Frames are binary (busMessages.ts) and carry this instance's random id, so nobody applies
 * its own. Two connections: Redis puts a subscribing connection in a mode where it can only
 * (un)subscribe, so publishing and PUBSUB NUMSUB go through the other one.
 *
 * Redis down: nothing is queued (publishes are dropped and counted; the database plus the
 * resync below cover them, since every instance persists what it accepted from its own
 * clients), local clients keep being served, and the outage is logged once. ioredis
 * reconnects by itself; once both connections are back, every channel is re-subscribed and
 * every room re-runs the sync-step-1 exchange with its peers (`onReconnect`).
 *
 * App events (`publishEvent`/`onEvent`) ride the same channels: an event published for a map
 * reaches the handlers of this instance at once and those of every other instance that
 * holds the map's room. Without Redis the bus still works, locally.
 */
export interface CollabBus {
  readonly instanceId: string;
  readonly enabled: boolean;
  /** Subscribes to a map's channel (resolves once subscribed, or at once when Redis is down). */
  join(mapId: string, handler: ChannelHandler): Promise<MapChannel>;
  /**
   * Sends an application event (JSON-serialisable) to every instance holding the map's room,
   * this one included (its handlers run synchronously, before this returns).
   */
  publishEvent(mapId: string, event: unknown): void;
  /** Receives app events; returns the function that removes the handler. */
  onEvent(handler: BusEventHandler): () => void;
  status(): "ok" | "down" | "off";
  stats(): BusStats;
  close(): Promise<void>;
}

export type BusEventHandler = (mapId: string, event: unknown, from: "local" | "remote") => void;

export interface ChannelHandler {
  onFrame(frame: BusFrame): void;
  /** Redis came back after an outage (or the subscription was dropped): resynchronise. */
  onReconnect(): void;
}

export interface MapChannel {
  publish(message: BusMessage): void;
  /** Other instances subscribed to this map right now (0 when Redis is down or off). */
  peerCount(timeoutMs: number): Promise<number>;
  leave(): void;
}

export interface BusStats {
  published: number;
  dropped: number;
  received: number;
  malformed: number;
  reconnects: number;
}

export const mapChannel = (mapId: string) => `claimboard:map:${mapId}`;

const GLOBAL_KEY = COLLAB_BUS_GLOBAL_KEY;

/** The bus of this process (set by the server at start-up), for code outside server/collab. */
export function getCollabBus(): CollabBus | null {
  return ((globalThis as Record<string, unknown>)[GLOBAL_KEY] as CollabBus | undefined) ?? null;
}

/** Redacts the password of a redis:// URL for logs. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

export function createCollabBus(options: { url?: string; log?: (line: string) => void }): CollabBus {
  const log = options.log ?? ((line: string) => console.log(line));
  const instanceId = randomUUID();
  const eventHandlers = new Set<BusEventHandler>();
  const channels = new Map<string, { mapId: string; handler: ChannelHandler }>();
  const stats: BusStats = { published: 0, dropped: 0, received: 0, malformed: 0, reconnects: 0 };

  const deliverEvent = (mapId: string, event: unknown, from: "local" | "remote") => {
    for (const h of eventHandlers) {
      try {
        h(mapId, event, from);
      } catch (error) {
        log(`collab bus: an event handler failed: ${(error as Error).message}`);
      }
    }
  };
  const onEvent = (handler: BusEventHandler) => {
    eventHandlers.add(handler);
    return () => void eventHandlers.delete(handler);
  };

  if (!options.url) {
    const local: CollabBus = {
      instanceId,
      enabled: false,
      async join() {
        return { publish() {}, peerCount: async () => 0, leave() {} };
      },
      publishEvent: (mapId, event) => deliverEvent(mapId, JSON.parse(JSON.stringify(event ?? null)), "local"),
      onEvent,
      status: () => "off",
      stats: () => ({ ...stats }),
      async close() {},
    };
    (globalThis as Record<string, unknown>)[GLOBAL_KEY] = local;
    return local;
  }

  const url = options.url;
  const common = {
    // Never queue while disconnected: a command either goes out now or fails (and is dropped).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // A Redis that accepts the connection but stops answering must not hang a room's load.
    commandTimeout: 2_000,
    retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 5), 1_000),
  };
  const pub = new Redis(url, { ...common, connectionName: `claimboard-pub-${instanceId.slice(0, 8)}` });
  const sub = new Redis(url, { ...common, autoResubscribe: false, connectionName: `claimboard-sub-${instanceId.slice(0, 8)}` });

  let closed = false;
  let subscribed = false;
  let up = false;
  let everUp = false;
  let downLogged = false;

  const isUp = () => up && !closed;

  const wentDown = (why: string) => {
    const wasUp = up;
    up = false;
    if (closed) return;
    if (wasUp || (!everUp && !downLogged)) {
      downLogged = true;
      log(
        `collab bus: *** Redis ${describeUrl(url)} is unavailable (${why}). This instance keeps serving its own clients; ` +
          `edits from other instances arrive only after Redis is back (then every open map resynchronises). ***`,
      );
    }
  };

  const checkUp = () => {
    if (closed || up || pub.status !== "ready" || sub.status !== "ready" || !subscribed) return;
    up = true;
    if (!everUp) {
      everUp = true;
      if (downLogged) log(`collab bus: Redis ${describeUrl(url)} is reachable now; scale-out is active.`);
      else log(`collab bus: connected to Redis ${describeUrl(url)} (instance ${instanceId}).`);
      // Rooms that loaded while Redis was unreachable never exchanged state with their peers.
      if (downLogged) for (const { handler } of channels.values()) handler.onReconnect();
      downLogged = false;
      return;
    }
    downLogged = false;
    stats.reconnects++;
    log(`collab bus: Redis is back; resynchronising ${channels.size} open map(s).`);
    for (const { handler } of channels.values()) handler.onReconnect();
  };

  for (const [name, conn] of [["publisher", pub], ["subscriber", sub]] as const) {
    // ioredis emits an error per failed reconnect attempt: only the transition is logged.
    conn.on("error", (error: Error) => {
      if (conn.status !== "ready") wentDown(`${name}: ${error.message}`);
    });
    conn.on("close", () => {
      if (name === "subscriber") subscribed = false;
      wentDown(`${name} connection closed`);
    });
  }
  pub.on("ready", checkUp);
  sub.on("ready", () => {
    const names = [...channels.keys()];
    const done = names.length > 0 ? sub.subscribe(...names) : Promise.resolve();
    done.then(
      () => {
        subscribed = true;
        checkUp();
      },
      (error: Error) => wentDown(`subscribe: ${error.message}`),
    );
  });

  sub.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    const entry = channels.get(channel.toString());
    if (!entry) return;
    let frame: BusFrame;
    try {
      if (busFrameSender(message) === instanceId) return;
      frame = decodeBusFrame(message);
    } catch (error) {
      if (stats.malformed++ === 0) log(`collab bus: ignoring a malformed frame on ${channel.toString()} (${(error as Error).message}); further ones are only counted`);
      return;
    }
    stats.received++;
    if (frame.message.kind === BusKind.event) {
      let event: unknown;
      try {
        event = JSON.parse(frame.message.json);
      } catch {
        stats.malformed++;
        return;
      }
      deliverEvent(entry.mapId, event, "remote");
      return;
    }
    try {
      entry.handler.onFrame(frame);
    } catch (error) {
      if (stats.malformed++ === 0) log(`collab bus: a frame for map ${entry.mapId} could not be applied (${(error as Error).message}); further ones are only counted`);
    }
  });

  // Publishes awaiting Redis's reply. Bounded: a Redis that stalls with the connection still
  // open would otherwise let them (and their buffers) pile up until the command timeout.
  let inFlight = 0;
  const MAX_IN_FLIGHT = 10_000;
  const publish = (mapId: string, message: BusMessage) => {
    if (!isUp() || pub.status !== "ready" || inFlight >= MAX_IN_FLIGHT) {
      stats.dropped++;
      return;
    }
    stats.published++;
    inFlight++;
    pub.publish(mapChannel(mapId), encodeBusFrame(instanceId, message)).then(
      () => void inFlight--,
      () => {
        inFlight--;
        stats.dropped++;
      },
    );
  };

  const bus: CollabBus = {
    instanceId,
    enabled: true,

    async join(mapId, handler) {
      const channel = mapChannel(mapId);
      const entry = { mapId, handler };
      channels.set(channel, entry);
      if (sub.status === "ready") {
        // A failure here means the connection just dropped: the next "ready" subscribes it.
        await sub.subscribe(channel).catch(() => {});
      }
      return {
        publish: (message) => publish(mapId, message),
        async peerCount(timeoutMs) {
          if (!isUp()) return 0;
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(0), timeoutMs)));
          const ask = pub.pubsub("NUMSUB", channel).then(
            (reply) => Math.max(0, Number((reply as unknown[])[1] ?? 0) - 1),
            () => 0,
          );
          try {
            return await Promise.race([ask, timeout]);
          } finally {
            clearTimeout(timer);
          }
        },
        leave() {
          if (channels.get(channel) !== entry) return;
          channels.delete(channel);
          if (sub.status === "ready") sub.unsubscribe(channel).catch(() => {});
        },
      };
    },

    publishEvent(mapId, event) {
      const json = JSON.stringify(event ?? null);
      deliverEvent(mapId, JSON.parse(json), "local");
      publish(mapId, { kind: BusKind.event, json });
    },

    onEvent,
    status: () => (isUp() ? "ok" : "down"),
    stats: () => ({ ...stats }),

    async close() {
      if (closed) return;
      closed = true;
      up = false;
      channels.clear();
      await Promise.all([pub.quit().catch(() => pub.disconnect()), sub.quit().catch(() => sub.disconnect())]);
    },
  };
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = bus;
  return bus;
}
