#!/usr/bin/env sh
# The test suite on a fresh machine: the system packages the tests drive (LibreOffice to validate the
# .docx files lettercheck writes, Chromium for the browser tests), the test extras, then pytest.
set -eu
cd "$(dirname "$0")/.."

missing=""
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
[ -x /usr/bin/chromium ] || missing="$missing chromium fonts-dejavu-core"
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "run-tests: installing$missing needs root (sudo)" >&2
    SUDO=sudo
  else
    SUDO=""
  fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

python -m pip install --quiet ".[test]"
python -m pytest "$@"
