#!/usr/bin/env bash
# Install the OKR Desk bundle for the current user, without root:
#
#   make dist && packaging/linux/install-linux.sh            # install or update
#   packaging/linux/install-linux.sh --uninstall             # remove it again
#   packaging/linux/install-linux.sh path/to/okrdesk         # another bundle folder
#   PREFIX=/opt/okr packaging/linux/install-linux.sh         # another prefix
#
# Puts (PREFIX defaults to ~/.local, the share folder to $XDG_DATA_HOME or ~/.local/share):
#   PREFIX/lib/okrdesk/                     the bundle (dist/okrdesk, copied)
#   PREFIX/bin/okrdesk                      a link to it, for the terminal
#   SHARE/applications/okrdesk.desktop      the menu entry, opens .okrdesk files
#   SHARE/icons/hicolor/*/apps/okrdesk.*    the application icon (PNG sizes + SVG)
#   SHARE/icons/hicolor/*/mimetypes/application-x-okrdesk.png   the file icon
#   SHARE/mime/packages/okrdesk.xml         the MIME type application/x-okrdesk
# and refreshes the MIME, desktop and icon caches when their tools are installed.
# Not run by CI; the smoke test (packaging/smoke.sh) covers the bundle itself.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
icons="$root/resources/icons"

prefix=${PREFIX:-$HOME/.local}
if [[ -n ${PREFIX:-} ]]; then
    share="$PREFIX/share"
else
    share=${XDG_DATA_HOME:-$HOME/.local/share}
fi
appdir="$prefix/lib/okrdesk"
bindir="$prefix/bin"
sizes=(16 24 32 48 64 128 256)

refresh() {
    if command -v update-mime-database >/dev/null; then
        update-mime-database "$share/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if [[ -d "$share/icons/hicolor" ]]; then
        touch "$share/icons/hicolor"  # tells GTK its icon cache is out of date
        if [[ -f "$share/icons/hicolor/icon-theme.cache" ]] && command -v gtk-update-icon-cache >/dev/null; then
            gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
        fi
    fi
}

uninstall() {
    rm -rf "$appdir"
    if [[ -L "$bindir/okrdesk" ]]; then rm -f "$bindir/okrdesk"; fi
    rm -f "$share/applications/okrdesk.desktop" "$share/mime/packages/okrdesk.xml"
    rm -f "$share/icons/hicolor/scalable/apps/okrdesk.svg"
    for size in "${sizes[@]}"; do
        rm -f "$share/icons/hicolor/${size}x${size}/apps/okrdesk.png"
        rm -f "$share/icons/hicolor/${size}x${size}/mimetypes/application-x-okrdesk.png"
    done
    refresh
    echo "Removed OKR Desk from $prefix (your workspaces and settings stay where they are)."
}

if [[ ${1:-} == "--uninstall" ]]; then
    uninstall
    exit 0
fi
if [[ ${1:-} == -* ]]; then
    echo "usage: $0 [--uninstall | BUNDLE_DIR]" >&2
    exit 2
fi

bundle=${1:-$root/dist/okrdesk}
if [[ ! -x "$bundle/okrdesk" ]]; then
    echo "install-linux.sh: no bundle at $bundle (run 'make dist' first)" >&2
    exit 2
fi

# The bundle: copy beside, then swap, so a failed copy leaves the old install working.
mkdir -p "$prefix/lib" "$bindir"
rm -rf "$appdir.new"
cp -a "$bundle" "$appdir.new"
rm -rf "$appdir"
mv "$appdir.new" "$appdir"
ln -sfn "$appdir/okrdesk" "$bindir/okrdesk"

# The menu entry: Exec names the installed program by its full path, since the
# desktop session's PATH need not contain PREFIX/bin.
mkdir -p "$share/applications"
sed "s|^Exec=okrdesk |Exec=\"$appdir/okrdesk\" |" "$here/okrdesk.desktop" \
    >"$share/applications/okrdesk.desktop"

# Icons: the application's, and the same picture for its files.
for size in "${sizes[@]}"; do
    for kind in apps mimetypes; do
        mkdir -p "$share/icons/hicolor/${size}x${size}/$kind"
    done
    cp "$icons/okrdesk-$size.png" "$share/icons/hicolor/${size}x${size}/apps/okrdesk.png"
    cp "$icons/okrdesk-$size.png" \
        "$share/icons/hicolor/${size}x${size}/mimetypes/application-x-okrdesk.png"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$icons/okrdesk.svg" "$share/icons/hicolor/scalable/apps/okrdesk.svg"

# The MIME type, and OKR Desk as the default program for it (this user only).
mkdir -p "$share/mime/packages"
cp "$here/okrdesk-mime.xml" "$share/mime/packages/okrdesk.xml"
refresh
if [[ -z ${PREFIX:-} ]] && command -v xdg-mime >/dev/null; then
    xdg-mime default okrdesk.desktop application/x-okrdesk || true
fi

echo "Installed OKR Desk in $appdir"
echo "  menu entry: $share/applications/okrdesk.desktop (.okrdesk files open in OKR Desk)"
case ":$PATH:" in
    *":$bindir:"*) echo "  command:    okrdesk" ;;
    *) echo "  command:    $bindir/okrdesk ($bindir is not on your PATH)" ;;
esac
