#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QMainWindow;

// Every key of the window, read from its actions (menus, submenus and window-wide keys) so
// the list cannot drift from what the keys do, plus the drawing's own walking keys.
class KeyList
{
    Q_DECLARE_TR_FUNCTIONS(KeyList)

public:
    struct Entry
    {
        QString key;  // "Ctrl+Z", as the platform writes it
        QString what; // the action's text without its mnemonic
    };
    struct Group
    {
        QString title;
        QList<Entry> entries;
    };

    static QList<Group> of(const QMainWindow &window);
};
