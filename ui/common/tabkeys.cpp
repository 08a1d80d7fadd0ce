#include "tabkeys.h"

#include <QAction>
#include <QTabWidget>

void TabKeys::addTo(QWidget *window, QTabWidget *tabs)
{
    const auto add = [window](const QList<QKeySequence> &keys, const QString &text, auto &&slot) {
        auto *action = new QAction(text, window);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        QObject::connect(action, &QAction::triggered, window, slot);
        window->addAction(action);
    };
    const auto go = [tabs](int step) {
        const int count = tabs->count();
        if (count > 0)
            tabs->setCurrentIndex(((tabs->currentIndex() + step) % count + count) % count);
    };
    add({QKeySequence(Qt::CTRL | Qt::Key_Tab)}, tr("Next plot tab"), [go] { go(1); });
    // X11 sends Shift+Tab as Backtab; the shortcut map matches either.
    add({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)}, tr("Previous plot tab"),
        [go] { go(-1); });
    for (int k = 0; k < numberedTabs; ++k) {
        add({QKeySequence(Qt::ALT | (Qt::Key_1 + k))}, tr("Plot tab %1").arg(k + 1), [tabs, k] {
            if (k < tabs->count())
                tabs->setCurrentIndex(k);
        });
    }
}
