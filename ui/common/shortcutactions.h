#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;
class QMainWindow;
class QObject;

// Every action a user can reach names its key in its tooltip, so the keys can be learnt by
// hovering (and a teacher can find them in front of a class).
class ShortcutActions
{
public:
    // An action with its key, whose tooltip is "description (key)".
    static QAction *make(QObject *parent, const QString &text, const QKeySequence &key,
                         const QString &description);
    // The actions of the window's menus (not of their submenus) and toolbars, without
    // separators and the toolbars' embedded widgets.
    static QList<QAction *> reachable(const QMainWindow *window);
    // Appends the key to the tooltip of every action that has a key its tooltip does not
    // name yet (actions added by other parts of the window).
    static void nameKeysInToolTips(const QList<QAction *> &actions);
};
