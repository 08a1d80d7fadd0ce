#include "keylist.h"

#include "networkview.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace {

// "Ctrl+Shift+Z, Ctrl+Y": every key of an action on one line.
QString keysOf(const QAction &action)
{
    QStringList keys;
    for (const QKeySequence &key : action.shortcuts())
        keys.append(key.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

QString plain(QString text)
{
    // "&Quit" → "Quit", "Save &As…" → "Save As…"; "&&" stays one "&".
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

void collect(const QMenu &menu, QList<KeyList::Entry> &entries, QList<const QAction *> &seen)
{
    for (const QAction *action : menu.actions()) {
        if (action->menu()) {
            collect(*action->menu(), entries, seen);
            continue;
        }
        if (action->isSeparator() || seen.contains(action) || action->shortcuts().isEmpty())
            continue;
        seen.append(action);
        entries.append({keysOf(*action), plain(action->text())});
    }
}

} // namespace

QList<KeyList::Group> KeyList::of(const QMainWindow &window)
{
    QList<Group> groups;
    QList<const QAction *> seen;
    for (const QAction *item : window.menuBar()->actions()) {
        if (!item->menu())
            continue;
        Group group {plain(item->text()), {}};
        collect(*item->menu(), group.entries, seen);
        if (!group.entries.isEmpty())
            groups.append(group);
    }
    // Keys that live on the window itself (the toolbar's fields, the plot tabs).
    Group anywhere {tr("Anywhere"), {}};
    for (const QAction *action : window.actions()) {
        if (seen.contains(action) || action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        seen.append(action);
        anywhere.entries.append({keysOf(*action), plain(action->text())});
    }
    if (!anywhere.entries.isEmpty())
        groups.append(anywhere);
    Group drawing {tr("On the network drawing"), {}};
    for (const auto &[key, what] : NetworkView::keyHelp())
        drawing.entries.append({key, what});
    groups.append(drawing);
    return groups;
}
