#!/bin/sh
# Makes sure the Debian packages the tests rely on are installed: the pandas + scikit-learn reference
# (test/reference/) runs with /usr/bin/python3; the email tests (test/report/render/, which also write the
# screenshots of docs/screenshots/) open the report in /usr/bin/chromium through playwright-core; the hostile-input
# tests (test/hostile/, test/support/measured-cli.ts) and the benchmark measure peak RSS with GNU time, /usr/bin/time.
# Idempotent and silent when everything is already there.
# To add a need: add its package to REQUIRED_PACKAGES and a probe to missing_packages below.
set -eu

REQUIRED_PACKAGES="python3-pandas python3-sklearn chromium time"

# Prints the packages from REQUIRED_PACKAGES whose probe fails, separated by spaces.
missing_packages() {
  missing=""
  for package in $REQUIRED_PACKAGES; do
    case "$package" in
      python3-pandas) probe="/usr/bin/python3 -c 'import pandas'" ;;
      python3-sklearn) probe="/usr/bin/python3 -c 'import sklearn'" ;;
      chromium) probe="test -x /usr/bin/chromium" ;;
      time) probe="test -x /usr/bin/time" ;;
      *) probe="dpkg-query -W -f='\${Status}' $package 2>/dev/null | grep -q 'install ok installed'" ;;
    esac
    if ! sh -c "$probe" >/dev/null 2>&1; then
      missing="$missing $package"
    fi
  done
  echo "${missing# }"
}

missing="$(missing_packages)"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-system-packages: missing Debian packages; run as root: apt-get update && apt-get install -y --no-install-recommends $missing" >&2
  exit 1
fi

echo "ensure-system-packages: installing $missing" >&2
# The package lists may be absent (slim images) or stale; refresh them once per run, only when installing.
apt-get update -qq >/dev/null
# shellcheck disable=SC2086 # the package list is meant to split into words
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null

still_missing="$(missing_packages)"
if [ -n "$still_missing" ]; then
  echo "ensure-system-packages: still missing after apt-get install: $still_missing" >&2
  exit 1
fi
