# Tendik in a container (docs/deploy.md, "With Docker"): the official Node 20 image, a non-root user,
# the database on a volume, a health check. Build: docker build -t tendik .
# Run:   docker run -d --name tendik -p 127.0.0.1:3000:3000 -v tendik-data:/data \
#          -e TENDIK_SECURE_COOKIES=1 -e TENDIK_PUBLIC_URL=https://tendik.example.kg tendik

# 1. Build: every dependency (vite builds the browser's code), then only what runs is kept.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# 2. Run: the built server and client, the checklists, the sources the admin commands run from.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    TENDIK_DB=/data/tendik.sqlite \
    TENDIK_SEED_DEMO=0 \
    TENDIK_BACKUP_DIR=/data/backups \
    TENDIK_TRUST_PROXY=uniquelocal
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/checklists ./checklists
COPY --from=build /app/data/samples ./data/samples
COPY --from=build /app/server ./server
COPY --from=build /app/shared ./shared
COPY --from=build /app/tsconfig.json ./
# The image's own user "node" (uid 1000) owns only the data folder; the code stays read-only to it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) flushes open documents and closes the database before exiting.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/server/main.mjs"]
