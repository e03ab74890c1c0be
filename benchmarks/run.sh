#!/usr/bin/env bash
# Peer comparison of Twistgo: builds every server and the load generator,
# runs each server pinned to one CPU (GOMAXPROCS=1) and the client pinned to
# the other, interleaves the servers round by round, and writes medians with
# ratios (results/results.md) and a bar chart (results/chart.svg).
#
#   bash benchmarks/run.sh            full run (3 rounds, 5 s per workload)
#   bash benchmarks/run.sh --quick    smoke test (1 round, 2 s per workload)
#
# Environment: ROUNDS, DURATION, WARMUP (seconds), IDLE_CONNS, SERVER_CPU,
# CLIENT_CPU, SERVERS (space-separated subset), OTHER_MAX and RETRIES (an
# echo run during which other processes used more than OTHER_MAX of a CPU
# is repeated up to RETRIES times), SKIP ("echo idle syscalls
# redis http", any subset), OUT (results directory), PROFILE=1 (also write
# results/profile-*.txt: the top of a CPU profile of twistgo-epoll on each
# echo workload), APPEND=1 (add to results/raw.tsv instead of starting
# afresh, e.g. to add the real-client workloads to an earlier peer run).
# Every server listens on 127.0.0.1 only; every run is bounded in time.
set -Eeuo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-1}
IDLE_CONNS=${IDLE_CONNS:-10000}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
SERVERS=${SERVERS:-"stdlib gnet evio nbio rawepoll twistgo-epoll twistgo-poll twistgo-select"}
SKIP=${SKIP:-}
OUT=${OUT:-$PWD/results}
RETRIES=${RETRIES:-3}
OTHER_MAX=${OTHER_MAX:-0.15}
REDIS_N1=${REDIS_N1:-300000}
REDIS_N16=${REDIS_N16:-3000000}
for arg in "$@"; do
	case $arg in
	--quick) ROUNDS=1 DURATION=2 WARMUP=0.5 REDIS_N1=60000 REDIS_N16=600000 ;;
	*) echo "usage: run.sh [--quick]" >&2; exit 2 ;;
	esac
done

work=$(mktemp -d)
bin=$work/bin
raw=$OUT/raw.tsv
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'log "run.sh: command failed at line $LINENO"' ERR
mkdir -p "$bin" "$OUT"
[[ ${APPEND:-0} == 1 ]] || : >"$raw"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
skipped() { [[ " $SKIP " == *" $1 "* ]]; }

# --- tools -----------------------------------------------------------------

# need installs Debian package $2 when command $1 is missing; it fails only
# when the tool is still missing afterwards.
apt_updated=0
need() {
	command -v "$1" >/dev/null && return 0
	if ((apt_updated == 0)) && command -v apt-get >/dev/null; then
		log "installing $2"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 || true
	command -v "$1" >/dev/null
}

build() {
	log "building into $bin"
	go build -o "$bin/" ./cmd/loadgen ./cmd/report
	for s in stdlib gnet evio nbio rawepoll twistgo nethttp; do
		go build -o "$bin/$s" "./servers/$s" || log "server $s does not build: left out"
	done
	for e in miniredis httpplain; do
		(cd "$root" && go build -o "$bin/$e" "./examples/$e") 2>/dev/null || log "example $e does not build: left out"
	done
}

# --- servers ---------------------------------------------------------------

# server_cmd prints the command line of a named echo server.
server_cmd() {
	case $1 in
	twistgo-*) echo "$bin/twistgo -reactor ${1#twistgo-}" ;;
	*) echo "$bin/$1" ;;
	esac
}

has_server() {
	case $1 in
	twistgo-*) [[ -x $bin/twistgo ]] ;;
	*) [[ -x $bin/$1 ]] ;;
	esac
}

