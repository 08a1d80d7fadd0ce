# Installation (GNUInstallDirs) and a Debian package (CPack): the program, its .desktop file
# and its icon where desktops look for them. Included once from the top-level CMakeLists.
include(GNUInstallDirs)

install(FILES ${PROJECT_SOURCE_DIR}/resources/backprop-lab.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/backprop-lab.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME backprop-lab)
set(CPACK_PACKAGE_VENDOR "Backprop Lab")
set(CPACK_PACKAGE_CONTACT "Backprop Lab maintainers <backprop-lab@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY backprop-lab)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/backprop-lab")
# dpkg-shlibdeps finds the Qt libraries the binary links; the platform plugins Qt loads at
# run time are not linked, so the xcb plugin's package is named by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
include(CPack)

# The package is built, unpacked into a scratch root and started by the normal test run (a
# few seconds without debug info); sanitizer builds skip it, their program is no package.
option(BACKPROP_PACKAGE_TEST "Add the package-check test (runs cpack)" ON)
if(BACKPROP_PACKAGE_TEST AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
    add_test(NAME package-check
             COMMAND ${PROJECT_SOURCE_DIR}/scripts/package-check.sh ${CMAKE_BINARY_DIR})
    set_tests_properties(package-check PROPERTIES LABELS package TIMEOUT 900)
endif()
