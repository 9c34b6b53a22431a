# Sourced by the bench-*.sh scripts (not run on its own): loopback docker-registry instances and the image set for a benchmark.
# Expects WORK (the benchmark's temporary folder); started PIDs go to $WORK/pids, since the
# registries start in command substitutions (subshells) and the caller's cleanup kills them from there.

# JVM options of mirror and copy, as packaging/app-image/launcher.sh starts them (the benchmarks run java -cp).
TRANSFER_JVM=(-XX:+UseSerialGC)

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

# create_image_set SRC IMAGES BASE_MB OWN_MB: IMAGES images in the registry SRC (host:port) as bench/appN:v1,
# each of 3 shared base layers of BASE_MB + one own layer of OWN_MB (random data, gzip -1), built as an OCI
# layout in $WORK/layout and pushed with skopeo. Sets UNIQUE to the unique blob bytes.
create_image_set() {
  local src=$1 images=$2 base_mb=$3 own_mb=$4 L="$WORK/layout" n l own layers diffs gz diff size csize chex msize mhex index=""
  mkdir -p "$L/blobs/sha256"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$L/oci-layout"
  local bases=()
  UNIQUE=0
  for _ in 1 2 3; do bases+=("$(bench_layer "$L" "$base_mb")"); done
  for l in "${bases[@]}"; do read -r _ _ size <<< "$l"; UNIQUE=$(( UNIQUE + size )); done
  for n in $(seq 1 "$images"); do
    own=$(bench_layer "$L" "$own_mb")
    read -r _ _ size <<< "$own"; UNIQUE=$(( UNIQUE + size ))
    layers=""; diffs=""
    for l in "${bases[@]}" "$own"; do
      read -r gz diff size <<< "$l"
      layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$gz\",\"size\":$size}"
      diffs+="${diffs:+,}\"sha256:$diff\""
    done
    printf '{"architecture":"amd64","os":"linux","config":{"Env":["N=%s"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$n" "$diffs" > "$WORK/config.json"
    csize=$(stat -c %s "$WORK/config.json"); chex=$(bench_blob "$L" "$WORK/config.json")
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' "$chex" "$csize" "$layers" > "$WORK/manifest.json"
    msize=$(stat -c %s "$WORK/manifest.json"); mhex=$(bench_blob "$L" "$WORK/manifest.json")
    index+="${index:+,}{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:$mhex\",\"size\":$msize,\"annotations\":{\"org.opencontainers.image.ref.name\":\"img$n\"}}"
  done
  printf '{"schemaVersion":2,"manifests":[%s]}' "$index" > "$L/index.json"
  for n in $(seq 1 "$images"); do
    skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$L:img$n" "docker://$src/bench/app$n:v1" >/dev/null
  done
}

bench_blob() { # layout file -> digest hex (moves the file into the layout)
  local hex
  hex=$(sha256sum "$2" | cut -d' ' -f1)
  mv "$2" "$1/blobs/sha256/$hex"
  echo "$hex"
}

bench_layer() { # layout size_mb -> "gzhex diffhex size"
  local d="$WORK/mk" diff size gz
  rm -rf "$d"; mkdir -p "$d"
  head -c "$(( $2 * 1024 * 1024 ))" /dev/urandom > "$d/data.bin"
  tar --owner=0 --group=0 --numeric-owner --mtime=2020-01-01 -C "$d" -cf "$WORK/layer.tar" data.bin
  diff=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
  gzip -1 -n -c "$WORK/layer.tar" > "$WORK/layer.tgz"
  size=$(stat -c %s "$WORK/layer.tgz")
  gz=$(bench_blob "$1" "$WORK/layer.tgz")
  echo "$gz $diff $size"
}

# work_seconds SUMMARY_JSON: a run's work without JVM start (summary.json's started..finished).
work_seconds() { python3 -c 'import json,sys,datetime as d; j=json.load(open(sys.argv[1])); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00")); print("%.2f" % (p(j["finished"])-p(j["started"])).total_seconds())' "$1"; }
