# One static library per folder of src/, the folder's layer (ARCHITECTURE.md).
#
#   privascore_layer(FOLDER SOURCES a.cpp … [PUBLIC lib …] [PRIVATE lib …])
#
# defines privascore_FOLDER. Each layer sees only its own headers and those
# of the layers it links: its include directory holds a single link,
# include/FOLDER/FOLDER -> src/FOLDER, so `#include "web/site.h"` resolves
# only in a layer that links privascore_web. An upward include does not
# build. PUBLIC: layers whose headers this layer's headers include; PRIVATE:
# layers only its .cpp files use.
function(privascore_layer folder)
  cmake_parse_arguments(LAYER "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  set(target privascore_${folder})
  add_library(${target} STATIC ${LAYER_SOURCES})
  set(root "${PROJECT_BINARY_DIR}/include/${folder}")
  file(MAKE_DIRECTORY "${root}")
  file(CREATE_LINK "${PROJECT_SOURCE_DIR}/src/${folder}" "${root}/${folder}" SYMBOLIC)
  target_include_directories(${target} PUBLIC "${root}")
  target_link_libraries(${target} PUBLIC ${LAYER_PUBLIC} PRIVATE ${LAYER_PRIVATE})
  set_property(GLOBAL APPEND PROPERTY PRIVASCORE_LAYERS ${target})
endfunction()
