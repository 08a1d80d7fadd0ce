#pragma once

#include <QByteArray>
#include <QCoreApplication>

class QSplitter;
class QTabWidget;
class QWidget;

// Presentation mode's arrangement of the window's panes. At the desk the network and the
// table share the left column, the chain rule and the plots the right one. On a projector
// the type is large, so the network takes the whole width on top, the chain rule and the
// plots stand side by side below it, and the table becomes one more tab beside the plots
// (Alt+number or Ctrl+Tab reach it). leave() puts every pane back as it was.
class PresentationLayout
{
    Q_DECLARE_TR_FUNCTIONS(PresentationLayout)

public:
    struct Panes
    {
        QSplitter *centre = nullptr; // left | right at the desk
        QSplitter *left = nullptr;   // network over table
        QSplitter *right = nullptr;  // chain rule over plots
        QWidget *table = nullptr;
        QTabWidget *tabs = nullptr;
    };

    explicit PresentationLayout(const Panes &panes);

    void enter();
    void leave();
    bool isOn() const { return m_isOn; }

private:
    Panes m_panes;
    bool m_isOn = false;
    QByteArray m_centreState, m_leftState, m_rightState;
    int m_tableIndex = 1; // where the table sat in the left column
    int m_tabIndex = 0;   // the plot tab shown before
};
