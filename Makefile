# privascore: the two set-up commands are `make run` and `make test`.
# Both install missing Debian packages (as root), configure and build.
BUILD   ?= build
JOBS    ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
FUZZ_SECONDS ?= 60
FORMAT_FILES = $(shell git ls-files '*.cpp' '*.h' 2>/dev/null)

.PHONY: all deps configure build run test format check-format fuzz bench clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

## make run: the main job on the embedded default data: the site and API on
## http://127.0.0.1:8080/ from var/privascore.db (created from the bundled data).
run: build
	$(BUILD)/privascore serve

## make test: every test (unit, golden, bad input, doc examples, end-to-end).
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	clang-format -i $(FORMAT_FILES)

check-format: deps
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "format: ok"

## make fuzz: each libFuzzer target for FUZZ_SECONDS seconds: the TOML loader,
## the server's HTTP request parsing and the site's query/form parser.
fuzz: deps
	@test -f build-fuzz/CMakeCache.txt || CC=clang CXX=clang++ cmake -S . -B build-fuzz -DPRIVASCORE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-fuzz -j $(JOBS) --target fuzz_loader fuzz_http_request fuzz_query
	@mkdir -p build-fuzz/corpus build-fuzz/corpus-http build-fuzz/corpus-query
	@# Seeds: every TOML file of the data, the bad-input corpus and past crashes, named by content.
	@find data tests/bad-input tests/fuzz-regressions -type f \( -name '*.toml' -o -name '*.input' \) 2>/dev/null | \
	  while read -r f; do cp "$$f" build-fuzz/corpus/seed-$$(sha1sum < "$$f" | cut -c1-16); done
	@cp fuzz/seeds/http/* build-fuzz/corpus-http/
	@cp fuzz/seeds/query/* build-fuzz/corpus-query/
	build-fuzz/fuzz_loader -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1 \
	  -artifact_prefix=build-fuzz/ build-fuzz/corpus
	build-fuzz/fuzz_http_request -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 -print_final_stats=1 \
	  -artifact_prefix=build-fuzz/http- build-fuzz/corpus-http
	build-fuzz/fuzz_query -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -print_final_stats=1 \
	  -artifact_prefix=build-fuzz/query- build-fuzz/corpus-query

## make bench: Google Benchmark figures (see docs/performance.md).
bench: build
	$(BUILD)/bench/privascore_bench --benchmark_min_time=0.5

clean:
	rm -rf $(BUILD) build-fuzz
