#!/usr/bin/env bash
# Smoke test of the PyInstaller bundle: builds it when missing (or with --build), copies
# it to a scratch folder (so nothing can lean on the source tree or .venv), then runs it
# headless with a throwaway HOME and XDG folders:
#
#   okrdesk --version                         prints the version
#   okrdesk demo / show / lint / score / sheet  the headless CLI, from the bundle: each module
#                                             of okrdesk/cli/ (imported by name) is bundled
#   okrdesk FILE --screenshot PNG             the window on a workspace: exit 0, PNG > 10 kB
#   okrdesk --screenshot PNG                  no file: builds the demo in the user data folder
#   okrdesk show OLD                          a schema-1 file: backed up, then migrated by
#                                             Alembic from the bundled migration scripts
#
#   packaging/smoke.sh            # or: make dist-smoke
#   packaging/smoke.sh --build    # rebuild first, even when dist/okrdesk exists
#
# Exit status 0 when every check passed. Prints the bundle size and the times taken.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS

bundle="$root/dist/okrdesk"
if [[ ${1:-} == "--build" || ! -x "$bundle/okrdesk" ]]; then
    build_started=$SECONDS
    make dist
    echo "smoke: build took $((SECONDS - build_started)) s"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/okrdesk-smoke.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cp -a "$bundle" "$scratch/app"
app="$scratch/app/okrdesk"
mkdir -p "$scratch/home" "$scratch/work" "$scratch/runtime"
chmod 700 "$scratch/runtime"

fail() {
    echo "smoke: FAILED: $*" >&2
    exit 1
}

# Run the bundled program with nothing of the developer's environment: no venv, no
# PYTHONPATH, a fresh HOME and XDG folders, Qt's offscreen platform (PLATFORM=xcb with
# DISPLAY set for a real X server).
PLATFORM=offscreen
run() {
    env -i \
        PATH=/usr/bin:/bin \
        HOME="$scratch/home" \
        XDG_CONFIG_HOME="$scratch/home/.config" \
        XDG_DATA_HOME="$scratch/home/.local/share" \
        XDG_CACHE_HOME="$scratch/home/.cache" \
        XDG_RUNTIME_DIR="$scratch/runtime" \
        QT_QPA_PLATFORM="$PLATFORM" \
        ${DISPLAY:+DISPLAY="$DISPLAY"} \
        ${XAUTHORITY:+XAUTHORITY="$XAUTHORITY"} \
        LANG=C.UTF-8 \
        "$app" "$@"
}

check() {  # check DESCRIPTION COMMAND...: run, fail with the output when it exits non-zero
    local what=$1
    shift
    local out
    if ! out=$("$@" 2>&1); then
        echo "$out" >&2
        fail "$what"
    fi
    echo "smoke: ok  $what"
    LAST_OUTPUT=$out
}

png_size() {
    [[ -f $1 ]] || fail "$1 was not written"
    local size
    size=$(stat -c %s "$1")
    ((size > 10000)) || fail "$1 is only $size bytes"
    echo "smoke: ok  $(basename "$1"): $size bytes"
}

cd "$scratch/work"
checks_started=$SECONDS

check "okrdesk --version" run --version
[[ $LAST_OUTPUT == "OKR Desk "* ]] || fail "--version printed '$LAST_OUTPUT'"

check "okrdesk demo" run demo kolbenwerk.okrdesk
check "okrdesk show" run show kolbenwerk.okrdesk --team Workshop
grep -q "Workshop" <<<"$LAST_OUTPUT" || fail "show printed no Workshop team"
check "okrdesk show --json" run show kolbenwerk.okrdesk --json
# lint exits 1 when the coach has a warning: an activity posing as a key result has one.
if run lint key-result "Launch 3 campaigns" >"$scratch/lint.txt" 2>&1; then
    fail "lint found nothing wrong with an activity"
elif [[ $? -ne 1 ]]; then
    cat "$scratch/lint.txt" >&2
    fail "okrdesk lint"
fi
echo "smoke: ok  okrdesk lint (exit 1, as documented)"
check "okrdesk score" run score kolbenwerk.okrdesk --team Workshop
grep -q "Workshop" <<<"$LAST_OUTPUT" || fail "score printed no Workshop team"

