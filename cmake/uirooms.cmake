# The window's rooms, from the bottom up. A file may include headers of its own room and of
# the rooms listed before it, never of a room after it: the arrows between rooms point down,
# as those between folders do (app → ui → worker → engine). Every ui file lives in a room.
# Checked when CMake configures (the build stops) and by the ctest test ui-rooms-point-down,
# which runs this file as a script:
#   cmake -DUI_DIR=ui -P cmake/uirooms.cmake
#
#   common   theme, number format, colours, shortcuts: what every room uses
#   session  LessonSession, the one owner of what the window shows, and its undo
#   plots    axes, E(w), E(wa, wb), loss history, the input plane
#   network  the network drawing: scene, builder, painter, labels, focus
#   lesson   what explains a step: chain rule, narration, guide, quiz, step log
#   data     the training data: table, dialogs, CSV import, Data menu
#   race     the optimizer race window and its dialog
#   shell    the main window, its menus and toolbar, files, help, start-up
if(CMAKE_SCRIPT_MODE_FILE)
    cmake_minimum_required(VERSION 3.21)
endif()

set(BACKPROP_UI_ROOMS common session plots network lesson data race shell)

# Fails with every include that points up a room, and with any file outside a room.
function(backprop_check_ui_rooms directory)
    string(REPLACE ";" " " rooms "${BACKPROP_UI_ROOMS}")
    set(problems "")
    file(GLOB stray ${directory}/*.cpp ${directory}/*.h)
    foreach(file IN LISTS stray)
        string(APPEND problems "\n  ${file}: not in a room (${rooms})")
    endforeach()
    file(GLOB entries LIST_DIRECTORIES true ${directory}/*)
    foreach(entry IN LISTS entries)
        get_filename_component(name ${entry} NAME)
        if(IS_DIRECTORY ${entry} AND NOT name IN_LIST BACKPROP_UI_ROOMS)
            string(APPEND problems "\n  ${entry}: a folder that is not a room")
        endif()
    endforeach()

    # The room of every header, by file name (names are unique across rooms).
    set(rank 0)
    foreach(room IN LISTS BACKPROP_UI_ROOMS)
        file(GLOB headers ${directory}/${room}/*.h)
        foreach(header IN LISTS headers)
            get_filename_component(name ${header} NAME)
            if(DEFINED rank_of_${name})
                string(APPEND problems "\n  ${header}: ${name} is also in ${room_of_${name}}/")
            endif()
            set(rank_of_${name} ${rank})
            set(room_of_${name} ${room})
        endforeach()
        math(EXPR rank "${rank} + 1")
    endforeach()

    set(rank 0)
    foreach(room IN LISTS BACKPROP_UI_ROOMS)
        file(GLOB files ${directory}/${room}/*.cpp ${directory}/${room}/*.h)
        foreach(file IN LISTS files)
            file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]+\"")
            foreach(line IN LISTS lines)
                string(REGEX REPLACE "^[^\"]*\"([^\"]+)\".*$" "\\1" included "${line}")
                get_filename_component(included ${included} NAME)
                if(DEFINED rank_of_${included} AND rank_of_${included} GREATER rank)
                    string(APPEND problems "\n  ${file}: includes ${included}, in "
                                           "${room_of_${included}}/, a room above ${room}/")
                endif()
            endforeach()
        endforeach()
        math(EXPR rank "${rank} + 1")
    endforeach()
    if(problems)
        message(FATAL_ERROR "The window's rooms (cmake/uirooms.cmake, bottom up: "
                            "${rooms}):${problems}")
    endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
    backprop_check_ui_rooms(${UI_DIR})
endif()
