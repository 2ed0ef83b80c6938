#!/usr/bin/env bash
# Exports a round of N comments (default 100 000) as CSV and as xlsx through the editor area and
# reports time, file size and the server's memory before and after. Shows that the export streams:
# peak memory must not grow with the number of comments. Results: docs/performance.md.
# Usage: bench/export.sh [comments]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
port=5091
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Tietosuoja.Web -c Release -v quiet -nologo >/dev/null
cp -r content "$work/content"
db="$work/bench.db"

# Development: the local sign-in is on and an empty database gets the sample rounds (round 1 is open).
ASPNETCORE_ENVIRONMENT=Development Content__Path="$work/content" Database__ConnectionString="Data Source=$db" \
    Serilog__MinimumLevel__Default=Warning \
    dotnet src/Tietosuoja.Web/bin/Release/net10.0/Tietosuoja.Web.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Tietosuoja.Web" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done

python3 - "$db" "$count" <<'PY'
import sqlite3, sys, os
db, count = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
rows = ((os.urandom(32), 1, "oikeusperusteet", "1.2", "Fi", "suostumus", "Suostumus",
         f"Kommentti {i}: suostumuksen pyytämisestä tarvitaan esimerkki, jossa on myös pidempää tekstiä kuten oikeissa kommenteissa. " * 3,
         "Municipality", f"Kunta {i % 300}", f"Nimi {i}", f"henkilo{i}@example.org", 1,
         "2026-11-20 10:00:00", "Received", "Visible") for i in range(count))
con.executemany("""INSERT INTO Comments (TokenHash, RoundId, ChapterId, Version, Language, SectionAnchor, SectionHeading, Text,
    OrganisationType, OrganisationName, AuthorName, Email, ConsentToPublish, SubmittedAt, Status, Moderation)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
con.commit()
PY

jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
base="http://127.0.0.1:$port"
signin="$(curl -s -c "$jar" -b "$jar" "$base/toimitus/kirjaudu" | token)"
curl -s -c "$jar" -b "$jar" -o /dev/null -d "Name=Bench&Role=Editor&__RequestVerificationToken=$signin" "$base/toimitus/kirjaudu"
form="$(curl -s -c "$jar" -b "$jar" "$base/toimitus/kierrokset/1" | token)"

memory() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2/1024}' "/proc/$server/status"; echo; }
echo "comments: $count"
echo -n "before:     "; memory
for format in Csv Xlsx; do
    stats="$(curl -s -b "$jar" -o "$work/export" -w '%{http_code} %{size_download} %{time_total}' \
        -d "format=$format&includePersonalData=true&__RequestVerificationToken=$form" "$base/toimitus/kierrokset/1?handler=Export")"
    read -r code bytes seconds <<<"$stats"
    echo -n "$format: HTTP $code, $((bytes / 1024 / 1024)) MiB in ${seconds}s; after: "; memory
done