# start_echo starts echo server $1 on the server CPU, optionally under the
# command prefix in $2 (strace), and sets PID and ADDR from its
# "listening on" line.
start_echo() {
	local out=$work/$1.out
	: >"$out" # so no line of an earlier start is read before the new one writes
	# shellcheck disable=SC2046
	GOMAXPROCS=1 taskset -c "$SERVER_CPU" ${2:-} $(server_cmd "$1") -addr 127.0.0.1:0 >"$out" 2>&1 &
	PID=$!
	pids+=("$PID")
	ADDR=
	for _ in $(seq 200); do
		ADDR=$(sed -n 's/^listening on //p' "$out" | head -1)
		[[ -n $ADDR ]] && return 0
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.05
	done
	log "server $1 did not start: $(tail -3 "$out")"
	return 1
}

stop() {
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# stop_traced ends the server strace $1 runs (SIGTERM, then SIGKILL after
# 5 s) and waits for strace to write its summary and exit.
stop_traced() {
	local child _
	child=$(cat "/proc/$1/task/$1/children" 2>/dev/null || true)
	if [[ -n $child ]]; then
		kill $child 2>/dev/null || true
	fi
	for _ in $(seq 100); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.05
	done
	if [[ -n $child ]]; then
		kill -KILL $child 2>/dev/null || true
	fi
	wait "$1" 2>/dev/null || true
}

# free_port prints a TCP port nothing listens on.
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 20000))
		ss -Htln "sport = :$p" | grep -q . || { echo "$p"; return; }
	done
}

