#!/usr/bin/env bash
# Boots the built image in qemu-system-aarch64 (virt machine, cortex-a72, TCG: slow but no KVM needed) with the
# image's own kernel and initrd, waits until systemd reports the Moodbox service started (READY=1, so the
# page serves), then asks the box for its admin page from the host, as a phone on the network would, and for
# the kiosk's state, which only the box itself may read; last it waits for the library scan that follows
# READY to add the music the image ships. The disk is opened with -snapshot: the image file itself is not
# changed. The network is qemu's user mode with restrict=on: the guest reaches nothing outside, and the host
# reaches the box's port 8080 at 127.0.0.1:$BOOT_TEST_PORT (default 18080). The kiosk unit is masked (no
# display).
# The journal goes to the serial console too, so the log shows what the service itself says while it starts.
# The network card has no option ROM (romfile=): the kernel is booted directly, so none is needed, and
# Debian ships the ROM in a separate package (ipxe-qemu) that qemu-system-arm does not pull in.
#   usage: boot-test.sh [IMAGE] [TIMEOUT_SECONDS]   (default target/moodbox-arm64.img, 1200)
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
image="${1:-$HERE/target/moodbox-arm64.img}"
timeout_s="${2:-1200}"
port="${BOOT_TEST_PORT:-18080}"
base="${image%.img}"
for f in "$image" "$base.vmlinuz" "$base.initrd"; do
    [[ -f "$f" ]] || { echo "boot-test: $f is missing: run build-image.sh first" >&2; exit 1; }
done
command -v qemu-system-aarch64 >/dev/null || { echo "boot-test: apt-get install qemu-system-arm" >&2; exit 1; }

log="$(dirname "$image")/boot-test.log"
: > "$log"
started=$SECONDS
journal_to_console="systemd.journald.forward_to_console=1"
qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 2048 -nographic -no-reboot \
    -kernel "$base.vmlinuz" -initrd "$base.initrd" \
    -append "root=LABEL=moodbox-root rw console=ttyAMA0 systemd.mask=moodbox-kiosk.service $journal_to_console" \
    -drive "file=$image,format=raw,if=virtio" -snapshot \
    -netdev "user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:$port-:8080" -device virtio-net-pci,netdev=net0,romfile= \
    > "$log" 2>&1 < /dev/null &
qemu=$!
trap 'kill "$qemu" 2>/dev/null || true; wait "$qemu" 2>/dev/null || true' EXIT

# The status line systemd prints on the console is cut to the console's width ("moodbox.service…dbox emotion"),
# so the unit's name is what is matched; the journal's copy of the line is whole.
result=timeout
while (( SECONDS - started < timeout_s )); do
    if grep -qa 'Started.*moodbox\.service' "$log"; then result=ready; break; fi
    if grep -qaE 'Failed to start.*moodbox\.service|Kernel panic|end Kernel panic' "$log"; then result=failed; break; fi
    if ! kill -0 "$qemu" 2>/dev/null; then result=exited; break; fi
    sleep 2
done
elapsed=$((SECONDS - started))
grep -aE 'moodbox first boot|Moodbox is up|Reached target' "$log" | tail -n 20 >&2 || true
echo "boot-test: $result after ${elapsed} s (serial console: $log)" >&2
[[ "$result" == ready ]] || exit 1

# First line of the box's answer to GET PATH through the forwarded port (bash's /dev/tcp: no curl needed).
status_of() {
    local line
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: moodbox\r\n\r\n' "$1" >&3
    IFS= read -r line <&3 || true
    exec 3<&- 3>&-
    printf '%s' "${line%$'\r'}"
}
admin="$(status_of /admin)"
state="$(status_of /api/state)"
echo "boot-test: from the network, GET /admin: $admin; GET /api/state: $state" >&2
[[ "$admin" == *" 200"* ]] || { echo "boot-test: the admin page does not answer the network" >&2; exit 1; }
[[ "$state" == *" 403"* ]] || { echo "boot-test: the kiosk's state must answer only the box itself" >&2; exit 1; }

# The library scan runs after READY: the music the image ships must be found and decoded by the arm64 natives.
scan=""
while (( SECONDS - started < timeout_s )) && kill -0 "$qemu" 2>/dev/null; do
    scan="$(grep -ao 'library scan done: .*' "$log" | head -n 1 | tr -d '\r' || true)"
    [[ -n "$scan" ]] && break
    sleep 5
done
echo "boot-test: ${scan:-library scan not done} after $((SECONDS - started)) s" >&2
[[ "$scan" =~ ^library\ scan\ done:\ ([0-9]+)\ files,\ ([0-9]+)\ added.*\ 0\ unreadable ]] && (( BASH_REMATCH[2] > 0 )) \
    || { echo "boot-test: the shipped music was not scanned into the catalog" >&2; exit 1; }
echo "boot-test: ok" >&2
