#!/usr/bin/env bash
# Benchmark: signed POST /twilio/voice through hours -> menu on switchboard-routerd, with wrk
# on loopback, against the same TwiML served from memory by nginx (the ceiling).
# routerd with one thread and nginx with one worker, each pinned to one core and wrk to the
# other, 32 connections. Aim: routerd >= 50% of nginx's requests/s, p99 <= 2 ms. Also:
# routerd with --threads 2, unpinned, and routerd's memory with 1,000 idle connections.
#
#   bench_routerd.sh PATH/TO/switchboard-routerd [SECONDS]    (default 10, or $DURATION)
#
# With CEILING=PATH/TO/bench_http_ceiling (the CMake target sets it), it also measures what
# routerd's HTTP layer (Boost.Beast) answers doing only the parts every webhook answer needs,
# one by one (a fixed answer; + the signature check; + the TwiML written by
# Switchboard::Twiml; + one SQLite read): the ceiling for any handler on this HTTP layer.
#
# KEEP=1 keeps the temporary directory (logs, wrk output, TwiML). To profile, pass a wrapper
# script that execs e.g. "valgrind --tool=callgrind ROUTERD "$@"" in place of the binary.
#
# Prints figures; exits 0 whether or not the aims are met, non-zero only when it cannot run.
set -euo pipefail

[[ $# -ge 1 ]] || { echo "usage: $0 PATH/TO/switchboard-routerd [SECONDS]" >&2; exit 2; }
routerd=$1
duration=${2:-${DURATION:-10}}
connections=32
ulimit -n 4096 2>/dev/null || true # the idle-connection count below needs the descriptors

for tool in wrk nginx curl python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench_routerd: $tool is missing. Install: apt-get install wrk nginx (and curl, python3)" >&2
        exit 2
    fi
done
[[ -x $routerd ]] || { echo "bench_routerd: $routerd is not an executable" >&2; exit 2; }

# With two or more CPUs, the server gets CPU 1 and wrk CPU 0, so neither steals the other's
# core and routerd and nginx (both single-threaded here) are compared on one core each.
server_cpu=() client_cpu=()
if [[ $(nproc) -ge 2 ]] && command -v taskset >/dev/null; then
    server_cpu=(taskset -c 1) client_cpu=(taskset -c 0)
fi

tmp=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ -n ${KEEP:-} ]] || rm -rf "$tmp"
}
trap cleanup EXIT

# Prints the port a log line "... listening on http://127.0.0.1:PORT ..." names, waiting for it.
port_in_log() {
    for _ in $(seq 100); do
        local port
        port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$1")
        [[ -n $port ]] && { echo "$port"; return; }
        kill -0 "$2" 2>/dev/null || break
        sleep 0.1
    done
    echo "bench_routerd: the server did not start:" >&2
    cat "$1" >&2
    return 1
}

# --- routerd ---------------------------------------------------------------------------
token=bench-auth-token admin=bench-admin-token
TWILIO_AUTH_TOKEN=$token SWITCHBOARD_ADMIN_TOKEN=$admin "${server_cpu[@]}" "$routerd" \
    --listen 127.0.0.1:0 --database "$tmp/r.sqlite" --quiet --threads 1 2>"$tmp/routerd.log" &
pids+=($!)
port=$(port_in_log "$tmp/routerd.log" "${pids[-1]}")
base=http://127.0.0.1:$port

