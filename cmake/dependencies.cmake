# Libraries from Debian 12 packages (scripts/debian-packages.txt installs them).
find_package(PkgConfig REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(tl-expected QUIET)
find_package(GTest REQUIRED)
find_package(benchmark REQUIRED)
find_package(Threads REQUIRED)

# Boost.Beast changes the layout of its types with these macros: every
# translation unit must see the same ones, or objects built in one library
# and destroyed in another crash (the server and the assist HTTP client both
# use Beast).
add_compile_definitions(BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW)
