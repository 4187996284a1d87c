# Shared by scripts/test.sh and the benchmarks (source it; it runs nothing by itself).
# Starts CNCF distribution registries (Debian's docker-registry) on free 127.0.0.1 ports with their own
# temporary config and storage under "$work" — never the packaged config, which listens on all interfaces.
# registry_workspace PREFIX sets up "$work" (a temporary directory), the array "pids" and an EXIT trap that
# stops every PID in "pids" and removes "$work".

registry_workspace() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  pids=()
  trap registry_cleanup EXIT
}

registry_cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]:-}"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# start_registry VAR NAME [HTPASSWD_FILE] [ACCESS_LOG]: starts a registry and sets VAR to its host:port;
# with ACCESS_LOG=1 the access log goes to "$work/NAME/log" (benchmarks count uploads in it). Must run in
# the caller's shell (not in $(...)) so that the PID reaches the caller's trap.
start_registry() {
  local var=$1 name=$2 htpasswd=${3:-} access=${4:-0} port dir accesslog=true
  [ "$access" = 1 ] && accesslog=false
  port=$(free_port); dir="$work/$name"; mkdir -p "$dir/storage"
  {
    echo "version: 0.1"
    echo "log: {level: error, accesslog: {disabled: $accesslog}}"
    echo "storage: {filesystem: {rootdirectory: $dir/storage}, delete: {enabled: true}}"
    echo "http: {addr: 127.0.0.1:$port}"
    if [ -n "$htpasswd" ]; then echo "auth: {htpasswd: {realm: hoist-test, path: $htpasswd}}"; fi
  } > "$dir/config.yml"
  docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 &
  pids+=($!)
  local code
  for _ in $(seq 1 100); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/" 2>/dev/null || true)
    if [ "$code" = 200 ] || [ "$code" = 401 ]; then
      printf -v "$var" '%s' "127.0.0.1:$port"; return 0
    fi
    sleep 0.1
  done
  echo "registry $name did not start; its log:" >&2; cat "$dir/log" >&2; return 1
}
