#!/usr/bin/env bash
# Fails (exit 1, printing the SQL difference) when prisma/schema.prisma and prisma/migrations/ disagree.
# Usage: npm run db:check [-- --schema FILE] [-- --migrations DIR]     (see prisma/tooling/README.md)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_diff check "$@"
