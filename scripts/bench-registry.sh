# Sourced by the bench-*.sh scripts (not run on its own): loopback docker-registry instances for a benchmark.
# Expects WORK (the benchmark's temporary folder); started PIDs go to $WORK/pids, since the
# registries start in command substitutions (subshells) and the caller's cleanup kills them from there.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_port() { # port: waits until something listens there (10 s at most)
  for _ in $(seq 1 100); do
    if (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  exit 1
}

start_registry() { # name -> prints host:port (storage in $WORK/reg-NAME/storage, log in $WORK/reg-NAME/log)
  local name=$1 port dir
  port=$(free_port)
  dir="$WORK/reg-$name"
  mkdir -p "$dir/storage"
  cat > "$dir/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $dir/storage}
  delete: {enabled: true}
http: {addr: 127.0.0.1:$port}
health: {storagedriver: {enabled: false}}
YAML
  docker-registry serve "$dir/config.yml" > "$dir/log" 2>&1 &
  echo $! >> "$WORK/pids"
  wait_port "$port"
  echo "127.0.0.1:$port"
}