# One number whose call flow is hours (always open) -> menu (keys 1 and 2).
always='[["00:00", "24:00"]]'
cat >"$tmp/config.json" <<EOF
{
  "format": "switchboard-config",
  "version": 1,
  "organization": { "name": "Bench", "timezone": "America/Chicago" },
  "numbers": [ { "number": "+15125550100", "label": "Main", "flow": "main" } ],
  "flows": [ { "id": "main", "name": "Main", "sms": null, "voice": {
    "start": "hours",
    "applets": {
      "hours": { "type": "hours", "name": "Hours", "next": { "open": "menu", "closed": "bye" },
        "config": { "timezone": null, "holidays": [], "weekly": {
          "mon": $always, "tue": $always, "wed": $always, "thu": $always,
          "fri": $always, "sat": $always, "sun": $always } } },
      "menu": { "type": "menu", "name": "Menu", "next": { "1": "bye", "2": "bye", "no-input": "bye" },
        "config": { "prompt": { "say": "For sales press 1, for support press 2." },
                    "timeout": 5, "attempts": 3, "invalid_prompt": null } },
      "bye": { "type": "hangup", "name": "Bye", "config": { "reject": false }, "next": {} } } } } ]
}
EOF
status=$(curl -s -o "$tmp/put.out" -w '%{http_code}' -X PUT -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' --data-binary @"$tmp/config.json" "$base/api/v1/config")
[[ $status == 200 ]] || { echo "bench_routerd: PUT /api/v1/config gave $status: $(cat "$tmp/put.out")" >&2; exit 1; }

# --- signed requests -------------------------------------------------------------------
# wrk's Lua has no HMAC: python signs one request per CallSid ahead of time, enough for
# 60k requests/s, so no CallSid repeats while measuring.
# Each line is "SIGNATURE BODY"; check.txt holds one more, for curl.
count=$(( duration * 60000 + 20000 ))
python3 - "$token" "$base/twilio/voice" "$count" "$tmp" <<'PY'
import base64, hashlib, hmac, sys, urllib.parse
token, url, count, out = sys.argv[1].encode(), sys.argv[2], int(sys.argv[3]), sys.argv[4]
fixed = {"AccountSid": "AC" + "0" * 32, "ApiVersion": "2010-04-01", "CallStatus": "ringing",
         "Called": "+15125550100", "Direction": "inbound", "FromCity": "AUSTIN", "FromCountry": "US",
         "FromState": "TX", "To": "+15125550100"}
fixed_body = urllib.parse.urlencode(fixed)
def signed(i):
    caller = f"+1512555{i % 10000:04d}"
    varying = {"CallSid": f"CA{i:032x}", "Caller": caller, "From": caller}
    data = url + "".join(k + v for k, v in sorted({**fixed, **varying}.items()))
    sig = base64.b64encode(hmac.digest(token, data.encode(), hashlib.sha1)).decode()
    return sig + " " + fixed_body + "&" + urllib.parse.urlencode(varying) + "\n"
with open(f"{out}/check.txt", "w") as f:
    f.write(signed(count))
with open(f"{out}/requests.txt", "w") as f:
    f.writelines(signed(i) for i in range(count))
PY

cat >"$tmp/bench.lua" <<'LUA'
-- POSTs each precomputed signed request once, in order; reports figures from done().
local requests, n, i = {}, 0, 0
wrapped = false
function init(args)
  for line in io.lines(args[1]) do
    local sig, body = line:match("^(%S+) (%S+)$")
    n = n + 1
    requests[n] = wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded",
                                            ["X-Twilio-Signature"] = sig }, body)
  end
end
function request()
  i = i + 1
  if i > n then i, wrapped = 1, true end
  return requests[i]
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function done(summary, latency)
  local wrapped = false
  for _, t in ipairs(threads) do wrapped = wrapped or t:get("wrapped") end
  io.write(string.format("RESULT %.0f %d %d %d %s\n", summary.requests / summary.duration * 1e6,
    latency:percentile(99), latency:percentile(50), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout, tostring(wrapped)))
end
LUA

read -r check_sig check_body <"$tmp/check.txt"
post() { # post URL SIGNATURE OUTFILE -> prints the HTTP status
    curl -s -o "$3" -w '%{http_code}' -H "X-Twilio-Signature: $2" --data-binary "$check_body" "$1"
}
# The real path: a signed call gets the menu; a forged signature gets 403.
status=$(post "$base/twilio/voice" "$check_sig" "$tmp/twiml.xml")
if [[ $status != 200 ]] || ! grep -q '<Gather' "$tmp/twiml.xml"; then
    echo "bench_routerd: the signed check request gave $status: $(cat "$tmp/twiml.xml")" >&2; exit 1
