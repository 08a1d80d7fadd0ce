#pragma once

#include <QObject>
#include <QPointer>

class MainWindow;
class QAction;
class RaceSetupDialog;
class RaceWindow;

// Training ▸ Compare optimizers… (C): asks the session for the lesson as it stands, lets the
// teacher set up the race (RaceSetupDialog) and opens the race in a window of its own
// (RaceWindow). One race at a time: a new one replaces the open one. The main window's lesson
// is only read.
class RaceLauncher : public QObject
{
    Q_OBJECT

public:
    explicit RaceLauncher(MainWindow &window);

    QAction *action() const { return m_action; }
    RaceSetupDialog *setupDialog() const;
    RaceWindow *raceWindow() const;

signals:
    void setupOpened();

private:
    void openSetup();

    MainWindow &m_window;
    QAction *m_action;
    QPointer<RaceSetupDialog> m_dialog;
    QPointer<RaceWindow> m_raceWindow;
};
