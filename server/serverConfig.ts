import { z } from "zod";
import { trustedProxyHops } from "../lib/http/forwardedRequest";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback unless the operator opens it up (HOST=0.0.0.0, or behind a proxy on another host).
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  NODE_ENV: z.string().default("production"),
});

export interface ServerConfig {
  port: number;
  host: string;
  dev: boolean;
  /** Proxies in front whose X-Forwarded-* headers count (TRUST_PROXY; 0 = none). */
  trustProxyHops: number;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad server environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return { port: parsed.data.PORT, host: parsed.data.HOST, dev: parsed.data.NODE_ENV !== "production", trustProxyHops: trustedProxyHops(env) };
}
