#!/usr/bin/env bash
# Checks a built Moodbox root file system before it becomes an image: the package is installed, the units
# it needs are enabled, and systemd accepts them as they are inside the image. Arguments: ROOT PROFILE.
set -euo pipefail
root="$1"
profile="$2"
fail() { printf 'check-rootfs: %s\n' "$*" >&2; exit 1; }

status="$(chroot "$root" dpkg-query -W -f '${Status}' moodbox 2>/dev/null || true)"
[[ "$status" == "install ok installed" ]] || fail "moodbox is not installed (dpkg says '$status')"

wants=(multi-user.target.wants/moodbox.service multi-user.target.wants/moodbox-firstboot.service
       multi-user.target.wants/systemd-networkd.service)
units=(moodbox.service moodbox-firstboot.service)
if [[ "$profile" == full ]]; then
    wants+=(graphical.target.wants/moodbox-kiosk.service)
    units+=(moodbox-kiosk.service)
    [[ "$(readlink "$root/etc/systemd/system/default.target")" == */graphical.target ]] \
        || fail "the default target is not graphical.target: the kiosk screen would not start"
    grep -q 'root=LABEL=moodbox-root' "$root/boot/firmware/cmdline.txt" \
        || fail "boot/firmware/cmdline.txt does not boot LABEL=moodbox-root"
fi
for link in "${wants[@]}"; do
    [[ -L "$root/etc/systemd/system/$link" ]] || fail "$link is not enabled"
done
[[ ! -s "$root/etc/machine-id" ]] || fail "/etc/machine-id is not empty: every card would share one identity"

# The host's systemd checks the units against the image's files (programs, users, targets).
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify --root="$root" "${units[@]}" || fail "systemd-analyze verify rejected ${units[*]}"
fi
printf 'check-rootfs: ok (%s)\n' "$profile" >&2
