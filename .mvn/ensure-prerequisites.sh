#!/usr/bin/env bash
# Checks (and, as root on Debian, installs) the Debian packages the build and the tests need.
# Called by the parent POM in the validate phase; safe to run by hand.
# Usage: ensure-prerequisites.sh [extra-package ...]
set -euo pipefail

# PixelMed is not on Maven Central: the build takes it from Debian's packages.
# python3-pydicom ships the public DICOM test corpus the tests import (pydicom/data/test_files).
# dcmtk (storescu, echoscu) is the real DICOM sender the receiver is tested with.
# chromium and chromium-driver run the screens' browser tests (headless).
# libgdcm-tools (gdcmconv) decodes JPEG-LS and JPEG 2000 pixels for thumbnails and the slice browser
# (PixelMed has no decoder for either); it is needed at run time on the server too.
# orthanc and orthanc-dicomweb are the DICOMweb client the tests use against STOW-, QIDO- and WADO-RS.
# haproxy is the balancer in front of several servers (./mvnw -Pcluster, ClusterIT).
required=(libpixelmed-java libpixelmed-imageio-java python3-pydicom dcmtk chromium chromium-driver libgdcm-tools
          orthanc orthanc-dicomweb haproxy)
required+=("$@")

missing=()
for pkg in "${required[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "NeuroArchive needs the Debian packages: ${missing[*]}" >&2
  echo "This machine has no apt-get; install their equivalents (PixelMed jars in /usr/share/java) and retry." >&2
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "NeuroArchive needs Debian packages that are not installed: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "[neuroarchive] installing missing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}"
