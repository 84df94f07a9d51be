# Sourced by check-drift.sh and new-migration.sh: install this package if needed, make sure PostgreSQL is up.
set -euo pipefail

TOOLING_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

ensure_tooling_installed() {
  local hidden="$TOOLING_DIR/node_modules/.package-lock.json"
  if [[ -f "$TOOLING_DIR/node_modules/prisma/build/index.js" && -f "$hidden" && ! "$TOOLING_DIR/package-lock.json" -nt "$hidden" ]]; then
    return 0
  fi
  echo "prisma/tooling: installing its own npm package (Prisma 6.19 CLI)…" >&2
  local before
  before="$(sha256sum "$TOOLING_DIR/package-lock.json" 2>/dev/null || true)"
  # npm ci never rewrites the lockfile; fall back to npm install if it fails (why: "Installing this package" in
  # prisma/tooling/README.md).
  if ! npm ci --prefix "$TOOLING_DIR" --no-audit --no-fund --loglevel=error </dev/null >&2; then
    echo "prisma/tooling: npm ci failed; trying npm install" >&2
    npm install --prefix "$TOOLING_DIR" --no-audit --no-fund --loglevel=error </dev/null >&2
    if [[ "$before" != "$(sha256sum "$TOOLING_DIR/package-lock.json" 2>/dev/null || true)" ]]; then
      echo "prisma/tooling: WARNING: npm install changed prisma/tooling/package-lock.json; commit it or investigate." >&2
    fi
  fi
}

# The shadow database lives on a PostgreSQL server: SHADOW_DATABASE_URL, or the local one on 127.0.0.1:5432, which
# is started if it is down (and left running, like the machine's other users of it expect). Without any server,
# diff.mjs falls back to an in-memory PGlite.
ensure_postgres() {
  [[ -n "${SHADOW_DATABASE_URL:-}" || "${WINNOW_SHADOW:-}" == "pglite" ]] && return 0
  command -v pg_isready >/dev/null || return 0
  pg_isready -q -h 127.0.0.1 -p 5432 && return 0
  if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    echo "prisma/tooling: PostgreSQL is down; starting cluster $version/main" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start </dev/null >&2 || true
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 && return 0
      sleep 0.5
    done
  fi
  echo "prisma/tooling: no PostgreSQL on 127.0.0.1:5432" >&2
}

run_diff() {
  ensure_tooling_installed
  ensure_postgres
  exec node "$TOOLING_DIR/diff.mjs" "$@" </dev/null
}
