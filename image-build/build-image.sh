#!/usr/bin/env bash
# Builds the Moodbox arm64 SD-card image: Debian bookworm (mmdebstrap), the moodbox arm64 package with its
# units enabled, first-boot setup, and for the 'full' profile the kernel, the Raspberry Pi boot firmware,
# the kiosk browser and a partitioned, flashable disk image. Runs on amd64 as root; arm64 programs (the
# packages' maintainer scripts) run under qemu-user through binfmt_misc.
#
#   sudo image-build/build-image.sh                      # full: target/moodbox-arm64.img (Raspberry Pi 4)
#   sudo image-build/build-image.sh --profile smoke      # CI: the root file system only, no kernel or browser
#   options: --deb FILE (default: packaging/deb/target/moodbox_*_arm64.deb)  --out DIR (default: image-build/target)
#            --suite bookworm  --keep-rootfs
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
REPO="$(dirname "$HERE")"
profile=full
suite=bookworm
out="$HERE/target"
deb=""
keep_rootfs=no

say() { printf 'build-image: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --profile) profile="$2"; shift 2 ;;
        --deb) deb="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --suite) suite="$2"; shift 2 ;;
        --keep-rootfs) keep_rootfs=yes; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$profile" == full || "$profile" == smoke ]] || die "--profile is full or smoke, not '$profile'"
[[ $(id -u) -eq 0 ]] || die "run as root: mmdebstrap's root mode and chown of the image's files need it"

for tool in mmdebstrap arch-test mke2fs; do
    command -v "$tool" >/dev/null || die "$tool is missing: apt-get install mmdebstrap arch-test qemu-user-static binfmt-support e2fsprogs"
done
if [[ "$profile" == full ]]; then
    for tool in mkfs.vfat mcopy sfdisk; do
        command -v "$tool" >/dev/null || die "$tool is missing: apt-get install dosfstools mtools fdisk"
    done
fi

