#!/usr/bin/env bash
# Tests the package as it is published: packs it, lints the manifest (publint) and the types (arethetypeswrong),
# installs the tarball in a throwaway project and runs the smoke tests there with plain node, then checks that the
# core entry is browser-safe and that the pages a front end builds from the installed package stay within their
# gzip budgets (scripts/bundle-size.mjs, budgets in scripts/bundle-budgets.mjs). One line per check, then
# `package: N passed, M failed`.
#
# Assumes `npm run build` already ran (`npm test` builds first). Needs the npm registry, or an npm cache holding the
# package's dependencies, for the install step.
#
# The throwaway project lives outside the repository (under $TMPDIR), not in .tmp/: Node looks for packages in every
# node_modules folder above the importing file, so a consumer under /repo/.tmp would quietly find the repository's
# own node_modules (devDependencies included) and hide a dependency missing from package.json.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

work=$(mktemp -d "${TMPDIR:-/tmp}/astreinte-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$work/check.log
notefile=$work/check.note
tarball=''
consumer=$work/consumer

passed=0
failed=0

# note TEXT: a detail printed after the check's name when it passes (sizes, counts).
note() { printf ' (%s)' "$*" >"$notefile"; }

# check NAME COMMAND...: runs COMMAND with its output in a log; prints one line, and the log when it fails.
# COMMAND runs in an `if`, where bash ignores `set -e`: the check functions below return on failure explicitly.
check() {
  local name=$1
  shift
  : >"$notefile"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    printf 'ok    %s%s\n' "$name" "$(cat "$notefile")"
  else
    failed=$((failed + 1))
    printf 'FAIL  %s\n' "$name"
    sed 's/^/      | /' "$log"
  fi
}

need_tarball() {
  [[ -n $tarball && -f $tarball ]] || {
    echo 'no tarball: npm pack failed'
    return 1
  }
}

check_build_output() {
  local file missing=0
  for file in dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/node.js dist/node.cjs \
    dist/node.d.ts dist/node.d.cts dist/reports.js dist/reports.cjs dist/reports.d.ts dist/reports.d.cts \
    dist/ical.js dist/ical.cjs dist/ical.d.ts dist/ical.d.cts dist/cli.js; do
    [[ -f $file ]] || {
      echo "missing $file"
      missing=1
    }
  done
  [[ $missing == 0 ]] || {
    echo 'run `npm run build` first'
    return 1
  }
}

check_pack() {
  local name listing entry bad=0
  mkdir -p "$work/pack"
  name=$(npm pack --silent --pack-destination "$work/pack") || return 1
  tarball=$work/pack/${name##*$'\n'}
  need_tarball || return 1
  listing=$(tar -tzf "$tarball") || return 1
  for entry in package.json dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/node.js \
    dist/node.cjs dist/node.d.ts dist/node.d.cts node/package.json dist/reports.js dist/reports.cjs \
    dist/reports.d.ts dist/reports.d.cts reports/package.json dist/ical.js dist/ical.cjs dist/ical.d.ts \
    dist/ical.d.cts ical/package.json dist/cli.js schema/team.schema.json \
    schema/requests.schema.json schema/rota-policy.schema.json schema/matching-policy.schema.json \
    schema/overrides.schema.json schema/rota.schema.json schema/bookings.schema.json schema/tokens.schema.json \
    schema/feeds-state.schema.json; do
    grep -qx "package/$entry" <<<"$listing" || {
      echo "tarball lacks $entry"
      bad=1
    }
  done
  if grep -E '^package/(src|test|bench|examples|scripts|\.tmp|\.ci|node_modules)/' <<<"$listing"; then
    echo 'tarball ships files that are not for users (listed above)'
    bad=1
  fi
  [[ $bad == 0 ]] || return 1
  note "$(basename "$tarball"), $(wc -l <<<"$listing") files, $(($(wc -c <"$tarball") / 1024)) KB"
}

check_publint() {
  need_tarball || return 1
  npx --no publint run --strict "$tarball"
}

# Default (strict) profile: node10, node16 CommonJS, node16 ESM and bundler resolution must all be right, no rule
# ignored. The JSON subpaths (`./team.schema.json`, `./requests.schema.json`) are left out: node10 (moduleResolution
# "node") cannot see `exports`, so no JSON subpath can resolve there, and JSON carries no types to check; the smoke
# tests load them with real node.
check_attw() {
  need_tarball || return 1
  npx --no attw "$tarball" --exclude-entrypoints ./team.schema.json ./requests.schema.json ./coverage-report.schema.json \
    ./monthly-review.schema.json \
    ./rota-policy.schema.json ./matching-policy.schema.json ./overrides.schema.json ./rota.schema.json ./bookings.schema.json ./tokens.schema.json ./feeds-state.schema.json --no-definitely-typed \
    --no-emoji --no-color --format table-flipped
}

check_install() {
  need_tarball || return 1
  mkdir -p "$consumer"
  printf '{ "name": "astreinte-consumer", "version": "0.0.0", "private": true }\n' >"$consumer/package.json"
  (cd "$consumer" && npm install --no-audit --no-fund --prefer-offline "$tarball") || return 1
  [[ -f $consumer/node_modules/astreinte/package.json && -x $consumer/node_modules/.bin/astreinte ]] || {
    echo 'astreinte or its bin is not in the throwaway project'
    return 1
  }
}

# check_smoke FILE LABEL: runs a smoke test with plain node from the throwaway project, in a clean environment.
check_smoke() {
  local file=$1 label=$2 out
  [[ -d $consumer/node_modules/astreinte ]] || {
    echo 'package not installed'
    return 1
  }
  cp "$root/test/package/$file" "$consumer/$file"
  out=$(cd "$consumer" && env -u NODE_PATH -u NODE_OPTIONS node "$file" 2>&1) || {
    echo "$out"
    return 1
  }
  echo "$out"
  grep -qx "smoke ($label): ok" <<<"$out"
}

# The library entry must load in a browser: no Node built-in (node:*, or bare fs, path, process...) in either build.
check_browser_safe() {
  local file hits=0
  local builtins='node:[^"'\'']*|fs|fs/promises|path|path/posix|path/win32|process|os|child_process|module|url|util|worker_threads'
  local pattern="(from|import|require)[[:space:]]*\\(?[[:space:]]*[\"'](${builtins})[\"']"
  for file in dist/index.js dist/index.cjs dist/reports.js dist/reports.cjs dist/ical.js dist/ical.cjs; do
    [[ -f $file ]] || {
      echo "missing $file"
      return 1
    }
    if grep -noE "$pattern" "$file"; then hits=1; fi
  done
  [[ $hits == 0 ]] || {
    echo 'the core imports Node built-ins (above): move that code to the command (src/cli)'
    return 1
  }
}

# What a front end ships: each page of test/package/bundle/ bundled from the installed package for the browser
# (esbuild, minified, dependencies included, no Node polyfills: a `node:` import fails), against its gzip budget.
check_bundles() {
  [[ -d $consumer/node_modules/astreinte ]] || {
    echo 'package not installed'
    return 1
  }
  local out
  out=$(node "$root/scripts/bundle-size.mjs" --consumer "$consumer") || {
    echo "$out"
    return 1
  }
  echo "$out"
  note "$(sed -nE 's/^ok +([a-z-]+)\.mjs: ([0-9.]+ kB) gzip \(budget ([0-9]+ kB)\).*/\1 \2 of \3/p' <<<"$out" | paste -sd, - | sed 's/,/, /g')"
}

# The same command gives the same bytes whatever the host's zone: the engine never reads it.
check_tz_independent() {
  local zone reference='' out
  for zone in UTC America/New_York Australia/Lord_Howe Asia/Kolkata Pacific/Chatham; do
    out=$(TZ=$zone node dist/cli.js coverage examples/ca-va-patron.json --from 2027-03-01 --to 2027-04-05 --format json |
      sha256sum) || return 1
    echo "$zone: $out"
    [[ -z $reference ]] && reference=$out
    [[ $out == "$reference" ]] || return 1
  done
}

echo "package: testing $(node -p 'require("./package.json").name + "@" + require("./package.json").version')"
check 'build output: dist/index.{js,cjs,d.ts,d.cts} and dist/cli.js' check_build_output
if ((failed > 0)); then
  # Every other check would fail for the same reason.
  echo "package: $passed passed, $failed failed"
  exit 1
fi
check 'npm pack: tarball has dist and schema, nothing else of ours' check_pack
check 'publint --strict' check_publint
check 'attw (strict profile): types for node10, node16 CJS, node16 ESM and bundler' check_attw
check 'install: npm install <tarball> in a throwaway project' check_install
check 'smoke (esm): import from the installed package, plain node' check_smoke smoke.mjs esm
check 'smoke (cjs): require from the installed package, plain node' check_smoke smoke.cjs cjs
check 'browser-safe: no Node built-in imported by dist/index.*, dist/reports.* or dist/ical.*' check_browser_safe
check 'bundles: browser pages from the installed package within their gzip budgets' check_bundles
check 'same output under five host zones (TZ), byte for byte' check_tz_independent

echo "package: $passed passed, $failed failed"
[[ $failed == 0 ]]