# The PDF embeds the report fonts from the bundle's resources/fonts.
check "okrdesk sheet (PDF)" run sheet kolbenwerk.okrdesk --team Workshop -o sheet.pdf
[[ $(head -c 5 sheet.pdf) == "%PDF-" ]] || fail "sheet.pdf is not a PDF"
grep -aq "DejaVuSans" sheet.pdf || fail "sheet.pdf does not embed the bundled DejaVu Sans"

check "okrdesk FILE --screenshot" run kolbenwerk.okrdesk --screenshot "$scratch/window.png"
png_size "$scratch/window.png"
check "okrdesk FILE --view planning --screenshot" \
    run kolbenwerk.okrdesk --view planning --screenshot "$scratch/planning.png"
png_size "$scratch/planning.png"

# No file and no history: the demo workspace is built in the user data folder.
rm -rf "$scratch/home/.config"
check "okrdesk --screenshot (no file)" run --screenshot "$scratch/first-start.png"
png_size "$scratch/first-start.png"
[[ -f "$scratch/home/.local/share/OKR Desk/OKR Desk/demo.okrdesk" ]] ||
    fail "no demo workspace in the user data folder"

# Every migration script (Alembic reads them from disk) and every resource file must be
# in the bundle, where the code looks for them.
internal="$scratch/app/_internal"
bundled() {  # bundled SOURCE_DIR BUNDLE_DIR: the same files in both, bytecode aside
    local listing='find . -type f ! -path "*/__pycache__/*" ! -name "*.pyc" | sort'
    diff -u <(cd "$1" && eval "$listing") <(cd "$2" && eval "$listing") >&2 ||
        fail "$2 differs from $1 (rebuild: make dist)"
    echo "smoke: ok  all $(cd "$1" && eval "$listing" | wc -l) files of ${1#"$root"/} are bundled"
}
bundled "$root/okrdesk/db/migrations" "$internal/okrdesk/db/migrations"
bundled "$root/resources" "$internal/resources"

# An older workspace (schema 1), made with the project's venv, upgraded by the bundle.
venv_python="$root/.venv/bin/python"
if [[ -x $venv_python ]]; then
    "$venv_python" - "$scratch/work/old.okrdesk" <<'EOF'
import sys

from okrdesk.db import migrate
from okrdesk.db.workspace_file import fold_back, make_engine

engine = make_engine(sys.argv[1])
migrate.upgrade(engine, "0001_core")
with engine.begin() as con:
    con.exec_driver_sql(
        "INSERT INTO workspace (id, name, mission, vision, strategy, settings, created_at) "
        "VALUES ('6f1c2a57-5b0e-4a8e-9d55-0d6a3f0b1c11', 'Old Co', '', '', '', '{}', "
        "'2025-01-01 00:00:00')"
    )
fold_back(engine)
engine.dispose()
EOF
    check "okrdesk rules OLD (migrates schema 1)" run rules old.okrdesk
    [[ -f old.schema1-backup.okrdesk ]] || fail "no backup of the schema-1 file"
    check "okrdesk demo --teams 20" run demo big.okrdesk --teams 20 --seed 3
else
    echo "smoke: skip the schema-1 upgrade ($venv_python not found)"
fi

# A real X display, when Xvfb is installed: the xcb platform and the X libraries the
# bundle carries (or expects of the system). The checks above ran offscreen.
missing=$(LD_LIBRARY_PATH="$internal" ldd "$internal/PySide6/Qt/plugins/platforms/libqxcb.so" 2>/dev/null |
    awk '/not found/ {print $1}' | sort -u)
if [[ -n $missing ]]; then
    echo "smoke: note: the bundle lacks, and a machine showing the window on X11 needs," \
        "these libraries (install them before 'make dist' to bundle them):" $missing
fi
if command -v xvfb-run >/dev/null && [[ -z $missing ]]; then
    export app scratch
    check "okrdesk FILE --screenshot on X11 (Xvfb, xcb)" \
        xvfb-run -a -s "-screen 0 1600x1000x24" \
        bash -c "$(declare -f run); PLATFORM=xcb run kolbenwerk.okrdesk --screenshot \"\$scratch/x11.png\""
    png_size "$scratch/x11.png"
else
    echo "smoke: skip the X11 run (needs xvfb-run and the libraries above)"
fi

echo "smoke: bundle $(du -sh "$bundle" | cut -f1) ($bundle)"
echo "smoke: checks took $((SECONDS - checks_started)) s, all in all $((SECONDS - started)) s"
echo "smoke: PASSED"
