#!/usr/bin/env bash
# Refresh the gettext catalogues after UI or assistant texts changed (docs/translations.md):
# extract every marked text into the template, then merge it into each language's catalogue
# (new texts arrive untranslated, changed ones fuzzy; tests/test_catalogues.py fails until a
# translator has filled them in and removed the fuzzy flags).
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
$PYBABEL extract -F babel.cfg --no-default-keywords -k _ -k N_ -k gettext:2 -k ngettext:2,3 \
  --no-location --sort-output --project museum-qa --copyright-holder "museum-qa contributors" \
  -o assistant/locales/museum_qa.pot .
for po in assistant/locales/*/LC_MESSAGES/museum_qa.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$(dirname "$(dirname "$po")")")
  $PYBABEL update -i assistant/locales/museum_qa.pot -d assistant/locales -D museum_qa -l "$lang" \
    --no-wrap --ignore-obsolete
done
