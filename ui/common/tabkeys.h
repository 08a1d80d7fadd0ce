#pragma once

#include <QCoreApplication>

class QTabWidget;
class QWidget;

// Keys for the plot tabs, on the window so they work wherever the focus is: Ctrl+Tab and
// Ctrl+Shift+Tab go to the next and previous tab, Alt+1 … Alt+5 straight to one (Ctrl+1 …
// Ctrl+9 already open the built-in lessons, the plain digits choose the step).
class TabKeys
{
    Q_DECLARE_TR_FUNCTIONS(TabKeys)

public:
    static constexpr int numberedTabs = 5; // the fifth: the table, in presentation mode

    static void addTo(QWidget *window, QTabWidget *tabs);
};
