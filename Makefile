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

## make run: the main job on the embedded default data.
run: build
	$(BUILD)/privascore score --category video-conferencing

## make test: every test (unit, golden, bad input, doc examples, end-to-end).
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	clang-format -i $(FORMAT_FILES)

check-format: deps
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "format: ok"

## make fuzz: the TOML loader under libFuzzer for FUZZ_SECONDS seconds.
fuzz: deps
	@test -f build-fuzz/CMakeCache.txt || CC=clang CXX=clang++ cmake -S . -B build-fuzz -DPRIVASCORE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-fuzz -j $(JOBS) --target fuzz_loader
	mkdir -p build-fuzz/corpus && cp -n tests/bad-input/*.toml build-fuzz/corpus/ 2>/dev/null || true
	find data docs -name '*.toml' -exec cp -n {} build-fuzz/corpus/ \; 2>/dev/null || true
	build-fuzz/fuzz_loader -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 build-fuzz/corpus

## make bench: Google Benchmark figures (see docs/performance.md).
bench: build
	$(BUILD)/bench/privascore_bench --benchmark_min_time=0.5

clean:
	rm -rf $(BUILD) build-fuzz
