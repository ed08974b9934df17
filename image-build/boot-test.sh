#!/usr/bin/env bash
# Boots the built image in qemu-system-aarch64 (virt machine, cortex-a72, TCG: slow but no KVM needed) with the
# image's own kernel and initrd, and waits until systemd reports the Moodbox service started (READY=1, so the
# page serves). The disk is opened with -snapshot: the image file itself is not changed. The network is
# qemu's user mode with restrict=on: the guest reaches nothing outside. The kiosk unit is masked (no display).
# The network card has no option ROM (romfile=): the kernel is booted directly, so none is needed, and
# Debian ships the ROM in a separate package (ipxe-qemu) that qemu-system-arm does not pull in.
#   usage: boot-test.sh [IMAGE] [TIMEOUT_SECONDS]   (default target/moodbox-arm64.img, 1200)
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
image="${1:-$HERE/target/moodbox-arm64.img}"
timeout_s="${2:-1200}"
base="${image%.img}"
for f in "$image" "$base.vmlinuz" "$base.initrd"; do
    [[ -f "$f" ]] || { echo "boot-test: $f is missing: run build-image.sh first" >&2; exit 1; }
done
command -v qemu-system-aarch64 >/dev/null || { echo "boot-test: apt-get install qemu-system-arm" >&2; exit 1; }

log="$(dirname "$image")/boot-test.log"
: > "$log"
started=$SECONDS
qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 2048 -nographic -no-reboot \
    -kernel "$base.vmlinuz" -initrd "$base.initrd" \
    -append "root=LABEL=moodbox-root rw console=ttyAMA0 systemd.mask=moodbox-kiosk.service" \
    -drive "file=$image,format=raw,if=virtio" -snapshot \
    -netdev user,id=net0,restrict=on -device virtio-net-pci,netdev=net0,romfile= \
    > "$log" 2>&1 < /dev/null &
qemu=$!
trap 'kill "$qemu" 2>/dev/null || true; wait "$qemu" 2>/dev/null || true' EXIT

result=timeout
while (( SECONDS - started < timeout_s )); do
    if grep -q 'Started.*Moodbox emotion-driven music kiosk' "$log"; then result=ready; break; fi
    if grep -qE 'Failed to start.*Moodbox emotion|Kernel panic|end Kernel panic' "$log"; then result=failed; break; fi
    if ! kill -0 "$qemu" 2>/dev/null; then result=exited; break; fi
    sleep 2
done
elapsed=$((SECONDS - started))
grep -E 'moodbox first boot|Moodbox|Reached target' "$log" | tail -n 20 >&2 || true
echo "boot-test: $result after ${elapsed} s (serial console: $log)" >&2
[[ "$result" == ready ]]
