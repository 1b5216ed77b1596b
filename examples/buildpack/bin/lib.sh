# Shared by bin/detect and bin/build (sourced, not run).

# gofn_detect runs gofn-detect: $GOFN_DETECT when set (a command, or a path to its cli.js), else
# the gofn-detect on PATH, else npx's copy.
gofn_detect() {
  local cli="${GOFN_DETECT:-}"
  if [[ -z "$cli" ]]; then
    if command -v gofn-detect >/dev/null; then cli=gofn-detect; else cli="npx --yes gofn-detect"; fi
  fi
  case "$cli" in
    *.js)
      # A missing script would make node exit 1, which reads as "no function": say it is an error.
      if [[ ! -f "$cli" ]]; then echo "gofn: GOFN_DETECT=$cli does not exist" >&2; return 2; fi
      node "$cli" "$@" ;;
    *) $cli "$@" ;;
  esac
}

# target_args holds --target NAME when the app chooses with BP_GOFN_TARGET.
target_args=()
if [[ -n "${BP_GOFN_TARGET:-}" ]]; then target_args=(--target "$BP_GOFN_TARGET"); fi
