#!/usr/bin/env bash
# Runs every hoist test: unit tests, golden files, and the integration tests that use real parts.
#
# Real parts started here (and stopped on exit, by PID):
#   - a CNCF distribution registry (Debian's docker-registry) on a free 127.0.0.1 port,
#     with its own temporary config and storage (never the packaged config);
# Real parts that must be on PATH: skopeo, umoci, runc, kubectl; npm installs @action-validator/cli.
# Missing parts are installed with apt-get when running as root; when CI=true a part that is still
# missing makes the tests that need it fail (they skip elsewhere, saying how to enable them).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'test.sh: %s\n' "$*" >&2; }

need_pkgs=()
command -v docker-registry >/dev/null 2>&1 || [ -x /usr/bin/docker-registry ] || need_pkgs+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || need_pkgs+=(skopeo)
command -v umoci >/dev/null 2>&1 || need_pkgs+=(umoci)
command -v runc >/dev/null 2>&1 || need_pkgs+=(runc)
command -v htpasswd >/dev/null 2>&1 || need_pkgs+=(apache2-utils)
[ -x /bin/busybox ] || need_pkgs+=(busybox-static)
if [ ${#need_pkgs[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    && [ "${HOIST_NO_INSTALL:-}" != 1 ]; then
  log "installing real parts: ${need_pkgs[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}") >&2 \
    || log "apt-get install failed; tests that need these parts will skip (or fail under CI=true)"
fi

# Real parts that cannot be installed here: under CI=true their absence fails the run at once.
missing=()
command -v kubectl >/dev/null 2>&1 || missing+=("kubectl (the reference renderer for the kustomize conformance tests)")
[ -d ../shared/flux-crds ] && [ -f ../shared/k8s-openapi/swagger-v1.36.json ] \
  || missing+=("../shared (flux-crds/, k8s-openapi/ beside the repository)")
if [ ${#missing[@]} -gt 0 ]; then
  for m in "${missing[@]}"; do log "missing: $m"; done
  if [ "${CI:-}" = true ]; then log "CI=true: every real part is required"; exit 1; fi
fi

. scripts/registry.sh
registry_workspace hoist-test

if command -v docker-registry >/dev/null 2>&1; then
  start_registry HOIST_TEST_REGISTRY plain && export HOIST_TEST_REGISTRY \
    && log "registry on $HOIST_TEST_REGISTRY"
  if command -v htpasswd >/dev/null 2>&1; then
    htpasswd -Bbc "$work/htpasswd" hoist-user 'hoist-Secret-pw' >/dev/null 2>&1
    start_registry HOIST_TEST_AUTH_REGISTRY auth "$work/htpasswd" && export HOIST_TEST_AUTH_REGISTRY \
      && export HOIST_TEST_AUTH_USER=hoist-user HOIST_TEST_AUTH_PASSWORD='hoist-Secret-pw' \
      && log "registry with htpasswd auth on $HOIST_TEST_AUTH_REGISTRY"
  fi
else
  log "docker-registry not found: registry tests will skip (fail under CI=true)"
fi

# hoist's caches (Jib's layers) go to the run's workspace, never the user's ~/.cache/hoist
export HOIST_CACHE_DIR="$work/cache"

# The GitHub workflow validator the hoist init tests run (npm: @action-validator/cli, pinned)
if command -v npm >/dev/null 2>&1; then
  (mkdir -p "$work/npm" && cd "$work/npm" \
    && npm install --silent --no-audit --no-fund @action-validator/cli@0.6.0 >/dev/null 2>&1) \
    || log "npm install @action-validator/cli failed: workflow checks skip (fail under CI=true)"
fi
if [ -x "$work/npm/node_modules/.bin/action-validator" ]; then
  export PATH="$work/npm/node_modules/.bin:$PATH"
fi
mvn -B -ntp "$@" verify
