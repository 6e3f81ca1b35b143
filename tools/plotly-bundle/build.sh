#!/bin/sh
# Rebuild dashboard/assets/vendor/plotly-bar-heatmap.min.js from npm's plotly.js (needs node and npm).
# A chart drawing another trace type needs it added to entry.js (tests/browser/test_speed.py draws every page).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../dashboard/assets/vendor/plotly-bar-heatmap.min.js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/entry.js" "$work/"
cd "$work"
npm install --no-audit --no-fund --silent plotly.js@4.1.1 esbuild@0.28.2
{
  printf '/**\n* plotly.js (core, bar, heatmap - minified) v4.1.1\n* Copyright 2012-2026, Plotly, Inc.\n'
  printf '* All rights reserved.\n* Licensed under the MIT license\n* Built by tools/plotly-bundle/build.sh\n*/\n'
  npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
    --define:global=window --define:define.amd=false --loader:.css=empty --log-level=error
} > "$out.part"
mv "$out.part" "$out"
