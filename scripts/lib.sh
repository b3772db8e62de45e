# Shared by scripts/test and scripts/try (sourced, not run): Debian packages and the venv.
#
# Why a venv: Debian's python3 is "externally managed" (PEP 668), so pip refuses to
# install into it; a virtual environment in the repository (.venv, ignored by git)
# works the same on Debian's python3 and on pyenv's, and never touches the system.

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
_APT_UPDATED=""

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages given as arguments that are not installed yet.
missing_debian_packages() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

# Install Debian packages that are missing; `apt-get update` at most once per run.
apt_install() {
    local missing
    mapfile -t missing < <(missing_debian_packages "$@")
    [ "${#missing[@]}" -gt 0 ] || return 0
    echo "$0: installing Debian packages: ${missing[*]}" >&2
    if [ -z "$_APT_UPDATED" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        _APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The Debian packages that provide `-m venv` (ensurepip) for an interpreter that lacks it, one a line.
venv_packages_for() {
    local python="$1" version
    "$python" -c 'import ensurepip, venv' 2>/dev/null && return 0
    version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    printf '%s\n' python3-venv "python${version}-venv"
}

# Create (or reuse) the virtual environment $2 with interpreter $1.
ensure_venv() {
    local python="$1" venv="$2" packages
    "$venv/bin/python" -m pip --version >/dev/null 2>&1 && return 0
    mapfile -t packages < <(venv_packages_for "$python")
    [ "${#packages[@]}" -eq 0 ] || apt_install "${packages[@]}"
    rm -rf "$venv"  # a half-made venv (ensurepip missing) cannot be repaired in place
    echo "$0: creating $venv with $("$python" --version)" >&2
    "$python" -m venv "$venv"
}

# Install this package (editable) with the given extras into the venv, when pyproject.toml changed.
install_package() {
    local extras="$1" stamp="$VENV/.kbh-intake-installed" wanted
    wanted="$(sha256sum pyproject.toml | cut -d' ' -f1) $extras"
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && return 0
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".$extras"
    echo "$wanted" >"$stamp"
}
