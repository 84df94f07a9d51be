#!/usr/bin/env bash
# Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql for the changes in prisma/schema.prisma that the
# existing migrations do not have yet, as `prisma migrate dev --create-only --name <name>` would.
# Usage: npm run db:new-migration -- <name> [--empty]                  (see prisma/tooling/README.md)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: npm run db:new-migration -- <name> [--empty]" >&2
  exit 2
fi
run_diff new "$@"
