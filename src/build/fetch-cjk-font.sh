#!/usr/bin/env bash
# Puts the CJK font of the PDF report (Noto Sans SC, SIL Open Font License) into the build's
# classes directory. Fonts are never committed: the npm package @expo-google-fonts/noto-sans-sc
# carries the static TrueType faces that JasperReports can embed (Identity-H), and `npm pack`
# fetches it from whatever registry npm is configured for.
#
# The extracted faces are cached under ~/.cache/budget-monitor/fonts (or $BUDGET_MONITOR_FONT_CACHE),
# so `mvn clean package` downloads the 57 MB tarball once per machine, not once per build.
#
# Usage: fetch-cjk-font.sh <classes-dir>     (Maven passes target/classes)
set -euo pipefail

PACKAGE="@expo-google-fonts/noto-sans-sc"
VERSION="0.4.3"
SHA1="6b71695df3314f2557f61e0eab3bf8f07c279bea"   # dist.shasum of that version: a swapped tarball stops the build
FACES=("400Regular/NotoSansSC_400Regular.ttf" "700Bold/NotoSansSC_700Bold.ttf")

classes_dir=${1:?usage: fetch-cjk-font.sh <classes-dir>}
cache=${BUDGET_MONITOR_FONT_CACHE:-$HOME/.cache/budget-monitor/fonts}/noto-sans-sc-$VERSION

cached() {
    for face in "${FACES[@]}"; do
        [[ -s "$cache/$(basename "$face")" ]] || return 1
    done
    [[ -s "$cache/OFL.txt" ]]
}

if ! cached; then
    command -v npm >/dev/null || {
        echo "fetch-cjk-font: npm is needed once to fetch $PACKAGE@$VERSION (apt-get install npm)" >&2
        exit 1
    }
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    echo "fetch-cjk-font: fetching $PACKAGE@$VERSION (about 57 MB, once per machine)"
    (cd "$work" && npm pack "$PACKAGE@$VERSION" --silent >/dev/null)
    tarball=$(ls "$work"/*.tgz)
    actual=$(sha1sum "$tarball" | cut -d' ' -f1)
    if [[ "$actual" != "$SHA1" ]]; then
        echo "fetch-cjk-font: checksum of $tarball is $actual, expected $SHA1" >&2
        exit 1
    fi
    members=()
    for face in "${FACES[@]}"; do members+=("package/$face"); done
    tar -xzf "$tarball" -C "$work" "${members[@]}" package/LICENSE_FONT
    mkdir -p "$cache.tmp"
    for face in "${FACES[@]}"; do cp "$work/package/$face" "$cache.tmp/"; done
    cp "$work/package/LICENSE_FONT" "$cache.tmp/OFL.txt"
    rm -rf "$cache" && mv "$cache.tmp" "$cache"
fi

mkdir -p "$classes_dir/fonts"
for face in "${FACES[@]}"; do
    name=$(basename "$face")
    # Copy only when changed, so incremental builds do not touch a 10 MB file each time.
    cmp -s "$cache/$name" "$classes_dir/fonts/$name" || cp "$cache/$name" "$classes_dir/fonts/$name"
done
cp "$cache/OFL.txt" "$classes_dir/fonts/NotoSansSC-OFL.txt"
