#!/usr/bin/env bash
# usage: debian-source.sh PACKAGE=VERSION DIR
# Unpacks Debian's source package into DIR with a private apt configuration
# (its own deb-src list and state), leaving the system's apt untouched.
set -euo pipefail
SPEC="$1"
DIR="$2"
APT="$DIR/.apt"
mkdir -p "$APT/lists/partial"
cat >"$APT/sources.list" <<SRC
deb-src http://deb.debian.org/debian bookworm main
deb-src http://deb.debian.org/debian-security bookworm-security main
SRC
APT_OPTS=(-o "Dir::Etc::SourceList=$APT/sources.list"
          -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$APT/lists"
          -o "APT::Sandbox::User=root")
apt-get "${APT_OPTS[@]}" update -qq
(cd "$DIR" && apt-get "${APT_OPTS[@]}" source -qq "$SPEC")
