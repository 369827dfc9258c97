import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  NODE_ENV: z.string().default("production"),
});

export interface ServerConfig {
  port: number;
  host: string;
  dev: boolean;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad server environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return { port: parsed.data.PORT, host: parsed.data.HOST, dev: parsed.data.NODE_ENV !== "production" };
}