fi
status=$(post "$base/twilio/voice" "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" "$tmp/forged.out")
[[ $status == 403 ]] || { echo "bench_routerd: a forged signature gave $status, not 403" >&2; exit 1; }

# run_wrk URL NAME: runs wrk, keeps its output in NAME.wrk, sets rps[NAME], p99[NAME] (µs) ...
declare -A rps p99 p50
run_wrk() {
    "${wrk_cpu[@]}" wrk -t1 -c"$connections" -d"${duration}s" --latency -s "$tmp/bench.lua" "$1" \
        -- "$tmp/requests.txt" >"$tmp/$2.wrk"
    local errors wrapped
    read -r _ "rps[$2]" "p99[$2]" "p50[$2]" errors wrapped < <(grep '^RESULT' "$tmp/$2.wrk") \
        || { echo "bench_routerd: wrk gave no figures:" >&2; cat "$tmp/$2.wrk" >&2; exit 1; }
    if [[ $errors != 0 ]]; then
        echo "bench_routerd: $2 answered $errors requests with an error:" >&2; cat "$tmp/$2.wrk" >&2; exit 1
    fi
    [[ $wrapped == false || $2 != routerd ]] || echo "note: $2 used up the $count CallSids, so some repeated" >&2
}
wrk_cpu=("${client_cpu[@]}")
echo "wrk -t1 -c$connections -d${duration}s ${client_cpu[*]:+(wrk on CPU 0, servers on CPU 1)}"
run_wrk "$base/twilio/voice" routerd

# --- routerd's memory with 1,000 idle connections ----------------------------------------
routerd_pid=${pids[0]}
idle_rss=$(python3 - "$port" "$routerd_pid" <<'PY'
import socket, sys, time
port, pid = int(sys.argv[1]), sys.argv[2]
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
before = rss()
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(1000)]
time.sleep(1)
after = rss()
# Still answering while they are held.
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: b\r\n\r\n")
ok = s.recv(100).startswith(b"HTTP/1.1 200")
print(before, after, "yes" if ok else "NO")
PY
)

# --- routerd with two threads, unpinned --------------------------------------------------
# A second routerd with a database of its own (the first one remembers the CallSids it
# answered), taking the same signed requests: its public URL is the first one's.
TWILIO_AUTH_TOKEN=$token SWITCHBOARD_ADMIN_TOKEN=$admin "$routerd" --listen 127.0.0.1:0 \
    --public-url "$base" --database "$tmp/r2.sqlite" --quiet --threads 2 2>"$tmp/routerd2.log" &
pids+=($!)
port2=$(port_in_log "$tmp/routerd2.log" "${pids[-1]}")
status=$(curl -s -o "$tmp/put2.out" -w '%{http_code}' -X PUT -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' --data-binary @"$tmp/config.json" "http://127.0.0.1:$port2/api/v1/config")
[[ $status == 200 ]] || { echo "bench_routerd: PUT to the second routerd gave $status" >&2; exit 1; }
wrk_cpu=()
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$tmp/bench.lua" "http://127.0.0.1:$port2/twilio/voice" \
    -- "$tmp/requests.txt" >"$tmp/routerd2.wrk"
read -r _ two_rps two_p99 _ two_errors _ < <(grep '^RESULT' "$tmp/routerd2.wrk")
kill "${pids[-1]}" 2>/dev/null || true
wrk_cpu=("${client_cpu[@]}")

# --- nginx, the same TwiML from memory ------------------------------------------------
nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
twiml=$(<"$tmp/twiml.xml")
twiml=${twiml//\\/\\\\}; twiml=${twiml//\'/\\\'}   # for nginx's '...' (the TwiML has no $)
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $tmp/nginx/body; proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi; uwsgi_temp_path $tmp/nginx/uwsgi; scgi_temp_path $tmp/nginx/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { default_type text/xml; charset utf-8; return 200 '$twiml'; }
    }
}
EOF
"${server_cpu[@]}" nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx.conf" &
pids+=($!)
for _ in $(seq 50); do
    curl -s -o "$tmp/nginx.out" "http://127.0.0.1:$nginx_port/twilio/voice" && break
    sleep 0.1
