#!/usr/bin/env bash
# The Debian packages end to end (issue 20): scripts/package builds them and runs lintian
# (failing on an error or a warning); they are installed on this machine with dpkg -i; the
# installed server runs with its systemd unit's command line (as its system user, on loopback,
# with the demo data in a scratch data directory), the installed CLI signs in, pulls and lists
# the assignments, the installed app renders Today offscreen to a PNG; then both packages are
# purged and nothing of theirs may be left but the server's data directory.
#
#   package_test.sh SOURCE_DIR WORK_DIR       (as root, or with passwordless sudo; else skipped)
set -euo pipefail
src=$1
work=$2
skip=77

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then as_root=(sudo -n); else
        echo "package test: needs root (dpkg -i); skipped"
        exit $skip
    fi
fi
fail() { echo "package test: FAIL: $*" >&2; exit 1; }
step() { echo "== $* ($((SECONDS - t0)) s)"; }
t0=$SECONDS

rm -rf "$work"
mkdir -p "$work"
chmod 755 "$work"

step "scripts/package: build both packages, lintian"
"$src/scripts/package"
version=$(sed -nE 's/^project\(fieldinspect VERSION ([0-9.]+).*/\1/p' "$src/CMakeLists.txt")
arch=$(dpkg --print-architecture)
app_deb="$src/build/package/fieldinspect_${version}_${arch}.deb"
server_deb="$src/build/package/fieldinspect-server_${version}_${arch}.deb"
for deb in "$app_deb" "$server_deb"; do
    [ -f "$deb" ] || fail "$deb was not built"
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] ||
        fail "$deb has version $(dpkg-deb -f "$deb" Version), CMake says $version"
done
[ "$(cd "$src" && dpkg-parsechangelog -S Version)" = "$version" ] ||
    fail "debian/changelog's version is not CMake's $version"
grep -q "<release version=\"$version\"" "$src/assets/linux/org.fieldinspect.FieldInspect.metainfo.xml" ||
    fail "the AppStream metainfo has no release $version"

step "dpkg -i"
for pkg in fieldinspect fieldinspect-server; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -qv 'not-installed'; then
        echo "package test: $pkg was installed before the test; purging it first"
        "${as_root[@]}" dpkg --purge "$pkg" >/dev/null
    fi
done
"${as_root[@]}" dpkg -i "$app_deb" "$server_deb"
dpkg -L fieldinspect fieldinspect-server | sort -u >"$work/installed.txt"

step "the installed files"
for f in /usr/bin/fieldinspect /usr/bin/fieldinspect-cli /usr/sbin/fieldinspect-server \
         /usr/share/applications/org.fieldinspect.FieldInspect.desktop \
         /usr/share/metainfo/org.fieldinspect.FieldInspect.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/org.fieldinspect.FieldInspect.svg \
         /usr/share/icons/hicolor/16x16/apps/org.fieldinspect.FieldInspect.png \
         /usr/share/icons/hicolor/48x48/apps/org.fieldinspect.FieldInspect.png \
         /usr/share/icons/hicolor/256x256/apps/org.fieldinspect.FieldInspect.png \
         /usr/share/man/man1/fieldinspect.1.gz /usr/share/man/man1/fieldinspect-cli.1.gz \
         /usr/share/man/man8/fieldinspect-server.8.gz \
         /lib/systemd/system/fieldinspect-server.service /usr/lib/sysusers.d/fieldinspect-server.conf \
         /etc/default/fieldinspect-server /usr/share/fieldinspect-server/holidays.json \
         /usr/share/fieldinspect-server/demo/plan.json; do
    [ -e "$f" ] || fail "$f is not installed"
done
grep -q '^Name\[zh_CN\]=' /usr/share/applications/org.fieldinspect.FieldInspect.desktop ||
    fail "the desktop entry has no zh_CN name"
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/org.fieldinspect.FieldInspect.metainfo.xml
fi
getent passwd fieldinspect-server >/dev/null || fail "the system user fieldinspect-server is missing"

step "--version"
for cmd in fieldinspect fieldinspect-cli fieldinspect-server; do
    got=$(QT_QPA_PLATFORM=offscreen "$cmd" --version)
    [ "$got" = "$cmd $version" ] || fail "$cmd --version says '$got', not '$cmd $version'"
done