# wait_port waits until 127.0.0.1:$1 accepts connections.
wait_port() {
	for _ in $(seq 200); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# start_port_server runs "$@" on the server CPU and waits for port $PORT.
start_port_server() {
	GOMAXPROCS=1 taskset -c "$SERVER_CPU" "$@" >"$work/port-server.out" 2>&1 &
	PID=$!
	pids+=("$PID")
	wait_port "$PORT" && return 0
	log "$1 did not start: $(tail -3 "$work/port-server.out")"
	stop "$PID"
	return 1
}

# --- measurements ----------------------------------------------------------

# record appends a RESULT line to the raw file with workload, server and
# round in front.
record() {
	local line
	line=$(grep '^RESULT' "$4" | tail -1 || true)
	if [[ -z $line ]]; then
		log "$2 on $1: no result ($(tail -2 "$4" | tr '\n' ' '))"
		return
	fi
	printf 'workload=%s\tserver=%s\tround=%s\t%s\n' "$1" "$2" "$3" "$line" >>"$raw"
}

loadgen() { taskset -c "$CLIENT_CPU" "$bin/loadgen" "$@"; }

# disturbed reports whether the load generator's output in $1 says other
# processes used more than OTHER_MAX of a CPU during the measured window.
disturbed() {
	local other
	other=$(grep '^RESULT' "$1" | tr '\t' '\n' | sed -n 's/^other_cpu=//p' || true)
	[[ -n $other ]] && awk -v o="$other" -v m="$OTHER_MAX" 'BEGIN { exit !(o > m) }'
}

# echo_workloads runs the three echo workloads against server $1. A run
# that other processes on the machine disturbed (see disturbed) is
# repeated, up to RETRIES times; the last attempt is recorded either way,
# with its other_cpu showing in the tables.
echo_workloads() {
	local name=$1 round=$2 w conns size inflight try
	for w in "echo64x1 50 64 1" "echo64x16 50 64 16" "echo16k 10 16384 1"; do
		read -r w conns size inflight <<<"$w"
		for ((try = 0; try <= RETRIES; try++)); do
			loadgen -mode echo -addr "$ADDR" -pid "$PID" -conns "$conns" -size "$size" \
				-inflight "$inflight" -warmup "${WARMUP}s" -duration "${DURATION}s" >"$work/lg.out" 2>&1 || true
			cat "$work/lg.out" >>"$work/loadgen.log"
			log "  $w $name: $(grep -E 'msg/s' "$work/lg.out" | sed 's/^ *//')"
			disturbed "$work/lg.out" || break
			log "  $w $name: disturbed by other processes, again"
		done
		record "$w" "$name" "$round" "$work/lg.out"
	done
}

idle_workload() {
	local name=$1 round=$2
	loadgen -mode idle -addr "$ADDR" -pid "$PID" -conns "$IDLE_CONNS" >"$work/lg.out" 2>&1 || true
	log "  idle $name: $(grep -E '^idle|error' "$work/lg.out" | head -2 | tr '\n' ' ')"
	record idle "$name" "$round" "$work/lg.out"
}

# syscalls_workload counts the server's system calls under strace -c -f
# during a short 64-byte, 1-in-flight run and divides by the messages.
syscalls_workload() {
	local name=$1 round=$2 trace=$work/strace.txt calls msgs
	start_echo "$name" "strace -f -c -o $trace" || return 0
	loadgen -mode echo -addr "$ADDR" -conns 50 -size 64 -inflight 1 -warmup 0s -duration 2s >"$work/lg.out" 2>&1 || true
	stop_traced "$PID"
	calls=$(awk '$NF == "total" { print $4 }' "$trace" 2>/dev/null || true)
	msgs=$(grep '^RESULT' "$work/lg.out" | tr '\t' '\n' | sed -n 's/^msgs_total=//p' || true)
	if [[ -z $calls || -z $msgs || $msgs == 0 ]]; then
		log "  syscalls $name: no count"
		return 0
	fi
	printf 'workload=syscalls\tserver=%s\tround=%s\tcalls=%s\tmsgs=%s\tsyscalls_per_msg=%s\n' "$name" "$round" "$calls" "$msgs" \
		"$(awk -v c="$calls" -v m="$msgs" 'BEGIN { printf "%.3f", c / m }')" >>"$raw"
	log "  syscalls $name: $calls calls / $msgs msgs"
	cp "$trace" "$work/strace-$name-$round.txt"
}

# rotate prints the words of $2 rotated left by $1 places, so each round
# starts with a different server.
rotate() {
	local -a a
	read -r -a a <<<"$2"
	local n=${#a[@]} i
	for ((i = 0; i < n; i++)); do printf '%s ' "${a[$(((i + $1) % n))]}"; done
}

peer_rounds() {
	local round name
	for ((round = 1; round <= ROUNDS; round++)); do
		log "round $round of $ROUNDS"
		for name in $(rotate $((round - 1)) "$SERVERS"); do
			has_server "$name" || continue
			if ! skipped echo && start_echo "$name"; then
				echo_workloads "$name" "$round"
				stop "$PID"
			fi
			# select(2) cannot watch descriptors at or above FD_SETSIZE (1024).
			if ! skipped idle && [[ $name != twistgo-select ]] && start_echo "$name"; then
				idle_workload "$name" "$round"
				stop "$PID"
			fi
			if ! skipped syscalls && command -v strace >/dev/null; then
				syscalls_workload "$name" "$round"
			fi
		done
	done
}

# redis_rounds runs redis-benchmark (PING, SET, GET; pipeline 1 and 16)
# against redis-server and miniredis, interleaved round by round. PING is
# the RESP (multi-bulk) PING, not the inline one: the inline form skips the
# protocol parsing a real client's commands go through.
redis_rounds() {
	if ! need redis-benchmark redis-tools || ! need redis-server redis-server; then
		log "redis-benchmark or redis-server missing: real-client redis workloads skipped"
		return 0
	fi
	[[ -x $bin/miniredis ]] || { log "miniredis not built: redis workloads skipped"; return 0; }
	local round name pipe
	for ((round = 1; round <= ROUNDS; round++)); do
		for name in $(rotate $((round - 1)) "redis-server miniredis"); do
			PORT=$(free_port)
			if [[ $name == redis-server ]]; then
				start_port_server redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no \
					--daemonize no --io-threads 1 --logfile "$work/redis.log" || continue
			else
				start_port_server "$bin/miniredis" -listen "tcp:$PORT:interface=127.0.0.1" -reactor epoll || continue
			fi
			for pipe in 1 16; do
				local n=$REDIS_N1
				((pipe == 16)) && n=$REDIS_N16
				taskset -c "$CLIENT_CPU" redis-benchmark -h 127.0.0.1 -p "$PORT" -c 50 -n "$n" -P "$pipe" \
					-t ping,set,get --csv >"$work/rb.out" 2>&1 || true
				record_redis "$name" "$round" "$pipe" "$work/rb.out"
			done
			stop "$PID"
		done
	done
}

# record_redis turns redis-benchmark's CSV into raw result lines.
record_redis() {
	local test rps p50 p99 w
	while IFS=, read -r test rps _ _ p50 _ p99 _; do
		test=${test//\"/}
		case $test in
		PING_MBULK) w=ping ;;
		SET) w=set ;;
		GET) w=get ;;
		*) continue ;;
		esac
		printf 'workload=redis-%s-p%s\tserver=%s\tround=%s\trps=%s\tp50_ms=%s\tp99_ms=%s\n' \
			"$w" "$3" "$1" "$2" "${rps//\"/}" "${p50//\"/}" "${p99//\"/}" >>"$raw"
		log "  redis $test P$3 $1: ${rps//\"/} req/s"
	done <"$4"
}

