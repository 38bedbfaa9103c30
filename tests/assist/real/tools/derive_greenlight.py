#!/usr/bin/env python3
"""Writes the answers of Greenlight v3's public JSON API for one version,
as its controllers build them (app/controllers/api/v1/env_controller.rb,
site_settings_controller.rb, rooms_configurations_controller.rb) from the
seeded settings (db/seeds.rb and the data migrations in db/data/) and the
environment.

Scenarios:
  default     no environment beyond the required ones, seeded settings
  configured  OIDC issuer and hCaptcha set; an administrator has entered a
              privacy policy and terms, switched recording off for every
              room and requires a sign-in to join

usage: derive_greenlight.py ERA SCENARIO OUTDIR
  ERA 2022  env.json of July 2022 (OPENID_CONNECT, HCAPTCHA_KEY, VERSION_TAG;
            no HelpCenter setting, so a request naming it answers null;
            rooms_configurations has no glRequireAuthentication)
  ERA 2023  env.json of November 2023 (EXTERNAL_AUTH, CURRENT_PROVIDER,
            SMTP_ENABLED = the SMTP server or null); record policy
            default_enabled (data migration 20230123174546)
  ERA 2026  as 2023, SMTP_ENABLED a boolean
"""
import json
import os
import sys

era, scenario, out = sys.argv[1], sys.argv[2], sys.argv[3]
configured = scenario == "configured"
os.makedirs(out, exist_ok=True)


def write(name, data):
    with open(os.path.join(out, name), "w") as f:
        json.dump({"data": data, "errors": []} if data is None else {"data": data}, f)
        f.write("\n")


if era == "2022":
    env = {"OPENID_CONNECT": configured, "HCAPTCHA_KEY": "10000000-ffff-ffff-ffff-000000000001" if configured else None,
           "VERSION_TAG": "v3.0.0"}
else:
    env = {"EXTERNAL_AUTH": configured, "HCAPTCHA_KEY": "10000000-ffff-ffff-ffff-000000000001" if configured else None,
           "VERSION_TAG": "v3.1.0" if era == "2023" else "v3.6.2", "CURRENT_PROVIDER": "greenlight",
           "SMTP_ENABLED": ("smtp.example.org" if configured else None) if era == "2023" else configured}
write("env.json", env)

settings = {"Terms": "https://www.example.org/terms" if configured else "",
            "PrivacyPolicy": "https://www.example.org/privacy" if configured else "",
            "HelpCenter": "", "RegistrationMethod": "invite" if configured else "open"}
write("site_settings.json", None if era == "2022" else settings)

record = "false" if configured else ("optional" if era == "2022" else "default_enabled")
write("record.json", record)
if era != "2022":
    write("glRequireAuthentication.json", "true" if configured else "optional")
write("guestPolicy.json", "optional")