if [[ -z "$deb" ]]; then
    shopt -s nullglob
    debs=("$REPO"/packaging/deb/target/moodbox_*_arm64.deb)
    shopt -u nullglob
    [[ ${#debs[@]} -eq 1 ]] || die "no single arm64 package in packaging/deb/target; build it: mvn -B package -DskipTests -pl packaging/deb -am"
    deb="${debs[0]}"
fi
[[ -f "$deb" ]] || die "no package at $deb"
deb="$(readlink -f "$deb")"

# arm64 programs must run here: qemu-user registered with binfmt_misc (the F flag lets the chroot use the
# host's interpreter without copying it in). Registering needs root and a mountable binfmt_misc.
enable_arm64() {
    arch-test arm64 >/dev/null 2>&1 && return 0
    if [[ ! -e /proc/sys/fs/binfmt_misc/register ]]; then
        mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2>/dev/null || true
    fi
    if command -v update-binfmts >/dev/null; then
        update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
    fi
    arch-test arm64 >/dev/null 2>&1 || die "this machine cannot run arm64 programs: install qemu-user-static and" \
        "binfmt-support, and make sure binfmt_misc can be mounted (a container needs it from its host)"
}
enable_arm64

mkdir -p "$out"
work="$(mktemp -d "$out/work.XXXXXX")"
rootfs="$work/rootfs"
# rm -rf only on folders with nothing mounted inside: a /proc or /dev left mounted by a failed step must stop
# the clean-up, never be deleted through.
mounted_under() { awk -v d="$(readlink -f "$1")/" 'index($2 "/", d) == 1 { found = 1 } END { exit !found }' /proc/self/mounts; }
safe_rm() {
    if [[ -e "$1" ]] && mounted_under "$1"; then
        say "not removing $1: something is still mounted inside it (see /proc/self/mounts)"
        return 1
    fi
    rm -rf "$1"
}
# A failed mmdebstrap can leave the package's bind mount (file-mirror-automount) inside the work folder;
# those mounts are ours: unmount them, deepest first, before the folder goes.
unmount_under() {
    awk -v d="$(readlink -f "$1")/" 'index($2 "/", d) == 1 { print $2 }' /proc/self/mounts | sort -r |
        while read -r point; do umount "$point" || umount -l "$point"; done
}
cleanup() {
    [[ -d "$work" ]] && unmount_under "$work"
    [[ "$keep_rootfs" == yes ]] || safe_rm "$work"
}
trap cleanup EXIT

# eatmydata (mmdebstrap's own hook, removed again at the end) spares dpkg its fsync calls during the build:
# a build is repeated from scratch if it fails, so durability buys nothing there, and under qemu it is slow.
# The system every box has; the package pulls in Java 17 and libgpiod2 itself.
packages=(systemd-sysv udev dbus systemd-resolved systemd-timesyncd iproute2 ca-certificates tzdata
          cloud-guest-utils fdisk e2fsprogs kmod less)
if [[ "$profile" == full ]]; then
    # Kernel and boot firmware (Pi 3 and 4 family), Wi-Fi firmware, the kiosk screen, music that ships.
    packages+=(linux-image-arm64 initramfs-tools raspi-firmware firmware-brcm80211 cage chromium xwayland
               fonts-dejavu-core singularity-music)
fi

# Man pages are left out (path-exclude below), but openjdk's postinst registers its man page with
# update-alternatives and fails when /usr/share/man/man1 does not exist (Debian #863199).
hooks=(--setup-hook='mkdir -p "$1/usr/share/man/man1"')
if [[ "$profile" == full ]]; then
    # Before the kernel's package runs update-initramfs: the small module list (see initramfs/moodbox.conf).
    hooks+=(--setup-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/etc/initramfs-tools/hooks"'
            --setup-hook="copy-in $HERE/initramfs/moodbox.conf /etc/initramfs-tools/conf.d"
            --setup-hook="copy-in $HERE/initramfs/moodbox-root /etc/initramfs-tools/hooks")
fi

say "profile $profile, Debian $suite arm64, package $(basename "$deb")"
started=$SECONDS
"$HERE/debian-sources.sh" "$suite" | mmdebstrap --arch=arm64 --variant=minbase \
    --include="$(IFS=,; echo "${packages[*]}")" --include="$deb" \
    --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
    --hook-dir=/usr/share/mmdebstrap/hooks/eatmydata \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-include=/usr/share/doc/moodbox/*' \
    "${hooks[@]}" \
    --customize-hook="\"$HERE/customize.sh\" \"\$1\" $profile" \
    "$suite" "$rootfs" - >&2
say "root file system built in $((SECONDS - started)) s ($(du -sm "$rootfs" | cut -f1) MB)"

"$HERE/check-rootfs.sh" "$rootfs" "$profile"

if [[ "$profile" == smoke ]]; then
    safe_rm "$out/rootfs-smoke"
    mv "$rootfs" "$out/rootfs-smoke"
    say "smoke root file system: $out/rootfs-smoke"
    exit 0
fi

"$HERE/assemble-image.sh" "$rootfs" "$out/moodbox-arm64.img"
# The kernel and initrd beside the image, for the qemu boot test (qemu boots them directly, no firmware).
kernel="$(ls "$rootfs"/boot/vmlinuz-* | sort -V | tail -n1)"
cp "$kernel" "$out/moodbox-arm64.vmlinuz"
cp "$rootfs/boot/initrd.img-${kernel##*/vmlinuz-}" "$out/moodbox-arm64.initrd"
chroot "$rootfs" dpkg-query -W -f '${Package} ${Version}\n' > "$out/moodbox-arm64.packages"
say "done in $((SECONDS - started)) s: $out/moodbox-arm64.img ($(du -m --apparent-size "$out/moodbox-arm64.img" | cut -f1) MB," \
    "$(du -m "$out/moodbox-arm64.img" | cut -f1) MB used)"