# The server as its unit starts it: ExecStart with the settings of /etc/default, run as the
# unit's user, but with a scratch data directory, a free loopback port and the demo data.
step "the installed server with its unit's command line"
unit=/lib/systemd/system/fieldinspect-server.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
env_file=$(sed -n 's/^EnvironmentFile=-\{0,1\}//p' "$unit")
unit_user=$(sed -n 's/^User=//p' "$unit")
[ -n "$exec_start" ] && [ -n "$env_file" ] && [ -n "$unit_user" ] || fail "$unit lacks ExecStart, EnvironmentFile or User"
# systemd's expansion of the settings: ${VAR} is one word, $VAR splits on blanks.
command_line=$exec_start
for name in $(sed -nE 's/^([A-Za-z_][A-Za-z0-9_]*)=.*/\1/p' "$env_file"); do
    value=$(set -a && . "$env_file" && printf '%s' "${!name}")
    command_line=${command_line//"\${$name}"/$value}
    command_line=${command_line//"\$$name"/$value}
done
read -r -a words <<<"$command_line"
# The data directory where the unit's user can reach it (it is created 0700 by the server).
scratch=$(mktemp -d /tmp/fi-package-test.XXXXXX)
chmod 755 "$scratch"
"${as_root[@]}" chown "$unit_user:" "$scratch"
central="$scratch/central"
args=()
for ((i = 1; i < ${#words[@]}; ++i)); do
    case "${words[i]}" in
    --data) args+=(--data "$central"); ((++i)) ;;
    --listen) args+=(--listen 127.0.0.1:0); ((++i)) ;;
    *) args+=("${words[i]}") ;;
    esac
done
[ "${words[0]}" = /usr/sbin/fieldinspect-server ] || fail "the unit starts '${words[0]}'"
printf '%s\n' "${words[*]}" | grep -q -- '--data /var/lib/fieldinspect-server --listen 127.0.0.1:8080' ||
    fail "the unit's command line is '${words[*]}'"
as_unit_user=("${as_root[@]}" setpriv --reuid="$unit_user" --regid="$unit_user" --clear-groups --)
server_log="$work/server.log"
(cd / && exec "${as_unit_user[@]}" "${words[0]}" "${args[@]}" --demo) >"$server_log" 2>&1 &
server_pid=$!
stop_server() {
    if [ -n "${server_pid:-}" ]; then
        "${as_root[@]}" kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
trap 'stop_server; "${as_root[@]}" rm -rf "$scratch"' EXIT
url=""
for _ in $(seq 1 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v1' "$server_log" 2>/dev/null | head -n1 || true)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_log"; fail "the server did not start"; }
    sleep 0.1
done
[ -n "$url" ] || { cat "$server_log"; fail "the server did not say where it listens"; }
echo "server at $url"
[ "$(stat -c %U "$central/server.db")" = "$unit_user" ] ||
    fail "the database does not belong to $unit_user"

step "the installed CLI: init, pull, assignments"
secrets="$work/secrets"
mkdir -m 700 "$secrets"
printf 'demo1234\n' >"$secrets/password"
# The test machine has no TPM, so the installed tools ask for a passphrase, not a PIN.
secret='Field inspect 2026'
printf '%s\n' "$secret" >"$secrets/pin"
FI_INSECURE_TEST_KDF=1 FI_DATA="$work/cli" FI_SERVER="$url" FI_PIN="$secret" FI_PASSWORD=demo1234 \
    fieldinspect-cli init --user inspector1
# The installed tool honours no test switch: its key file has the shipped cost (5 passes).
grep -q '"opslimit": 5' "$work/cli/fieldinspect.db.key" ||
    fail "the installed CLI wrote a key file below the shipped KDF cost"
FI_DATA="$work/cli" FI_SERVER="$url" FI_PIN="$secret" fieldinspect-cli pull
FI_DATA="$work/cli" FI_PIN="$secret" fieldinspect-cli assignments | tee "$work/assignments.txt"
grep -q 'A-2026Q4-' "$work/assignments.txt" || fail "the CLI lists no demo assignment"

step "the installed admin command"
(cd / && "${as_unit_user[@]}" fieldinspect-server admin --data "$central" list-assignments) \
    >"$work/admin.txt"
grep -q 'A-2026Q4-' "$work/admin.txt" || fail "admin list-assignments shows no assignment"

step "the installed app, offscreen, with a screenshot"
QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software timeout 300 \
    fieldinspect --data "$work/tablet" --server "$url" --user inspector1 \
    --password-file "$secrets/password" --pin-file "$secrets/pin" \
    --screenshot "$work/today.png"
[ "$(head -c 8 "$work/today.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "the app wrote no PNG"
echo "screenshot: $work/today.png ($(stat -c %s "$work/today.png") bytes)"

step "stop the server"
stop_server

step "dpkg --purge: nothing left but the data directory"
"${as_root[@]}" dpkg --purge fieldinspect fieldinspect-server
for pkg in fieldinspect fieldinspect-server; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -qv 'not-installed'; then
        fail "$pkg is still known to dpkg after the purge"
    fi
done
left=()
while IFS= read -r path; do
    [ -n "$path" ] || continue
    # Shared directories (/usr/bin, /usr/share/man/man1, …) stay; anything of ours may not.
    if [ -d "$path" ]; then
        case "$path" in
        */fieldinspect* | */org.fieldinspect*) left+=("$path") ;;
        esac
    elif [ -e "$path" ] || [ -L "$path" ]; then
        left+=("$path")
    fi
done <"$work/installed.txt"
for path in /etc/default/fieldinspect-server /usr/share/fieldinspect-server \
            /usr/share/doc/fieldinspect /usr/share/doc/fieldinspect-server \
            /etc/systemd/system/multi-user.target.wants/fieldinspect-server.service \
            /var/lib/systemd/deb-systemd-helper-enabled/fieldinspect-server.service.dsh-also; do
    [ -e "$path" ] && left+=("$path")
done
((${#left[@]} == 0)) || fail "left after the purge: ${left[*]}"
"${as_root[@]}" test -s "$central/server.db" || fail "the purge took the server's data directory"
step "done: fieldinspect $version packaged, installed, run and purged"
