#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on these machines.
# `prisma generate` only checks that the file exists; anything that really runs it fails here.
echo "claimboard: the native Prisma schema engine is not installed. Use 'npm run db:migrate' and 'npm run db:migration -- <name>' (offline, WebAssembly engine) instead of 'prisma migrate'." >&2
exit 1
