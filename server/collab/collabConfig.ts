import { z } from "zod";

/** Tunables of the collaboration server; every one has an env override for ops and tests. */
export interface CollabConfig {
  /** Largest accepted frame; bigger frames close the socket with CloseCode.tooLarge. */
  maxMessageBytes: number;
  /** Token bucket per socket: sustained messages per second and burst size. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** Open sockets one user may hold on this instance (all maps); more upgrades get HTTP 429. 0: no limit. */
  maxConnectionsPerUser: number;
  /** A socket whose unsent data exceeds this is closed (CloseCode.slowClient). */
  maxBufferedBytes: number;
  /** Messages a socket may send before its room has loaded; more is a misbehaving client. */
  maxQueuedMessages: number;
  heartbeatMs: number;
  /** How long a room without sockets stays in memory. */
  idleUnloadMs: number;
  /** Per room: delay after the first pending update before it joins the next log write (≤ 100 ms). */
  flushDelayMs: number;
  /** Per process: log writes (one statement for all rooms) start at most this often (logGroupCommit.ts). */
  logWriteIntervalMs: number;
  /** Retry backoff for failed log writes (doubles up to the max). */
  flushRetryMinMs: number;
  flushRetryMaxMs: number;
  compactIdleMs: number;
  compactMaxDelayMs: number;
  /** Compact right away once this many log rows are pending for a map. */
  compactMaxRows: number;
  projectionIdleMs: number;
  projectionMaxDelayMs: number;
  /** A room with sockets but no edit for this long keeps only its encoded state (room.ts); 0: never. */
  hibernateAfterMs: number;
  /** Larger docs stay awake (rebuilding them would block the event loop). */
  hibernateMaxBytes: number;
  /** Per map: growth past these is refused with CloseCode.mapFull (documentLimits.ts). */
  maxDocBytes: number;
  maxDocItems: number;
  /** Per socket: bytes of document updates per second (sustained, burst); more closes with CloseCode.rateLimited. */
  updateBytesPerSecond: number;
  updateBytesBurst: number;
  /** Minimum gap between awareness broadcasts of a room. */
  awarenessIntervalMs: number;
  /** Upper bound for flushing on shutdown when the database does not answer. */
  shutdownTimeoutMs: number;
  /** Scale-out: how long a loading room waits for other instances to answer its sync step 1. */
  redisSyncWaitMs: number;
  /** Scale-out: a remote update its sender has not confirmed durable after this long is written here. */
  redisConfirmMs: number;
  /** Origins besides the request's own host that may open sockets. */
  allowedOrigins: string[];
}

const int = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  COLLAB_MAX_MESSAGE_BYTES: int(2 * 1024 * 1024),
  COLLAB_RATE_LIMIT_PER_SECOND: int(200),
  COLLAB_RATE_LIMIT_BURST: int(400),
  COLLAB_MAX_CONNECTIONS_PER_USER: int(20),
  COLLAB_MAX_BUFFERED_BYTES: int(8 * 1024 * 1024),
  COLLAB_MAX_QUEUED_MESSAGES: int(1000),
  COLLAB_HEARTBEAT_MS: int(30_000),
  COLLAB_IDLE_UNLOAD_MS: int(30_000),
  // 0: a room hands its pending updates to the process-wide log writer at once; that writer
  // paces itself (one statement per 50 ms at most) and takes each room's row when the
  // statement starts, which bounds both the latency to durability (≤ 50 ms + the write; the
  // oldest edit lost to kill -9 must be ≤ 100 ms old) and the writes per map (≤ 20 a second).
  COLLAB_FLUSH_DELAY_MS: int(0),
  COLLAB_LOG_WRITE_INTERVAL_MS: int(50),
  COLLAB_FLUSH_RETRY_MIN_MS: int(100),
  COLLAB_FLUSH_RETRY_MAX_MS: int(5_000),
  COLLAB_COMPACT_IDLE_MS: int(5_000),
  // Compaction rewrites the whole snapshot (~2 ms of CPU plus a 28 KB write for the sample
  // map, more on PGlite where the SQL runs in this process): under steady typing it waits for
  // 500 rows or 5 minutes; a pause of 5 s or closing the map compacts sooner.
  COLLAB_COMPACT_MAX_DELAY_MS: int(300_000),
  COLLAB_COMPACT_MAX_ROWS: int(500),
  COLLAB_PROJECTION_IDLE_MS: int(2_000),
  COLLAB_PROJECTION_MAX_DELAY_MS: int(10_000),
  COLLAB_HIBERNATE_MS: int(30_000),
  COLLAB_HIBERNATE_MAX_BYTES: int(1024 * 1024),
  // 64 MB: four times the bench's largest map (16 MB of text); 100,000 items: ~40 times the
  // sample map, ~45 MB of heap and ~0.3 s to load here (see docs/notes-collab.md).
  COLLAB_MAX_DOC_BYTES: int(64 * 1024 * 1024),
  COLLAB_MAX_DOC_ITEMS: int(100_000),
  // The burst lets a client send a whole large map (the bench writes 16 MB at once).
  COLLAB_UPDATE_BYTES_PER_SECOND: int(1024 * 1024),
  COLLAB_UPDATE_BYTES_BURST: int(32 * 1024 * 1024),
  COLLAB_AWARENESS_INTERVAL_MS: int(50),
  COLLAB_SHUTDOWN_TIMEOUT_MS: int(10_000),
  COLLAB_REDIS_SYNC_WAIT_MS: int(150),
  COLLAB_REDIS_CONFIRM_MS: int(2_000),
  COLLAB_ALLOWED_ORIGINS: z.string().default(""),
});

