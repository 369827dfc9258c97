// @ts-check
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
};

export default nextConfig;
