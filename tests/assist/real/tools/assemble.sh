#!/usr/bin/env bash
# Re-creates the probe corpus files in tests/assist/real/ from bare git
# mirrors of the upstream repositories (see ../SOURCES.md for the commits).
# Usage: tools/assemble.sh JITSI_MEET_GIT JITSI_MEET_LATER_GIT DOCKER_JITSI_MEET_GIT OPENTALK_WEB_APP_GIT
#   JITSI_MEET_GIT        a clone of jitsi/jitsi-meet with history to 2021-06
#   JITSI_MEET_LATER_GIT  a clone with history to 2024-03 (any fork that kept upstream's commits)
# The Nextcloud Talk and Greenlight samples are derived by reading the
# upstream sources (SOURCES.md says how); they are not generated here.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jitsi="$1"; later="$2"; docker="$3"; opentalk="$4"
show() { git --git-dir="$1" show "$2:$3"; }

# 1. Jitsi Meet config.js as released: the file of the last commit of each
#    year that changed it, and of some stable tags.
mkdir -p "$here/jitsi"
while read -r repo commit date; do
  show "$repo" "$commit" config.js > "$here/jitsi/jitsi-meet-$date-${commit:0:8}.js"
done <<LIST
$jitsi e69fa498f1b7c6688120b2655d468b8bd00cc001 2013-12-20
$jitsi 87f8b91a964b3a36f80af1e15e91b19009db1ce5 2014-12-30
$jitsi f42684d7896061580ee10614bb05f8246e676bbc 2015-12-08
$jitsi 61f4bb63ab3a3cf14c4e8bb4281aa16bf7a9588a 2016-02-10
$jitsi 7707e384c511ee9add93270186ec171d873140cb 2016-12-12
$jitsi e28b847fb06a0d423d625aa595e2f9acf0d1442e 2017-12-12
$jitsi 837f496e8f855a7022a82f6a0f85ae9ab5607f61 2018-11-05
$jitsi 8e58ce75000abdbba2964a98f691e6d9c5aed28b 2019-01-24
$jitsi 70f14be50f150ff3368a27f6202de3f1e2a8a0a7 2019-11-15
$jitsi 851b1a76a9bcaa798e0c8487ab65833723a759b9 2019-12-05
$jitsi 2761a6dbb31bad54d370a3df1ee59fc6f7b633eb 2020-03-27
$jitsi 5591144693099bd5696d59dba14ad873214e92b9 2020-05-19
$jitsi 0d7a7304977b136941547713773d48e472ac91b2 2020-10-12
$jitsi d02f8e9176a5b81f2fcf5e7dedff3a4365056bd8 2020-12-26
$jitsi 6f5534fcb67d2a3a9650502dc6d44cee6d42133c 2021-01-08
$jitsi 1e2e17ff4308920324fe9e2bc5ad474c7b224ad1 2021-06-07
$later eb70c611c2263371c758c14a55ca8122f2b8ddd3 2021-12-28
$later 21cf7f23c2b71eab5c36ff2f6c8c9a33fbd10953 2022-06-29
$later e7078786e60df865316f4b6c4bcbb20389dc474c 2022-12-21
$later cd37cdd6753dbd884693c3506798126de2d64047 2023-06-08
$later 7f87d4eadad9f57665398a01d357a26a6c262cda 2023-12-19
$later 643fc7e2a239397bdbfce289a4fe108770e28d5e 2024-03-26
LIST

# 2. Room pages as nginx serves them: index.html of the release with its
#    server-side includes of /config.js and /interface_config.js replaced by
#    the files (what the SSI directive does); other includes (title, head,
#    fonts, base) are dropped.
mkdir -p "$here/jitsi-inline"
while read -r repo commit date; do
  out="$here/jitsi-inline/room-$date-${commit:0:8}.html"
  show "$repo" "$commit" config.js > /tmp/privascore-config.js
  show "$repo" "$commit" interface_config.js > /tmp/privascore-interface.js
  show "$repo" "$commit" index.html | python3 -c '