export function readCollabConfig(env: NodeJS.ProcessEnv = process.env): CollabConfig {
  // Empty strings mean "unset" so a blank variable in a .env file keeps the default.
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("COLLAB_") && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Bad collaboration server environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    maxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES,
    rateLimitPerSecond: e.COLLAB_RATE_LIMIT_PER_SECOND,
    rateLimitBurst: e.COLLAB_RATE_LIMIT_BURST,
    maxConnectionsPerUser: e.COLLAB_MAX_CONNECTIONS_PER_USER,
    maxBufferedBytes: e.COLLAB_MAX_BUFFERED_BYTES,
    maxQueuedMessages: e.COLLAB_MAX_QUEUED_MESSAGES,
    heartbeatMs: e.COLLAB_HEARTBEAT_MS,
    idleUnloadMs: e.COLLAB_IDLE_UNLOAD_MS,
    flushDelayMs: Math.min(e.COLLAB_FLUSH_DELAY_MS, 100),
    logWriteIntervalMs: Math.min(e.COLLAB_LOG_WRITE_INTERVAL_MS, 100),
    flushRetryMinMs: e.COLLAB_FLUSH_RETRY_MIN_MS,
    flushRetryMaxMs: e.COLLAB_FLUSH_RETRY_MAX_MS,
    compactIdleMs: e.COLLAB_COMPACT_IDLE_MS,
    compactMaxDelayMs: e.COLLAB_COMPACT_MAX_DELAY_MS,
    compactMaxRows: e.COLLAB_COMPACT_MAX_ROWS,
    projectionIdleMs: e.COLLAB_PROJECTION_IDLE_MS,
    projectionMaxDelayMs: e.COLLAB_PROJECTION_MAX_DELAY_MS,
    hibernateAfterMs: e.COLLAB_HIBERNATE_MS,
    hibernateMaxBytes: e.COLLAB_HIBERNATE_MAX_BYTES,
    maxDocBytes: e.COLLAB_MAX_DOC_BYTES,
    maxDocItems: e.COLLAB_MAX_DOC_ITEMS,
    updateBytesPerSecond: e.COLLAB_UPDATE_BYTES_PER_SECOND,
    updateBytesBurst: e.COLLAB_UPDATE_BYTES_BURST,
    awarenessIntervalMs: e.COLLAB_AWARENESS_INTERVAL_MS,
    shutdownTimeoutMs: e.COLLAB_SHUTDOWN_TIMEOUT_MS,
    redisSyncWaitMs: e.COLLAB_REDIS_SYNC_WAIT_MS,
    redisConfirmMs: e.COLLAB_REDIS_CONFIRM_MS,
    allowedOrigins: e.COLLAB_ALLOWED_ORIGINS.split(",").map((s) => s.trim().replace(/\/+$/, "")).filter(Boolean),
  };
}
