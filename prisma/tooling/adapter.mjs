// Driver adapter through which Prisma 6's WASM schema engine reaches PostgreSQL (loaded by prisma.config.mjs,
// inside the Prisma CLI process). Configured only through environment variables set by diff.mjs:
//   WINNOW_SHADOW_ADMIN_URL  a database on the server used to CREATE/DROP the throwaway shadow database
//   WINNOW_SHADOW_DB_PREFIX  name prefix of the throwaway shadow databases (diff.mjs drops leftovers by prefix)
//   WINNOW_SHADOW_DIRECT_URL instead of the two above: use this (empty, disposable) database itself as the shadow
//                            database; used for the PGlite fallback, which has a single database.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgConfigFromUrl } from "./pg-config.mjs";

// Prisma 6's PostgreSQL describer reads catalog columns of types `"char"` (18), `name` (19) and their arrays
// (1002, 1003), which adapter-pg 6 rejects as unsupported native types (prisma/orm#27403). Present them as
// text / text[]: pg then also parses the arrays with the text[] parser.
const REMAP = new Map([
  [18, 25],
  [19, 25],
  [1002, 1009],
  [1003, 1009],
]);
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (fieldDescriptions) {
  for (const field of fieldDescriptions) {
    const to = REMAP.get(field.dataTypeID);
    if (to !== undefined) field.dataTypeID = to;
  }
  return addFields.call(this, fieldDescriptions);
};

function configFromUrl(url, database) {
  return {
    ...pgConfigFromUrl(url, database),
    max: 4,
    // An idle pool would keep the CLI process alive for its idle timeout (about 10 s).
    allowExitOnIdle: true,
    idleTimeoutMillis: 1000,
  };
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** Run a migration script the way Prisma's native engine does (one simple-query round trip), not adapter-pg 6's naive split on ";". */
function wholeScriptExecution(adapter) {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

class WinnowShadowAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";
  #count = 0;

  constructor(env) {
    this.directUrl = env.WINNOW_SHADOW_DIRECT_URL;
    this.adminUrl = env.WINNOW_SHADOW_ADMIN_URL;
    this.prefix = env.WINNOW_SHADOW_DB_PREFIX;
    if (!this.directUrl && !(this.adminUrl && this.prefix)) {
      throw new Error(
        "prisma/tooling: this Prisma config is meant to be used through prisma/tooling/diff.mjs " +
          "(WINNOW_SHADOW_DIRECT_URL or WINNOW_SHADOW_ADMIN_URL + WINNOW_SHADOW_DB_PREFIX are unset).",
      );
    }
  }

  /** The "main" connection: --from-migrations/--to-schema-datamodel never write through it. */
  async connect() {
    return wholeScriptExecution(await new PrismaPg(configFromUrl(this.directUrl ?? this.adminUrl)).connect());
  }

  async connectToShadowDb() {
    if (this.directUrl) return this.connect();
    const name = `${this.prefix}_${++this.#count}`;
    const admin = new pg.Client(configFromUrl(this.adminUrl));
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      await admin.end();
      throw error;
    }
    const adapter = wholeScriptExecution(await new PrismaPg(configFromUrl(this.adminUrl, name)).connect());
    const dispose = adapter.dispose.bind(adapter);
    // Close our own pool first, then drop the database (adapter-pg 6 drops it while its pool is still open).
    adapter.dispose = async () => {
      try {
        await dispose();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`).catch(() => undefined);
        await admin.end().catch(() => undefined);
      }
    };
    return adapter;
  }
}

export function createAdapterFactory(env = process.env) {
  return new WinnowShadowAdapterFactory(env);
}
