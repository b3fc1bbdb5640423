#!/usr/bin/env bash
# The installs docs/install.md promises, for real: the packed tarball into a
# temporary global prefix; a local git clone with `npm install --global <path>`;
# the pre-commit hook from a clone at a commit, run by the real pre-commit.
# Each then checks the example. Needs git, npm, and pre-commit (installed with
# apt-get when missing and possible).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

check_example() { # <govern binary>
  local out
  out=$("$1" check "$root/examples/acme-northwind" --today 2026-11-15)
  echo "$out" | grep -q 'no problems' || { echo "test:install: unexpected output: $out"; exit 1; }
}

echo "test:install: the packed tarball"
tarball=$(npm pack --silent --pack-destination "$work")
tar -tzf "$work/$tarball" | sed 's|^package/||' | grep -Ev '^(bin|lib|schemas|templates)/|^(package\.json|README\.md|LICENSE|docs/rules\.md)$' && { echo "test:install: the package holds files that do not run"; exit 1; }
npm install --global --prefix "$work/prefix-tarball" "$work/$tarball" >/dev/null
test ! -d "$work/prefix-tarball/lib/node_modules/@govern-tool/govern/node_modules" || { echo "test:install: the install pulled in dependencies"; exit 1; }
check_example "$work/prefix-tarball/bin/govern"

echo "test:install: a local git clone"
git clone --quiet "$root" "$work/clone"
# The clone has what is committed: the working tree's uncommitted changes are not in it.
npm install --global --prefix "$work/prefix-clone" "$work/clone" >/dev/null
check_example "$work/prefix-clone/bin/govern"

echo "test:install: the pre-commit hook from the clone at a commit"
if ! command -v pre-commit >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null) || true
fi
if command -v pre-commit >/dev/null 2>&1; then
  rev=$(git -C "$work/clone" rev-parse HEAD)
  mkdir "$work/partners"
  cp -R "$root/examples/acme-northwind/." "$work/partners/"
  cat > "$work/partners/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $work/clone
    rev: $rev
    hooks:
      - id: govern-check
        args: ['--today', '2026-11-15']
YAML
  (cd "$work/partners" && git init --quiet && git add -A && PRE_COMMIT_HOME="$work/pre-commit-home" pre-commit run --all-files)
else
  echo "test:install: pre-commit is not installed and could not be; the hook was not run" >&2
  exit 1
fi
echo "test:install: every install works"
