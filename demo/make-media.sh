#!/bin/sh
# Makes the demo's stand-in thumbnails: the seed's 8 `pic` paths, as 4:3
# abstract gradients (6 JPEGs) and 2 short silent MP4 loops. The results are
# committed, so `make dev` never needs ffmpeg; run this only to remake them.
set -eu
cd "$(dirname "$0")"
out=media
w=480
h=360

points() { # where a gradient of this type starts and ends
  case "$1" in
    linear) echo "x0=40:y0=30:x1=440:y1=330" ;;
    *) echo "x0=300:y0=150:x1=40:y1=330" ;;
  esac
}

image() { # path, type, colours (space separated)
  mkdir -p "$out/$(dirname "$1")"
  colours=$(i=0; for c in $3; do printf 'c%d=%s:' "$i" "$c"; i=$((i + 1)); done)
  ffmpeg -loglevel error -y -f lavfi \
    -i "gradients=s=${w}x${h}:type=$2:${colours}n=$(echo "$3" | wc -w):$(points "$2"):seed=7,format=rgb24" \
    -vf "noise=alls=6:allf=t,vignette=PI/5" -frames:v 1 -q:v 6 "$out/$1"
}

video() { # path, type, colours, speed
  mkdir -p "$out/$(dirname "$1")"
  colours=$(i=0; for c in $3; do printf 'c%d=%s:' "$i" "$c"; i=$((i + 1)); done)
  ffmpeg -loglevel error -y -f lavfi \
    -i "gradients=s=${w}x${h}:type=$2:${colours}n=$(echo "$3" | wc -w):speed=$4:r=24:d=3,format=yuv420p" \
    -vf "vignette=PI/5" -an -c:v libx264 -preset veryslow -crf 30 -profile:v main \
    -movflags +faststart "$out/$1"
}

image 2016/08/27/alalam_636078979081121458_25f_4x3.jpg linear "0xc98b4a 0x6b3f22 0xe9c89b"
image 2016/08/27/alalam_636079053225911651_25f_4x3.jpg radial "0x2f4858 0x86bbd8 0x33658a"
image 2016/08/27/alalam_636079123580611038_25f_4x3.jpg linear "0x3d2c2e 0xb5523b 0xf2a65a"
video 2016/08/27/alalam_636079270218421892_25f_4x3.mp4 linear "0x0b3954 0x087e8b 0xbfd7ea 0xff5a5f" 0.02
video 2016/08/28/alalam_636079770269914523_25f_4x3.mp4 radial "0x1b1b3a 0x693668 0xa74482 0xf84aa7" 0.03
image 2016/08/28/alalam_636079785845678270_25f_4x3.jpg radial "0x5c7457 0xc1bca0 0x214e34"
image 2016/08/28/alalam_636079867760129766_25f_4x3.jpg linear "0x432371 0xfaae7b 0x714674"
image 2016/08/28/alalam_636079874908531767_25f_4x3.jpg linear "0x264653 0x2a9d8f 0xe9c46a"
