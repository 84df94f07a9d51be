// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships a WASM Postgres; bundling it breaks webpack builds and makes Turbopack copy the
  // wasm into static assets, so both stay plain Node requires on the server.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "pg-boss"],
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests and scripts too) as its own CI step; the build
  // need not do it again.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Same figure as ACTION_BODY_LIMIT_BYTES in lib/security-headers.ts (the proxy answers 413 above it).
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
};

export default nextConfig;
