#pragma once

#include "racethread.h"
#include "workermetatypes.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QPushButton;
class RaceLossView;
class RaceSurfaceView;
class RaceTable;

// The optimizer race (Training ▸ Compare optimizers…): one E(wa, wb) surface with every
// racer's path, the racers' E_total on a log axis, and a table of their numbers. The race
// runs in a RaceWorker of its own thread (RaceThread); the window sends it commands and shows
// the newest frame it sent, as the main window does with its worker. Space steps every racer
// one iteration, R runs or pauses, Backspace or Left steps back, Escape closes. The main
// window's lesson is not touched: the race starts from a copy of it.
class RaceWindow : public QWidget
{
    Q_OBJECT

public:
    RaceWindow(const backprop::SavedLesson &lesson, const backprop::RaceRequest &request,
               QWidget *parent = nullptr);
    ~RaceWindow() override;

    void step();
    void stepBack();
    void toggleRun();
    bool isRunning() const { return m_running; }

    // The frame on screen, or null before the first arrived.
    const backprop::RaceFrame *frame() const { return m_frame.get(); }
    RaceSurfaceView *surfaceView() const { return m_surface; }
    RaceLossView *lossView() const { return m_loss; }
    RaceTable *table() const { return m_table; }
    QString statusText() const;
    backprop::RaceWorker *worker() const { return m_thread.worker(); }

signals:
    // Every frame shown (tests and the command line's screenshot wait for these).
    void frameShown();
    void runStateChanged(bool running);

private:
    void showFrame(const backprop::RaceFrame &frame);
    void showRunState(bool running);
    void showError(const QString &message);
    QAction *addKeyAction(const QString &text, const QList<QKeySequence> &keys);

    backprop::RaceThread m_thread;
    // One copy per frame, shared by the views (a frame holds every racer's loss history and
    // path: copying it per view cost more than painting it).
    std::shared_ptr<const backprop::RaceFrame> m_frame;
    bool m_running = false;
    RaceSurfaceView *m_surface;
    RaceLossView *m_loss;
    RaceTable *m_table;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_backButton = nullptr;
};
