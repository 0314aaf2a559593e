# Lede. The README's two commands are `make dev` and `make test`; both set up
# what is missing first (build/setup.sh).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Trunk never downloads a tool: the ones on PATH are exactly the pinned ones.
export TRUNK_OFFLINE := true

.PHONY: setup setup-dev setup-dist dev test dist size bench fuzz clean

## Everything `make test` needs; `setup-dev` and `setup-dist` less (no
## browser; for `make dev`, no npm packages either, and no root).
setup:
	@bash build/setup.sh
setup-dev:
	@bash build/setup.sh dev
setup-dist:
	@bash build/setup.sh dist

## The demo at http://127.0.0.1:8080 (the Arabic one at /ar.html), rebuilt on
## change: a debug build in target/dev/, never in dist/ (the release).
dev: setup-dev
	trunk serve --offline --dist target/dev

## Every check and test level; ends with one summary line.
test: setup
	@bash build/test.sh

## The release build into dist/: index.html, lede.js, the wasm and its glue;
## and dist/pkg/, what a publisher uploads (lede.js and the glue and wasm named by the version).
## STABLE=1: the same with stable compiler options only, into dist-stable/
## (build/dist.sh says what the default build uses beyond them).
dist: setup-dist
	@bash build/dist.sh

## What the shipped wasm is made of, per crate and per module of src/
## (twiggy): printed, and written into the README's size tables.
size: dist
	@command -v twiggy >/dev/null || cargo install twiggy --locked
	@README=README.md bash build/size-report.sh 14

## Size and speed against a Swiper-based peer; writes bench/RESULTS.md.
## It needs what `make test` needs (the browser, the npm packages) first.
bench: setup dist
	@bash bench/run.sh

## Each parser under the fuzzer for FUZZ_SECONDS (default 120) seconds.
FUZZ_SECONDS ?= 120
fuzz: setup
	@bash build/fuzz.sh $(FUZZ_SECONDS)

clean:
	cargo clean
	rm -rf dist dist-stable e2e/out
