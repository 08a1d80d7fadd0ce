#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

class QSplitter;
class QTabWidget;
class QWidget;

// Presentation mode's arrangement of the window's panes. At the desk the network and the
// table share the left column, the chain rule and the plots the right one. On a projector
// the type is large, so the network takes the height it needs on top (no more: the panes
// below need the rest), the chain rule and the plots stand side by side below it, and the
// table becomes one more tab beside the plots (Alt+number or Ctrl+Tab reach it). A screen
// too short for the network and a row of panes below it (1280×720) shows one pane at a time:
// the network and the chain rule become the first tabs, and the status bar gives its height
// to them. leave() puts every pane back.
class PresentationLayout : public QObject
{
    Q_OBJECT

public:
    struct Panes
    {
        QSplitter *centre = nullptr; // left | right at the desk
        QSplitter *left = nullptr;   // network over table
        QSplitter *right = nullptr;  // chain rule over plots
        QWidget *network = nullptr;  // the network's pane (with its narration line)
        QWidget *chainRule = nullptr;
        QWidget *table = nullptr;
        QTabWidget *tabs = nullptr;
        // Hidden while one pane at a time shows: the drawing's heading says what it says
        // (the iteration, what comes next, E_total), and the network needs its height.
        QWidget *statusBar = nullptr;
        // The height the network's pane needs in presentation mode's type.
        std::function<int()> networkHeight;
    };
    // Below the network, the chain rule and the plots need at least this much height to
    // show their large type; a screen that leaves less gets one pane at a time.
    static constexpr int smallestRowBelow = 330;

    explicit PresentationLayout(const Panes &panes, QObject *parent = nullptr);

    void enter();
    void leave();
    bool isOn() const { return m_isOn; }
    bool isOnePane() const { return m_isOnePane; }
    // Shares the height out again (the screen's size or the lesson's network changed).
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showOnePane(bool onePane);

    Panes m_panes;
    bool m_isOn = false;
    bool m_isOnePane = false;
    bool m_isFitting = false;
    QByteArray m_centreState, m_leftState, m_rightState;
    int m_tableIndex = 1; // where the table sat in the left column
    int m_tabIndex = 0;   // the plot tab shown before
};
