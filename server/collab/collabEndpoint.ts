import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Database } from "../../lib/db/client";

export interface CollabEndpoint {
  matches(req: IncomingMessage): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  shutdown(): Promise<void>;
}

const COLLAB_PATH = /^\/collab\/([^/?#]+)/;

/** Placeholder until the collaboration server lands: the endpoint exists and says so. */
export function createCollabEndpoint(_deps: { db: Database }): CollabEndpoint {
  return {
    matches: (req) => COLLAB_PATH.test(req.url ?? ""),
    handleUpgrade(_req, socket) {
      socket.end("HTTP/1.1 501 Not Implemented\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nThe collaboration server is not available yet.\n");
    },
    async shutdown() {},
  };
}
