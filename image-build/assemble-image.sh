#!/usr/bin/env bash
# Makes a flashable disk image from a root file system, without loop devices or mounts (so it also works
# in containers): an MBR with a FAT32 boot partition (the Raspberry Pi firmware reads config.txt, the
# kernel and the initrd from it) and an ext4 root filled by 'mke2fs -d'. Arguments: ROOTFS IMAGE.
# The root partition is only as large as its content plus room for a first boot; moodbox-firstboot grows
# it to the whole SD card.
set -euo pipefail
rootfs="$1"
image="$2"
BOOT_MB=256
say() { printf 'assemble-image: %s\n' "$*" >&2; }

work="$(mktemp -d "$(dirname "$image")/assemble.XXXXXX")"
trap 'rm -rf "$work"; if [[ -d "$work.firmware" ]]; then mv "$work.firmware" "$rootfs/boot/firmware"; fi' EXIT

# Boot partition: FAT32, label as in fstab.
mkfs.vfat -F 32 -n MOODBOXBOOT -C "$work/boot.vfat" $((BOOT_MB * 1024)) >/dev/null
if [[ -n "$(ls -A "$rootfs/boot/firmware")" ]]; then
    mcopy -s -p -i "$work/boot.vfat" "$rootfs"/boot/firmware/* ::/
fi

# Root partition: everything but the boot partition's files (/boot/firmware stays as the empty mount point).
mv "$rootfs/boot/firmware" "$work.firmware"
mkdir "$rootfs/boot/firmware"
used_mb=$(du -sm "$rootfs" | cut -f1)
root_mb=$(( used_mb * 115 / 100 + 256 ))
mke2fs -q -t ext4 -L moodbox-root -d "$rootfs" "$work/root.ext4" "${root_mb}M"
rmdir "$rootfs/boot/firmware"
mv "$work.firmware" "$rootfs/boot/firmware"

# The disk: 1 MiB for the partition table (aligned for SD cards), boot, root.
total_mb=$((1 + BOOT_MB + root_mb))
rm -f "$image"
truncate -s "${total_mb}M" "$image"
sfdisk --quiet "$image" <<EOF
label: dos
start=1MiB, size=${BOOT_MB}MiB, type=c, bootable
start=$((1 + BOOT_MB))MiB, type=83
EOF
dd if="$work/boot.vfat" of="$image" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$work/root.ext4" of="$image" bs=1M seek=$((1 + BOOT_MB)) conv=notrunc,sparse status=none
say "$image: ${total_mb} MB (boot ${BOOT_MB} MB, root ${root_mb} MB with ${used_mb} MB of files)"
