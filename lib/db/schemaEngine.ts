import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

// The native schema engine cannot be downloaded here (see shared/OFFLINE-PRISMA.md), so
// migrations run through the official WebAssembly build driven by our own driver adapters.
// The package's main entry does `import * as wasm from "./x.wasm"`, which Node cannot load:
// we instantiate the module ourselves and hand it to the JS glue.

export type { SchemaEngine } from "@prisma/schema-engine-wasm";

export interface SchemaFile {
  /** Used by the engine in error messages only. */
  path: string;
  content: string;
}

export interface SchemaEngineOptions {
  /**
   * The Prisma schema(s) the engine starts with. It panics on an empty list, and commands
   * that take their own schema (diff, applyMigrations) only need the provider from it.
   */
  schemaFiles?: SchemaFile[];
  /** Receives the engine's log lines (JSON strings). Silent by default. */
  log?: (line: string) => void;
}

export class SchemaEngineError extends Error {}

const PROVIDER_ONLY_SCHEMA: SchemaFile = {
  path: "provider.prisma",
  content: 'datasource db {\n  provider = "postgresql"\n}\n',
};

// A Rust panic reports its message through this global before trapping. Prisma Client
// installs its own (throwing) registry; without one the glue dies on a TypeError that
// hides the actual message. A panic leaves the wasm instance unusable, so say so loudly.
function installPanicRegistry(): void {
  const g = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      console.error(`Prisma schema engine (wasm) panicked; restart the process.\n${message}`);
    },
  };
}

let loading: Promise<void> | undefined;

/** Instantiates the wasm once per process; later calls share it. */
export function loadSchemaEngineWasm(): Promise<void> {
  loading ??= (async () => {
    installPanicRegistry();
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.promises.readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  // A failed load (e.g. missing file) should be retryable rather than cached forever.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Runs fn with a fresh engine bound to the adapter factory, then frees the engine and
 * disposes every connection it opened; engine errors become SchemaEngineError.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: SchemaEngineOptions = {},
): Promise<T> {
  await loadSchemaEngineWasm();
  const files = options.schemaFiles?.length ? options.schemaFiles : [PROVIDER_ONLY_SCHEMA];
  const datamodels = files.map((f): [string, string] => [f.path, f.content]);
  const log = options.log ?? (() => {});
  const connections = trackConnections(withWholeScriptExecution(adapterFactory));

  let engine: SchemaEngine;
  try {
    // The adapter must be wrapped so that driver errors come back as values the engine
    // understands; a raw factory makes the first failing query a wasm panic.
    engine = (await bindings.SchemaEngine.new(
      { datamodels },
      (line: string) => log(line),
      bindMigrationAwareSqlAdapterFactory(connections.factory),
    )) as SchemaEngine;
  } catch (error) {
    await connections.disposeAll();
    throw toSchemaEngineError(error, "Could not start the schema engine");
  }
  try {
    return await fn(engine);
  } catch (error) {
    throw toSchemaEngineError(error, "Schema engine request failed");
  } finally {
    engine.free();
    await connections.disposeAll();
  }
}

/**
 * The engine never disposes the adapters it connects, and takes a session-level
 * pg_advisory_lock (as `migrate deploy` does) that it never unlocks, relying on the native
 * process exiting. With PrismaPg the lock would sit on an idle pooled connection until the
 * pool's idle timeout, stalling the next migration run in this process by ~10 s.
 * Disposing the adapters ends those pools and so releases the lock. (PGlite's dispose is a
 * no-op: the app's shared PGlite stays open, and its one session re-enters the lock.)
 */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  disposeAll(): Promise<void>;
} {
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return adapter;
  };
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => track(await factory.connect()),
      connectToShadowDb: async () => track(await factory.connectToShadowDb()),
    },
    disposeAll: async () => {
      const adapters = opened.splice(0);
      await Promise.all(adapters.map((a) => a.dispose().catch(() => {})));
    },
  };
}

/** Engine rejections are plain objects or strings as often as Errors; normalise them. */
export function toSchemaEngineError(error: unknown, context: string): Error {
  if (error instanceof SchemaEngineError) return error;
  const message =
    error instanceof Error
      ? error.message
      : typeof error === "string"
        ? error
        : typeof (error as { message?: unknown })?.message === "string"
          ? (error as { message: string }).message
          : JSON.stringify(error);
  return new SchemaEngineError(`${context}: ${message}`, { cause: error });
}

/**
 * The engine runs each migration file through adapter.executeScript(), and both adapters
 * we use get that wrong for migrations:
 * - pglite-prisma-adapter 0.7.2 does not await client.exec(), so a failing migration is
 *   recorded as applied and its error surfaces later as an unhandled rejection;
 * - @prisma/adapter-pg splits the script on every ";" (breaking semicolons in comments,
 *   strings and DO blocks) and autocommits each piece on whichever pooled connection.
 * Both clients accept a multi-statement script in one simple-protocol call, which
 * PostgreSQL runs as a single implicit transaction — what the native engine does. Other
 * adapters are left alone.
 */
export function withWholeScriptExecution(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const internals = adapter as unknown as {
      client?: { exec?: (sql: string) => Promise<unknown>; query?: (sql: string) => Promise<unknown> };
      onError?: (error: unknown) => never;
    };
    const client = internals.client;
    const run =
      adapter.adapterName === "pglite-prisma-adapter" && typeof client?.exec === "function"
        ? (sql: string) => client.exec!(sql)
        : adapter.adapterName === "@prisma/adapter-pg" && typeof client?.query === "function"
          ? (sql: string) => client.query!(sql)
          : undefined;
    if (!run || typeof internals.onError !== "function") return adapter;
    // onError turns driver errors into DriverAdapterError, which the engine understands.
    const onError = internals.onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await run(script);
      } catch (error) {
        onError(error);
      }
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}
