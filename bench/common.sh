# Sourced by the bench scripts (not run on its own).

# Prints the load average, so that figures from a busy machine are recognisable as such.
print_load() { echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"; }

# A free TCP port on the loopback (the bench servers never use a fixed port).
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits until URL answers 200 (at most 60 s).
wait_ok() {
    for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
    echo "no answer from $1" >&2; return 1
}

# need_command COMMAND PACKAGE: installs Debian's PACKAGE when COMMAND is missing (a fresh machine
# has neither wrk nor Chromium until the test command has run once).
need_command() {
    command -v "$1" >/dev/null && return 0
    local sudo_cmd=""; if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

need_wrk() { need_command wrk wrk; }

# cpu_ticks PID: the process's user + system time in clock ticks (fields 14 and 15 of /proc/PID/stat,
# counted after the name, which may hold spaces); getconf CLK_TCK ticks make a second.
cpu_ticks() { sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# The configuration a real Production start needs, with throwaway values, so that the portal runs
# with every start-up check it has in production (none is switched off):
#   production_env DIR    writes a self-signed key-ring certificate into DIR and exports the rest.
# Entra ID gets well-formed ids that no tenant has: reading pages never contact it, and the editor
# sign-in (not benchmarked) would fail at Microsoft, as it should. The database is a SQLite file in DIR.
production_env() {
    local dir="$1"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Tietosuoja bench key ring" \
        -keyout "$dir/keyring.key" -out "$dir/keyring.crt" 2>/dev/null
    openssl pkcs12 -export -in "$dir/keyring.crt" -inkey "$dir/keyring.key" -out "$dir/keyring.pfx" -passout pass:bench
    rm -f "$dir/keyring.key" "$dir/keyring.crt"
    mkdir -p "$dir/db"
    export ASPNETCORE_ENVIRONMENT=Production
    export Site__BaseUrl="https://tietosuoja.example.fi/"
    # The bench calls the server by its loopback address; the public host stays the one in BaseUrl.
    export AllowedHosts="127.0.0.1"
    export DataProtection__CertificatePath="$dir/keyring.pfx"
    export DataProtection__CertificatePassword="bench"
    export AzureAd__TenantId="00000000-0000-0000-0000-000000000001"
    export AzureAd__ClientId="00000000-0000-0000-0000-000000000002"
    export AzureAd__ClientSecret="bench-not-a-secret"
    export Database__ConnectionString="Data Source=$dir/db/tietosuoja.db"
    export Content__Path="$PWD/content"
}

# Publishes the portal of the source tree ROOT (a repository checkout) into OUT as that revision's
# image does (its src/Tietosuoja.Web/Dockerfile): self-contained composite ReadyToRun (ADR 0022) or,
# for a revision from before it, framework-dependent ReadyToRun, so that a benchmark measures what
# ships.   publish_portal ROOT OUT
# Both kinds build in obj/Release/net10.0/linux-x64, and one made after the other reuses the other's
# ReadyToRun stubs there and aborts at start without a log line: the folder is emptied when the kind
# changes.
publish_portal() {
    local root="$1" out="$2" kind=framework-dependent obj
    local flags=(--runtime linux-x64 -p:PublishReadyToRun=true)
    if grep -q -- '--self-contained true' "$root/src/Tietosuoja.Web/Dockerfile"; then
        kind=composite
        flags+=(--self-contained true -p:PublishReadyToRunComposite=true)
    else
        flags+=(--self-contained false)
    fi
    obj="$root/src/Tietosuoja.Web/obj/Release/net10.0/linux-x64"
    if [ -d "$obj" ] && [ "$(cat "$obj/.bench-publish-kind" 2>/dev/null)" != "$kind" ]; then rm -rf "$obj"; fi
    dotnet publish "$root/src/Tietosuoja.Web" --configuration Release --output "$out" --nologo -v quiet "${flags[@]}" >/dev/null
    echo "$kind" >"$obj/.bench-publish-kind"
}

# The command that starts the publish in DIR, into the array portal_command: a self-contained
# publish (the image's, publish_portal) carries its own runtime and starts as its own executable, as
# the image's ENTRYPOINT does; a framework-dependent one (a base revision's) through the shared `dotnet`.
portal_command() {
    if [ -f "$1/libcoreclr.so" ]; then portal_command=("$1/Tietosuoja.Web"); else portal_command=(dotnet "$1/Tietosuoja.Web.dll"); fi
}

# Runs the published portal in DIR with the remaining arguments, from DIR, as the image does
# (WORKDIR /app): the content root, where appsettings.json is, is the working directory.
run_portal() {
    local dir="$1"; shift
    cd "$dir" || return
    portal_command .
    exec "${portal_command[@]}" "$@"
}

# Creates the database (the portal's own --migrate step) and one commenting round open now on the
# latest version of the chapter `rekisterinpitaja` in the repository's content, so that the
# comment form exists. Needs production_env first; DIR is the published portal.
seed_round() {
    local dir="$1" version
    (run_portal "$dir" --migrate) >/dev/null
    version=$(ls content/chapters/rekisterinpitaja/fi | sed 's/\.md$//' | sort -V | tail -1)
    sqlite3 "${Database__ConnectionString#Data Source=}" <<SQL
INSERT INTO Rounds (TitleFi, TitleSv, DescriptionFi, DescriptionSv, OpensAt, ClosesAt, OpeningAnnouncedAt, CreatedAt, UpdatedAt)
VALUES ('Mittauskierros', 'Mätningsrunda', 'Kierros suorituskykymittauksia varten.', 'En runda för prestandamätningar.',
        datetime('now', '-1 day'), datetime('now', '+30 days'), datetime('now'), datetime('now'), datetime('now'));
INSERT INTO RoundVersions (RoundId, ChapterId, Version) VALUES (last_insert_rowid(), 'rekisterinpitaja', '$version');
SQL
}
