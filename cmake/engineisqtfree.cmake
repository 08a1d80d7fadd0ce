# The engine (core/, every file but the worker's) includes no Qt header and links no Qt
# library, so it can be tested, fuzzed and benchmarked alone. Checked when CMake configures
# (the build stops) and by the ctest test engine-is-qt-free, which runs this file as a script:
#   cmake -DENGINE_DIR=core -P cmake/engineisqtfree.cmake

# The worker's files: the one Qt adapter. Everything else in core/ is the engine.
set(BACKPROP_WORKER_FILES_REGEX "/(trainingworker[^/]*|workerthread|workermetatypes|raceworker|racethread)\\.(h|cpp)$")

function(backprop_engine_files directory out)
    if(CMAKE_SCRIPT_MODE_FILE)
        file(GLOB files ${directory}/*.cpp ${directory}/*.h)
    else()
        file(GLOB files CONFIGURE_DEPENDS ${directory}/*.cpp ${directory}/*.h)
    endif()
    list(FILTER files EXCLUDE REGEX "${BACKPROP_WORKER_FILES_REGEX}")
    set(${out} ${files} PARENT_SCOPE)
endfunction()

# Fails with the files and lines that include Qt (<QObject>, <QtCore/…>, "qglobal.h").
function(backprop_check_engine_includes directory)
    backprop_engine_files(${directory} files)
    set(found "")
    foreach(file IN LISTS files)
        file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](Q|q[a-z]+\\.h)")
        foreach(line IN LISTS lines)
            string(APPEND found "\n  ${file}: ${line}")
        endforeach()
    endforeach()
    if(found)
        message(FATAL_ERROR "The engine includes Qt (only the worker may):${found}")
    endif()
endfunction()

# Fails if `target` or anything it links, directly or through other targets, is Qt.
function(backprop_check_no_qt_links target)
    set(pending ${target})
    set(seen "")
    while(pending)
        list(POP_FRONT pending item)
        if(item IN_LIST seen OR NOT TARGET ${item})
            continue()
        endif()
        list(APPEND seen ${item})
        get_target_property(type ${item} TYPE)
        set(links "")
        foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            if(property STREQUAL "LINK_LIBRARIES" AND type STREQUAL "INTERFACE_LIBRARY")
                continue()
            endif()
            get_target_property(more ${item} ${property})
            if(more)
                list(APPEND links ${more})
            endif()
        endforeach()
        foreach(link IN LISTS links)
            if(link MATCHES "^(Qt[0-9]*::|Qt[0-9]*[A-Z]|.*libQt)")
                message(FATAL_ERROR "${target} links Qt through ${item} (${link}); only the "
                                    "worker may")
            endif()
            list(APPEND pending ${link})
        endforeach()
    endwhile()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
    backprop_check_engine_includes(${ENGINE_DIR})
endif()
