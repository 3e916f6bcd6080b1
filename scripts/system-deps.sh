#!/usr/bin/env bash
# Install the Debian packages the browser tests and the PDF edition need, only those missing.
#
#   scripts/system-deps.sh [fonts] [browser] [pdf]     (no argument: browser and pdf)
#
# Each package is checked by what we use from it (a command, a font, a TeX file), so a
# machine that already has everything does no apt work at all. Needs root (or sudo).
# The set was measured as the minimum that builds the PDF (see README, "System packages").
set -euo pipefail

groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(browser pdf)

missing=()
need() {  # need <package> <check...>: queue the package when the check fails
  local pkg=$1; shift
  if ! "$@" >/dev/null 2>&1; then missing+=("$pkg"); fi
}
has_font() { [[ $(fc-list : family 2>/dev/null) == *"$1"* ]]; }  # (no pipe: grep -q + pipefail = SIGPIPE)

for group in "${groups[@]}"; do
  case $group in
    fonts)
      # The chart SVGs are laid out with the fonts vl-convert finds: an edition executed without
      # the CJK fonts differs from one executed with them, so every edition is made with them.
      need fonts-noto-cjk has_font "Noto Sans CJK"
      ;;
    browser)
      need chromium command -v chromium
      need fonts-noto-cjk has_font "Noto Sans CJK"   # Chinese in the pages and in the chart SVGs
      ;;
    pdf)
      need fonts-noto-cjk has_font "Noto Serif CJK"  # xeCJK's fonts (see _config.yml, latex preamble)
      need fonts-freefont-otf has_font "FreeSerif"   # Sphinx's default Latin fonts under xelatex
      need texlive-xetex command -v xelatex          # pulls texlive-latex-extra/-recommended
      need texlive-lang-chinese kpsewhich ctexhook.sty  # xeCJK (texlive-lang-cjk) needs ctex's hooks
      need texlive-fonts-recommended kpsewhich pzdr.tfm # ZapfDingbats, used by Sphinx's LaTeX
      need latexmk command -v latexmk
      need librsvg2-bin command -v rsvg-convert      # the SVG charts become PDF images
      need poppler-utils command -v pdftoppm         # pdftotext / pdftoppm in tests/test_pdf.py
      ;;
    *) echo "unknown group: $group (fonts, browser, pdf)" >&2; exit 2 ;;
  esac
done

# unique, in order
mapfile -t missing < <(printf '%s\n' "${missing[@]+"${missing[@]}"}" | awk 'NF && !seen[$0]++')
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${groups[*]})"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "missing Debian packages: ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "installing from Debian: ${missing[*]}"
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed ${missing[*]} in $((SECONDS - start))s"
