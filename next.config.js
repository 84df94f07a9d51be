// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships a WASM Postgres; bundling it breaks webpack builds and makes Turbopack copy the
  // wasm into static assets, so both stay plain Node requires on the server.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
