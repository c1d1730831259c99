# syntax=docker/dockerfile:1
# llm-router container image: multi-stage, Node 24, production dependencies and built dist only, non-root.
#
#   docker build -t llm-router:0.1.0 .
#   docker run --rm -p 8000:8000 llm-router:0.1.0                       # bundled config.example.yaml (echo models)
#   docker run --rm -p 8000:8000 -v "$PWD/config.yaml:/etc/llm-router/config.yaml:ro" \
#     -e LLM_ROUTER_MODEL_GPT_4O_API_KEY=sk-... llm-router:0.1.0 --config /etc/llm-router/config.yaml --host 0.0.0.0 --port 8000
#
# The Helm chart (tools/helm/llm-router) passes --config /etc/llm-router/config.yaml --host 0.0.0.0 --port 8000.
# Debian slim rather than Alpine: the Nx native binary in the lockfile is used in the build stage, and glibc
# keeps build and runtime on the same libc.

ARG NODE_IMAGE=node:24-slim

# --- manifests: every workspace package.json + the lockfile, so the npm ci layers below are cached until a
# manifest changes (COPY cannot keep the directory structure of a glob).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out \
 && cp package.json package-lock.json /out/ \
 && find apps libs tools -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /out/ \;

# --- build: full install (dev dependencies included), then nx builds the app and every lib it depends on.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY --from=manifests /out/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build router --outputStyle=static \
 && mkdir -p /artifacts/dist/apps \
 && cp -r dist/apps/router /artifacts/dist/apps/router \
 && for lib in libs/*/; do mkdir -p "/artifacts/$lib" && cp -r "$lib/dist" "/artifacts/$lib/dist"; done \
 && find /artifacts -name '*.tsbuildinfo' -delete

# --- production dependencies only (workspace symlinks node_modules/@llm-router/* -> libs/*).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=manifests /out/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# --- runtime
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="llm-router" \
      org.opencontainers.image.description="One HTTP service speaking the OpenAI and Anthropic APIs, routing by model to OpenAI, Anthropic or Ollama upstreams." \
      org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production
WORKDIR /app
# Files stay owned by root: the node user (uid 1000) can read them, not change them. The router writes no files.
COPY --from=prod-deps /app/ ./
COPY --from=build /artifacts/ ./
COPY config.example.yaml ./
USER node
EXPOSE 8000
# Kubernetes ignores HEALTHCHECK (the chart has its own probes); this is for plain docker. It probes the port
# the router really listens on (read from PID 1's flags, LLM_ROUTER_SERVER_PORT and the config), not a fixed 8000.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "dist/apps/router/healthcheck.js"]
# node is PID 1 and handles SIGTERM itself (graceful drain, up to 30 s).
ENTRYPOINT ["node", "dist/apps/router/main.js"]
CMD ["--host", "0.0.0.0", "--port", "8000"]
