// @ts-check
import { cspDirectives } from "./lib/http/cspDirectives.mjs";

const dev = process.env.NODE_ENV !== "production";

// Pages get a per-response nonce policy from proxy.ts (lib/http/contentSecurityPolicy.ts),
// which replaces this one; this stricter one (no inline script at all) covers everything
// else: API responses, static files. The directive list is written once, in cspDirectives.mjs.
const contentSecurityPolicy = cspDirectives("", dev);

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // These load WebAssembly, native code or data files at run time; bundling them breaks that.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "pg",
    "bcryptjs",
    "ws",
    // One Yjs instance for the server process and Next's server code (constructor checks).
    "yjs",
  ],
  // Lets parallel checkouts/tests build side by side without overwriting one another.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // With proxy.ts matching a path (pages only), Next buffers the request body so both can
    // read it, up to this size (default 10 MB). Pages take no body: keep that buffer small.
    proxyClientMaxBodySize: "64kb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
