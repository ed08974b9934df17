#!/bin/sh
# Prints apt sources (one-line format) for Debian SUITE, built from the Debian archives THIS machine's apt
# already uses: the repo names no mirror, the builder's own apt configuration decides where packages come
# from. Only entries whose Release file says Origin: Debian count (a vendor's or a third party's repository
# on the build host is never copied into the image). Components: main for the system, non-free-firmware
# for the Raspberry Pi boot firmware and the Wi-Fi firmware (both are in Debian's archive, not in main).
#   usage: debian-sources.sh SUITE
set -eu
suite="${1:?usage: debian-sources.sh SUITE}"
components="main non-free-firmware"

targets() {
    apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(ORIGIN)' 2>/dev/null | sort -u
}

list="$(targets | awk '$3 == "Debian"')"
if [ -z "$list" ]; then
    # A fresh machine may not have fetched its lists yet.
    apt-get update -q >/dev/null
    list="$(targets | awk '$3 == "Debian"')"
fi
# The main archive: the URI serving SUITE itself; the security archive: the one serving SUITE-security.
archive="$(printf '%s\n' "$list" | awk -v s="$suite" '$2 == s { print $1; exit }')"
security="$(printf '%s\n' "$list" | awk -v s="$suite-security" '$2 == s { print $1; exit }')"
if [ -z "$archive" ]; then
    echo "debian-sources.sh: this machine's apt has no Debian archive for '$suite' (apt-get indextargets);" \
         "add one to /etc/apt/sources.list.d/ and run apt-get update" >&2
    exit 1
fi
echo "deb $archive $suite $components"
echo "deb $archive $suite-updates $components"
if [ -n "$security" ]; then
    echo "deb $security $suite-security $components"
fi