import re, sys
page = sys.stdin.read()
page = page.replace("<!--#include virtual=\"/config.js\" -->", open("/tmp/privascore-config.js").read())
page = page.replace("<!--#include virtual=\"/interface_config.js\" -->", open("/tmp/privascore-interface.js").read())
sys.stdout.write(re.sub(r"<!--#include virtual=\"[^\"]*\" ?-->", "", page))' > "$out"
done <<LIST
$jitsi 837f496e8f855a7022a82f6a0f85ae9ab5607f61 2018-11-05
$jitsi 1e2e17ff4308920324fe9e2bc5ad474c7b224ad1 2021-06-07
$later 643fc7e2a239397bdbfce289a4fe108770e28d5e 2024-03-26
LIST

# 3. docker-jitsi-meet: config.js as the web container serves it with the
#    default settings: the environment is the uncommented assignments of the
#    env.example of the same commit (what `cp env.example .env` gives), every
#    other variable unset (the template's own default applies). Until 2021
#    the container started from the jitsi-meet config.js it ships (here: the
#    upstream file of the closest earlier date); later it writes only the
#    rendered templates. Its nginx serves config.js with server-side includes
#    on (meet.conf: `ssi on`), so `<!--# echo var="x" default="y" -->`
#    becomes y (no subdomain on a single-domain install).
ssi_defaults() { python3 -c 'import re,sys; sys.stdout.write(re.sub(r"<!--# echo var=\"[^\"]*\" default=\"([^\"]*)\" -->", r"\1", sys.stdin.read()))'; }
example_env() { show "$docker" "$1" env.example | sed -n -E 's/^([A-Z_0-9]+)=("?)(.*)\2$/\1=\3/p'; }
mkdir -p "$here/docker"
render() { python3 "$here/tools/render_gotemplate.py" "$@"; }
while read -r commit date base; do
  out="$here/docker/docker-jitsi-meet-$date-${commit:0:8}${suffix:-}.js"
  show "$docker" "$commit" web/rootfs/defaults/system-config.js > /tmp/privascore-system.tpl
  show "$docker" "$commit" web/rootfs/defaults/settings-config.js > /tmp/privascore-settings.tpl
  mapfile -t env_default < <(example_env "$commit")
  { if [ "$base" != "-" ]; then cat "$here/jitsi/$base"; fi
    render /tmp/privascore-system.tpl "${env_default[@]}"; render /tmp/privascore-settings.tpl "${env_default[@]}"; } |
    ssi_defaults > "$out"
