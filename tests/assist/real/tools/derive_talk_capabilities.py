#!/usr/bin/env python3
"""Derives the public capabilities JSON (`/ocs/v2.php/cloud/capabilities`,
as an anonymous client sees it) that a Nextcloud Talk server of a given
version publishes, from that version's lib/Capabilities.php.

The PHP array literal that builds `spreed` is read as data; each
expression in it is replaced by the value it has for an anonymous caller
on a server with the app's default settings (table EXPRESSIONS below,
each entry read from lib/Config.php of the same era) in one of these
scenarios:

  internal   no high-performance backend (the default installation)
  hpb        external signalling and a recording server configured,
             every other setting at its default
  hpb-e2ee   as hpb, with call_end_to_end_encryption = true and
             recording_consent = 1 (Talk 21 and later)

An expression the table does not know stops the script with its text,
so nothing is guessed. The statements after the literal that add
features or keys are handled by the patterns in `appended()`.

usage: derive_talk_capabilities.py GIT_DIR COMMIT SCENARIO > capabilities.json
"""
import json
import re
import subprocess
import sys

KEY = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA0Wq6oTIz4Vx3n3d0y1b6kQpYwqgQ1n3j7CwHqX1e6yM=\n-----END PUBLIC KEY-----\n"


def git(git_dir, commit, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def expressions(s, version):
    external = s != "internal"
    return [
        (r"^\$user instanceof IUser", False),
        (r"^!\$user instanceof IUser", True),
        (r"start_calls", True),
        (r"isBreakoutRoomsEnabled\(\)", True),
        (r"isRecordingEnabled\(\)", external),
        (r"recordingConsentRequired\(\)", 1 if s == "hpb-e2ee" else 0),
        (r"isCallEndToEndEncryptionEnabled\(\)", s == "hpb-e2ee"),
        (r"getSignalingMode\(\) === Config::SIGNALING_EXTERNAL\s*&&", False),  # live transcription app not installed
        (r"MAX_CHAT_LENGTH", 32000),
        (r"^\$maxChatLength$", 32000),  # Talk 8: 32000 on Nextcloud >= 16.0.2, which every Talk 8 server runs
        (r"PRIVACY_PUBLIC", 0),
        (r"DESCRIPTION_MAXIMUM_LENGTH", 2000),
        (r"hasProviders\(\)", False),
        (r"isSIPConfigured\(\)", False),
        (r"isSIPDialOutEnabled\(\)", False),
        (r"getCallsStartWithoutMedia", False),
        (r"getBlurVirtualBackground", False),
        (r"getConversationsListStyle", "two-lines"),
        (r"isPasswordEnforced\(\)", False),
        (r"getAppVersion\('spreed'\)", version),
        (r"'max-gif-size', '(\d+)'", None),
        (r"'session-ping-limit', '(\d+)'", None),
        (r"getAppValueInt\('[a-z_]+', (\d+)\)", None),
        (r"getAppValueInt\((?:'[a-z_]+'|\$user instanceof IUser \? '[a-z_]+' : '[a-z_]+')\)", 0),
        (r"^(true|false)$", None),
        (r"^(\d+)$", None),
        (r"^'([^']*)'$", None),
        (r"^\[\]$", []),
    ]


def split_items(body):
    """Splits the inside of a PHP array literal at top-level commas."""
    items, depth, cur, i, quote = [], 0, "", 0, None
    while i < len(body):
        c = body[i]
        if quote:
            cur += c
            if c == "\\":
                cur += body[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
            cur += c
        elif c in "[(":
            depth += 1
            cur += c
        elif c in "])":
            depth -= 1
            cur += c
        elif c == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        items.append(cur.strip())
    return items


def strip_comments(php):
    php = re.sub(r"/\*.*?\*/", "", php, flags=re.S)
    return re.sub(r"(?m)^\s*//.*$|\s//[^'\n]*$", "", php)


class Evaluator:
    def __init__(self, php, scenario, version, consts):
        self.rules = expressions(scenario, version)
        self.consts = consts

    def value(self, text):
        text = " ".join(text.split())
        if text.startswith("[") and text.endswith("]"):
            return self.array(text[1:-1])
        m = re.fullmatch(r"self::([A-Z_]+)", text)
        if m:
            return self.consts[m.group(1)]
        m = re.fullmatch(r"max\(\d+, (.*)\)", text)
        if m:
            return self.value(m.group(1))
        m = re.fullmatch(r"\(int\) ?(.*)", text)
        if m:
            return int(self.value(m.group(1)))
        for pattern, result in self.rules:
            m = re.search(pattern, text)
            if not m:
                continue
            if result is not None:
                return result
            if m.re.groups == 0:
                raise SystemExit(f"rule {pattern} has no value for: {text}")
            g = m.group(1)
            return {"true": True, "false": False}.get(g, int(g) if g.isdigit() else g)
        raise SystemExit(f"unknown expression: {text}")

    def array(self, body):
        items = split_items(body)
        if all("=>" not in it for it in items):
            return [self.value(it) for it in items]
        out = {}
        for it in items:
            k, v = it.split("=>", 1)
            out[k.strip().strip("'")] = self.value(v.strip())
        return out


def literal_after(php, marker):
    start = php.index(marker) + len(marker)
    start = php.index("[", start)
    depth, i = 0, start
    while True:
        if php[i] == "[":
            depth += 1
        elif php[i] == "]":
            depth -= 1
            if depth == 0:
                return php[start + 1:i]
        elif php[i] == "'":
            i = php.index("'", i + 1)
        i += 1


def appended(php, caps, scenario, backgrounds):
    if "supportReactions()" in php:
        caps["features"].append("reactions")
    if "getSignalingTokenPublicKey()" in php:
        # lib/Config.php creates the key pair on first use (ensureSignalingTokenKeys), so every server has one.
        caps["config"].setdefault("signaling", {})["hello-v2-token-key"] = KEY
    if re.search(r"SIGNALING_EXTERNAL\)\s*\{\s*\$capabilities\['features'\]\[\] = 'call-end-to-end-encryption'", php) \
            and scenario != "internal":
        caps["features"].append("call-end-to-end-encryption")
    if "['predefined-backgrounds']" in php:
        caps["config"]["call"]["predefined-backgrounds"] = backgrounds
    if "['predefined-backgrounds-v2']" in php:
        caps["config"]["call"]["predefined-backgrounds-v2"] = ["/apps/spreed/img/backgrounds/" + b for b in backgrounds]
    if "['can-upload-background'] = false" in php:
        caps["config"]["call"]["can-upload-background"] = False


def main():
    git_dir, commit, scenario = sys.argv[1:4]
    php = strip_comments(git(git_dir, commit, "lib/Capabilities.php"))
    version = re.search(r"<version>([^<]+)</version>", git(git_dir, commit, "appinfo/info.xml")).group(1)
    tree = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", f"{commit}:img/backgrounds"],
                          capture_output=True, text=True).stdout.split()
    backgrounds = sorted(b for b in tree if b != "COPYING")
    consts = {}
    for m in re.finditer(r"public const ([A-Z_]+) = \[", php):
        consts[m.group(1)] = None
    ev = Evaluator(php, scenario, version, consts)
    for name in list(consts):
        consts[name] = ev.value("[" + literal_after(php, f"const {name} =") + "]")
    if "$capabilities = [" in php:
        caps = ev.value("[" + literal_after(php, "$capabilities =") + "]")
    else:
        caps = ev.value("[" + literal_after(php, "'spreed' =>") + "]")
    caps.setdefault("features", [])
    caps.setdefault("config", {})
    appended(php, caps, scenario, backgrounds)
    envelope = {"ocs": {"meta": {"status": "ok", "statuscode": 200, "message": "OK"},
                        "data": {"capabilities": {"spreed": caps}}}}
    json.dump(envelope, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