done
[[ $(<"$tmp/nginx.out") == "$(<"$tmp/twiml.xml")" ]] || { echo "bench_routerd: nginx did not serve the TwiML" >&2; cat "$tmp/nginx/error.log" >&2; exit 1; }
run_wrk "http://127.0.0.1:$nginx_port/twilio/voice" nginx

# --- the ceiling on routerd's HTTP layer, part by part ------------------------------------
levels=()
if [[ -n ${CEILING:-} ]]; then
    [[ -x $CEILING ]] || { echo "bench_routerd: CEILING=$CEILING is not an executable" >&2; exit 2; }
    for level in fixed signature twiml read; do
        "${server_cpu[@]}" "$CEILING" "$level" "$token" "$base" "$tmp/ceiling.sqlite" \
            2>"$tmp/ceiling-$level.log" &
        pids+=($!)
        ceiling_port=$(port_in_log "$tmp/ceiling-$level.log" "${pids[-1]}")
        status=$(post "http://127.0.0.1:$ceiling_port/twilio/voice" "$check_sig" "$tmp/ceiling.out")
        if [[ $status != 200 ]] || ! grep -q '<Gather' "$tmp/ceiling.out"; then
            echo "bench_routerd: bench_http_ceiling $level gave $status: $(cat "$tmp/ceiling.out")" >&2
            exit 1
        fi
        run_wrk "http://127.0.0.1:$ceiling_port/twilio/voice" "$level"
        kill "${pids[-1]}" 2>/dev/null || true
        levels+=("$level")
    done
fi

# --- summary --------------------------------------------------------------------------
declare -A what=([nginx]="nginx, the TwiML from memory" [routerd]="switchboard-routerd"
    [fixed]="Beast layer, a fixed answer" [signature]="  + signature checked"
    [twiml]="  + TwiML written (Twiml)" [read]="  + one SQLite read")
printf '%-32s %11s %9s %9s %9s\n' "" "requests/s" "of nginx" "p50" "p99"
for name in nginx "${levels[@]}" routerd; do
    awk -v what="${what[$name]}" -v r="${rps[$name]}" -v n="${rps[nginx]}" -v m="${p50[$name]}" \
        -v p="${p99[$name]}" 'BEGIN { printf "%-32s %11.0f %8.1f%% %7.2fms %7.2fms\n",
        what, r, 100 * r / n, m / 1000, p / 1000 }'
done
awk -v rr="${rps[routerd]}" -v rp="${p99[routerd]}" -v nr="${rps[nginx]}" 'BEGIN {
    ratio = 100 * rr / nr
    printf "routerd/nginx throughput: %.1f%% (aim >= 50%%: %s)\n", ratio, (ratio >= 50 ? "met" : "MISSED")
    printf "routerd p99: %.2f ms (aim <= 2 ms: %s)\n", rp / 1000, (rp <= 2000 ? "met" : "MISSED")
}'
printf 'routerd --threads 2, unpinned (wrk -t2 on the same cores): %.0f requests/s, p99 %.2f ms, %s errors\n' \
    "$two_rps" "$(awk -v p="$two_p99" 'BEGIN { print p / 1000 }')" "$two_errors"
read -r rss_before rss_after rss_ok <<<"$idle_rss"
printf 'routerd memory: %d KiB, with 1,000 idle connections %d KiB (+%d KiB); /healthz answered: %s\n' \
    "$rss_before" "$rss_after" "$((rss_after - rss_before))" "$rss_ok"
