# syntax=docker/dockerfile:1
# Protocol Bot: build stage compiles TypeScript and the native addons, and builds the clause index;
# the runtime stage carries only what `protocol-bot serve` needs and runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Native addons (better-sqlite3, hnswlib-node) compile against the image's own Node headers.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json tsconfig.json tsconfig.build.json biome.json ./
COPY src ./src
COPY bench ./bench
# The Slack bench section reuses the test stubs, so the compiler needs them.
COPY test ./test
RUN npm install --no-audit --no-fund
COPY bin ./bin
COPY corpus ./corpus
COPY prompts ./prompts
# The decision classifier's weights (protocol-bot train writes them; the bot only reads them).
COPY models ./models
COPY teams ./teams
COPY slack ./slack
# The index is built now so the container answers from its first request.
RUN DATA_DIR=/app/data node bin/protocol-bot.js index \
  && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    CORPUS_DIR=/app/corpus \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/bin ./bin
COPY --from=build --chown=node:node /app/corpus ./corpus
COPY --from=build --chown=node:node /app/prompts ./prompts
COPY --from=build --chown=node:node /app/models ./models
COPY --from=build --chown=node:node /app/src/cases/bank-holidays-england-and-wales.json ./src/cases/bank-holidays-england-and-wales.json
COPY --from=build --chown=node:node /app/data ./data
USER node
# Cases (SQLite) and the index live here; mount a volume to keep cases across upgrades.
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/protocol-bot.js", "serve"]
