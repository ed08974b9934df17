#!/usr/bin/env bash
# mmdebstrap customize hook: turns the installed Debian into a Moodbox. Arguments: ROOT PROFILE.
# Runs on the build host; commands inside the image run through chroot (arm64, under qemu-user).
set -euo pipefail
root="$1"
profile="$2"
HERE="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
in_root() { chroot "$root" "$@"; }

# Files of the image (first-boot unit and script, the service's network drop-in, networking), owned by root.
tar -C "$HERE/overlay" --owner=0 --group=0 -cf - . | tar -C "$root" --no-same-owner -xf -

# The package enabled moodbox.service itself (postinst); the image adds first boot and the network.
in_root systemctl enable moodbox-firstboot.service systemd-networkd.service systemd-resolved.service \
    systemd-timesyncd.service
if [[ "$profile" == full ]]; then
    # cage and chromium may have been configured after moodbox, when its postinst did not find them yet.
    in_root systemctl enable moodbox-kiosk.service
    in_root systemctl set-default graphical.target
fi

# Placeholder name until first boot; an empty machine-id makes systemd generate a unique one at first boot
# (and ConditionFirstBoot units run), so no two flashed cards share an identity.
echo moodbox > "$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tmoodbox\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
: > "$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id"
# Names resolve through systemd-resolved (which also answers mDNS for NAME.local).
ln -sf ../run/systemd/resolve/stub-resolv.conf "$root/etc/resolv.conf"

cat > "$root/etc/fstab" <<'FSTAB'
# The SD card: root (ext4, grown to the card at first boot) and the Raspberry Pi boot partition.
LABEL=moodbox-root  /               ext4  defaults,noatime,commit=5  0  1
LABEL=MOODBOXBOOT   /boot/firmware  vfat  defaults,noatime,nofail    0  2
FSTAB

if [[ "$profile" == full ]]; then
    # raspi-firmware writes cmdline.txt and config.txt from /etc/default/raspi-firmware on every kernel
    # install; the image's root is found by label, and the kiosk needs the KMS display driver.
    conf="$root/etc/default/raspi-firmware"
    if grep -q '^#\?ROOTPART=' "$conf"; then
        sed -i 's|^#\?ROOTPART=.*|ROOTPART=LABEL=moodbox-root|' "$conf"
    else
        echo 'ROOTPART=LABEL=moodbox-root' >> "$conf"
    fi
    printf '%s\n' '# Moodbox: the KMS display driver for the kiosk (cage), HDMI audio and the analogue jack.' \
        'dtoverlay=vc4-kms-v3d' 'dtparam=audio=on' 'disable_overscan=1' > "$root/etc/default/raspi-firmware-custom"
    # The hook acts only inside a package's configure step (it reads DEB_MAINT_PARAMS and exits 0 without
    # it), so it is told that is where it runs; called bare it did nothing and the card kept the
    # cmdline.txt written at install time, whose root= was the build machine's mount.
    for kernel in "$root"/boot/vmlinuz-*; do
        in_root env DEB_MAINT_PARAMS=configure /etc/kernel/postinst.d/z50-raspi-firmware "${kernel##*/vmlinuz-}"
    done
fi

# Nothing of the build host stays in the image.
rm -f "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/*_* "$root"/var/log/*.log