# http_rounds runs wrk against httpplain and a net/http server of the same
# routes, interleaved round by round, one route at a time.
http_rounds() {
	need wrk wrk || { log "wrk missing: real-client HTTP workloads skipped"; return 0; }
	[[ -x $bin/httpplain && -x $bin/nethttp ]] || { log "httpplain or nethttp not built: HTTP workloads skipped"; return 0; }
	local round name route
	for ((round = 1; round <= ROUNDS; round++)); do
		for name in $(rotate $((round - 1)) "nethttp httpplain"); do
			PORT=$(free_port)
			if [[ $name == nethttp ]]; then
				start_port_server "$bin/nethttp" -addr "127.0.0.1:$PORT" || continue
			else
				start_port_server "$bin/httpplain" -listen "tcp:$PORT:interface=127.0.0.1" -reactor epoll || continue
			fi
			for route in $HTTP_ROUTES; do
				taskset -c "$CLIENT_CPU" wrk -t1 -c50 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$route" >"$work/wrk.out" 2>&1 || true
				record_wrk "$name" "$round" "$route" "$work/wrk.out"
			done
			stop "$PID"
		done
	done
}

# record_wrk turns wrk's summary into a raw result line.
record_wrk() {
	local rps p50 p99 errs w
	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$4")
	p50=$(awk '$1 == "50%" { print $2 }' "$4")
	p99=$(awk '$1 == "99%" { print $2 }' "$4")
	errs=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$4" | tr -d ',')
	w=http${3//\//-}
	[[ $3 == / ]] && w=http-root
	if [[ -z $rps ]]; then
		log "  wrk $3 $1: no result ($(tail -2 "$4" | tr '\n' ' '))"
		return
	fi
	printf 'workload=%s\tserver=%s\tround=%s\trps=%s\tp50=%s\tp99=%s\terrors=%s\n' "$w" "$1" "$2" "$rps" "$p50" "$p99" "$errs" >>"$raw"
	log "  wrk $3 $1: $rps req/s, $errs errors"
}

# profile_twistgo writes the top of a CPU profile of the Twistgo epoll echo
# server on each echo workload, for reading where its time goes.
profile_twistgo() {
	[[ -x $bin/twistgo ]] || return 0
	local w conns size inflight prof=$work/cpu.pprof
	for w in "echo64x1 50 64 1" "echo64x16 50 64 16" "echo16k 10 16384 1"; do
		read -r w conns size inflight <<<"$w"
		: >"$work/prof.out"
		GOMAXPROCS=1 taskset -c "$SERVER_CPU" "$bin/twistgo" -reactor epoll -addr 127.0.0.1:0 -cpuprofile "$prof" >"$work/prof.out" 2>&1 &
		PID=$!
		pids+=("$PID")
		for _ in $(seq 200); do
			ADDR=$(sed -n 's/^listening on //p' "$work/prof.out" | head -1)
			[[ -n $ADDR ]] && break
			sleep 0.05
		done
		loadgen -mode echo -addr "$ADDR" -conns "$conns" -size "$size" -inflight "$inflight" \
			-warmup "${WARMUP}s" -duration "${DURATION}s" >/dev/null 2>&1 || true
		stop "$PID"
		go tool pprof -top -nodecount=30 "$bin/twistgo" "$prof" >"$OUT/profile-$w.txt" 2>/dev/null || true
		log "profile of twistgo-epoll on $w in $OUT/profile-$w.txt"
	done
}

# define_workloads writes the workload definitions the report reads.
define_workloads() {
	local peer="group=Peer comparison	base=stdlib,gnet"
	local echo_extra="extra=p50_us,p99_us,server_cpu,server_us_per_msg,server_user_ns_per_msg,client_cpu,other_cpu"
	{
		printf '#workload\tname=echo64x1\ttitle=64 B echo, 50 conns, 1 in flight\tmetric=msgs_per_s\tunit=msg/s\t%s\t%s\n' "$peer" "$echo_extra"
		printf '#workload\tname=echo64x16\ttitle=64 B echo, 50 conns, 16 in flight\tmetric=msgs_per_s\tunit=msg/s\t%s\t%s\n' "$peer" "$echo_extra"
		printf '#workload\tname=echo16k\ttitle=16 KiB echo, 10 conns\tmetric=mb_per_s\tunit=MB/s\t%s\t%s\n' "$peer" "$echo_extra"
		printf '#workload\tname=idle\ttitle=%s idle connections\tmetric=bytes_per_conn\tunit=bytes/conn\tbetter=lower\t%s\textra=rss_before_kb,rss_after_kb\n' "$IDLE_CONNS" "$peer"
		printf '#workload\tname=syscalls\ttitle=syscalls per echoed message (strace -c -f, 64 B, 1 in flight)\tmetric=syscalls_per_msg\tunit=syscalls/msg\tbetter=lower\t%s\textra=calls,msgs\n' "$peer"
		local w p
		for p in 1 16; do
			for w in ping set get; do
				printf '#workload\tname=redis-%s-p%s\ttitle=redis-benchmark %s, pipeline %s\tmetric=rps\tunit=req/s\tgroup=Real clients: redis-benchmark\tbase=redis-server\textra=p50_ms,p99_ms\n' \
					"$w" "$p" "${w^^}" "$p"
			done
		done
		for w in $HTTP_ROUTES; do
			local name=http${w//\//-}
			[[ $w == / ]] && name=http-root
			printf '#workload\tname=%s\ttitle=wrk GET %s\tmetric=rps\tunit=req/s\tgroup=Real clients: wrk\tbase=nethttp\n' "$name" "$w"
		done
	} >>"$raw"
}

# describe_machine prints the facts a reader needs to weigh the numbers.
describe_machine() {
	echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs; server on CPU $SERVER_CPU (GOMAXPROCS=1), client on CPU $CLIENT_CPU"
	echo "- kernel: $(uname -sr); $(go version | cut -d' ' -f3-)"
	echo "- rounds: $ROUNDS, warm-up ${WARMUP}s, measured ${DURATION}s per echo workload; $IDLE_CONNS idle connections"
	echo "- load average before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

HTTP_ROUTES=${HTTP_ROUTES:-"/plaintext /json"}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
build
define_workloads
peer_rounds
skipped redis || redis_rounds
skipped http || http_rounds
[[ ${PROFILE:-0} == 1 ]] && profile_twistgo
{
	echo "## Results ($(date -u +%Y-%m-%d))"
	echo
	describe_machine
	echo
	"$bin/report" -in "$raw"
} >"$OUT/results.md"
"$bin/report" -in "$raw" -svg "$OUT/chart.svg" >/dev/null
cat "$OUT/results.md"
cp "$work/loadgen.log" "$OUT/loadgen.log" 2>/dev/null || true
log "wrote $OUT/results.md, $OUT/chart.svg and $raw"
