#!/usr/bin/env bash
# The benchmark's real-weight media, made once into bench/media/ (gitignored)
# and kept while this script is unchanged: 8 thumbnails that weigh what news
# photographs weigh (480x360, the size a 2x phone needs for a 15rem tile,
# JPEG at ffmpeg's -q:v 4, about libjpeg quality 80-85, from detailed
# synthetic scenes with grain), and 4 clips of 10-19 s at that size (H.264
# main, about 560 kbit/s, faststart), each with a poster of the same name
# (.jpg, its first frame) and its packet table (.packets.json: time, byte
# offset, size of each video packet, for "bytes actually played").
# Every parameter is fixed, so the files are the same on every run.
set -euo pipefail
cd "$(dirname "$0")"
out=media
stamp="$(sha256sum make-media.sh | cut -c1-16)"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ]; then
  exit 0
fi
echo "bench: making the real-weight media in bench/media/ (once)"
rm -rf "$out"
mkdir -p "$out"
S=480x360
Q=4

image() { # name, lavfi source, filters
  ffmpeg -loglevel error -y -f lavfi -i "$2" -vf "$3,format=yuvj420p" -frames:v 1 -q:v "$Q" "$out/$1.jpg"
}

clip() { # name, seconds, lavfi source, filters
  ffmpeg -loglevel error -y -f lavfi -i "$3" -t "$2" -vf "$4,format=yuv420p" -an \
    -c:v libx264 -preset medium -profile:v main -b:v 560k -maxrate 800k -bufsize 1600k -g 50 -threads 2 \
    -movflags +faststart "$out/$1.mp4"
  # The poster: the clip's first frame as the newsroom would export it, from
  # the master (the scene itself, with a photo's grain), not from the
  # compressed clip.
  image "$1" "$3" "$4,noise=alls=10:allf=u"
  ffprobe -v error -select_streams v:0 -show_entries packet=pts_time,pos,size -of json "$out/$1.mp4" > "$out/$1.packets.json"
}

image img0 "mandelbrot=s=$S:start_x=-0.74364:start_y=0.13182:start_scale=0.003:maxiter=1000:inner=period" "noise=alls=8:allf=u"
image img1 "mandelbrot=s=$S:start_x=-0.7453:start_y=0.1127:start_scale=0.002:maxiter=500" "noise=alls=10:allf=u"
image img2 "life=s=$S:mold=10:ratio=0.3:life_color=#c0a060:death_color=#203040:mold_color=#60a0c0:seed=3" "trim=start_frame=80,gblur=sigma=0.7,noise=alls=15:allf=u"
image img3 "cellauto=s=$S:rule=110:seed=5" "gblur=sigma=1.5,eq=contrast=0.5,noise=alls=20:allf=u"
image img4 "testsrc2=s=$S" "noise=alls=26:allf=u"
image img5 "gradients=s=$S:c0=0x3d2c2e:c1=0xb5523b:c2=0xf2a65a:n=3:seed=4" "noise=alls=36:allf=u,gblur=sigma=0.5"
image img6 "color=c=black:s=$S" "geq=r='128+100*sin(X/9+3*sin(Y/23))+random(1)*40-20':g='110+90*sin(Y/11+2*cos(X/31))+random(2)*30-15':b='120+80*sin((X+Y)/17)'"
image img7 "sierpinski=s=$S:seed=9:type=carpet" "gblur=sigma=1.5,eq=contrast=0.6:saturation=1.2,noise=alls=12:allf=u"

clip clip0 10 "mandelbrot=s=$S:r=25:start_x=-0.74364:start_y=0.13182:start_scale=0.05:end_scale=0.0005:end_pts=250:maxiter=500" "noise=alls=6:allf=t+u"
clip clip1 13 "life=s=$S:r=25:mold=10:ratio=0.3:life_color=#c0a060:death_color=#203040:mold_color=#60a0c0:seed=3" "gblur=sigma=0.7,noise=alls=8:allf=t+u"
clip clip2 16 "testsrc2=s=$S:r=25" "noise=alls=14:allf=t+u"
clip clip3 19 "gradients=s=$S:r=25:c0=0x0b3954:c1=0x087e8b:c2=0xbfd7ea:c3=0xff5a5f:n=4:speed=0.02:seed=7" "noise=alls=18:allf=t+u"

(cd "$out" && for f in *.jpg *.mp4; do printf '%s %s\n' "$f" "$(stat -c %s "$f")"; done) > "$out/sizes.txt"
echo "$stamp" > "$out/.stamp"
awk '{ printf "  %-10s %7.1f KB\n", $1, $2 / 1024 }' "$out/sizes.txt"