done <<LIST
f8560371f5caedf2c83a2e6ebb9e64d51565af8d 2020-12-16 jitsi-meet-2020-10-12-0d7a7304.js
6f56e5b7a203deec9124a4dcf0390af3bf01fdfe 2021-07-10 jitsi-meet-2021-06-07-1e2e17ff.js
e219bcfc21a3d00a0b79147a4955f17b640e5aaa 2022-12-19 -
431cdccbfe4e64fe4e29fc76e6eddb59b947e62a 2023-12-19 -
3af072595c193a7131357bd950121eb6851c5078 2024-12-28 -
ed30d0d49cd6ddc41fad558d12a84a40e263ca79 2025-05-23 -
afb8c24df670649ad19e0f86684dd7fc7e10b3bb 2026-08-18 -
LIST
# The latest templates with the settings of a typical public instance.
commit=afb8c24df670649ad19e0f86684dd7fc7e10b3bb
show "$docker" "$commit" web/rootfs/defaults/system-config.js > /tmp/privascore-system.tpl
show "$docker" "$commit" web/rootfs/defaults/settings-config.js > /tmp/privascore-settings.tpl
env_recording=(PUBLIC_URL=https://meet.example.org ENABLE_RECORDING=1 ENABLE_AUTH=1 ENABLE_GUESTS=1 ENABLE_REQUIRE_DISPLAY_NAME=1)
{ render /tmp/privascore-system.tpl "${env_recording[@]}"; render /tmp/privascore-settings.tpl "${env_recording[@]}"; } |
  ssi_defaults > "$here/docker/docker-jitsi-meet-2026-08-18-afb8c24d-recording-auth.js"
env_analytics=(PUBLIC_URL=https://meet.example.org AMPLITUDE_ID=0123456789abcdef0123456789abcdef RTCSTATS_ENABLED=1 RTCSTATS_ENDPOINT=wss://rtcstats.example.org/ P2P_STUN_SERVERS=stun.l.google.com:19302)
{ render /tmp/privascore-system.tpl "${env_analytics[@]}"; render /tmp/privascore-settings.tpl "${env_analytics[@]}"; } |
  ssi_defaults > "$here/docker/docker-jitsi-meet-2026-08-18-afb8c24d-analytics.js"

# 4. OpenTalk web-app: the config.js its container entrypoint writes, run
#    with no environment and with the values of a configured instance.
mkdir -p "$here/opentalk"
run_entrypoint() {  # commit out [NAME=VALUE...]
  local commit="$1" out="$2"; shift 2
  local dir; dir="$(mktemp -d)"
  echo "1.0.0-corpus" > "$dir/FRONTEND_VERSION"
  show "$opentalk" "$commit" ci/entrypoint.sh |
    sed -e "s|/usr/share/nginx/html|$dir|g" -e '/^exec /d' -e '/nginx -g/d' > "$dir/entrypoint.sh"
  env -i PATH=/usr/bin:/bin HTML_ROOT="$dir" "$@" bash "$dir/entrypoint.sh" > /dev/null
  cp "$dir/config.js" "$out"
  if [ -f "$dir/.well-known/opentalk/client" ]; then cp "$dir/.well-known/opentalk/client" "${out%.js}.well-known.json"; fi
  rm -rf "$dir"
}
values=(CONTROLLER_HOST=controller.opentalk.example.org BASE_URL=https://opentalk.example.org
        OIDC_ISSUER=https://accounts.opentalk.example.org/realms/opentalk
        IMPRINT_URL=https://www.example.org/imprint DATA_PROTECTION_URL=https://www.example.org/privacy
        PRODUCT_VERSION=v25.1.0 FEATURE_E2E_ENCRYPTION=true SENTRY_DSN=https://abc@glitchtip.example.org/3)
while read -r commit date; do
  run_entrypoint "$commit" "$here/opentalk/opentalk-$date-${commit:0:8}-empty.js"
  run_entrypoint "$commit" "$here/opentalk/opentalk-$date-${commit:0:8}-values.js" "${values[@]}"
done <<LIST
12dea3cb3ecb524adb5e0bba2b9466864259cc4f 2023-01-23
6c86f16a69c466079ee957a5bd5b040c52cdb9f5 2024-07-30
073376c863924857a0b62c6e907b43c00ed1fbb6 2026-05-22
LIST
# The older template, as served when the entrypoint did not run.
show "$opentalk" cf8f328173bb7553d24cbe75d5aedfd4168d8f66 app/public/config.template.js \
  > "$here/opentalk/opentalk-2026-01-22-cf8f3281-unrendered-template.js"

# 5. Nextcloud Talk: the capabilities an anonymous client gets, derived from
#    lib/Capabilities.php of each version (tools/derive_talk_capabilities.py),
#    without a high-performance backend and, from Talk 16 on, with one.
#    Usage of this part: TALK_GIT=... TALK_LATER_GIT=... tools/assemble.sh ...
if [ -n "${TALK_GIT:-}" ]; then
  mkdir -p "$here/talk"
  while read -r repo commit date scenarios; do
    for s in ${scenarios//,/ }; do
      python3 "$here/tools/derive_talk_capabilities.py" "$repo" "$commit" "$s" \
        > "$here/talk/talk-$date-${commit:0:8}-$s.json"
    done
  done <<LIST
$TALK_GIT 9c7462045307680c892677278c7b4761e598e887 2018-10-25 internal
$TALK_GIT 6f19e9ddfd42736d4b918111b79a15052527fe15 2019-12-05 internal
$TALK_GIT 2cc89b3ba355c3ecfa228c9e0a94abe8a42736b3 2021-01-28 internal
$TALK_GIT 5bf403c5ece3f0dec9eb507263ecd9af75405c81 2022-02-04 internal
$TALK_GIT 91d3bd8df8a5288c2abb3badde00c248d974dae8 2022-08-12 internal,hpb
$TALK_GIT d5b7e2a5a100c7b2476a1cad43f00a1b147fe37a 2023-02-23 internal,hpb
$TALK_GIT 4d292fe9599f1598b4a44b094595404f1e465dec 2023-10-05 internal,hpb
$TALK_LATER_GIT ad9c454ad24ecaccb188b30509cafcbecdb8b068 2024-07-22 internal,hpb
$TALK_LATER_GIT 70b43f64d23bc7b3214c295cbf5a01893bab530f 2024-11-27 internal,hpb,hpb-e2ee
$TALK_LATER_GIT 7c8e3bc5aa44cdfa6262034ec3f511d5e7351351 2025-03-28 internal,hpb,hpb-e2ee
LIST
fi
