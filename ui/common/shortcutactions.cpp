#include "shortcutactions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QWidgetAction>

namespace {
QString keyText(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText);
}
} // namespace

QAction *ShortcutActions::make(QObject *parent, const QString &text, const QKeySequence &key,
                               const QString &description)
{
    auto *action = new QAction(text, parent);
    action->setShortcut(key);
    action->setToolTip(key.isEmpty() ? description
                                     : QStringLiteral("%1 (%2)").arg(description, keyText(action)));
    action->setStatusTip(description);
    return action;
}

QList<QAction *> ShortcutActions::reachable(const QMainWindow *window)
{
    QList<QAction *> result;
    const auto collect = [&result](const QList<QAction *> &actions) {
        for (QAction *action : actions) {
            if (!action->isSeparator() && !action->menu() && !qobject_cast<QWidgetAction *>(action)
                && !result.contains(action))
                result.append(action);
        }
    };
    for (const QAction *menu : window->menuBar()->actions()) {
        if (menu->menu())
            collect(menu->menu()->actions());
    }
    for (const QToolBar *bar : window->findChildren<QToolBar *>())
        collect(bar->actions());
    return result;
}

void ShortcutActions::nameKeysInToolTips(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        if (!action->shortcut().isEmpty() && !action->toolTip().contains(keyText(action)))
            action->setToolTip(QStringLiteral("%1 (%2)").arg(action->toolTip(), keyText(action)));
    }
}
