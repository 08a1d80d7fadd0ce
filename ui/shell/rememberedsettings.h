#pragma once

#include <QObject>
#include <QStringList>

class QMainWindow;
class QTimer;
class TrainingToolBar;

// What the window remembers between runs, written when it changes (not only at a clean quit,
// so a crash or a power cut on a lecture-hall PC keeps it): the step size, the run speed, the
// window's place, size and maximised state. (The type scales and the digits are written by
// the window when they change; the lesson by StartLesson and the autosave.)
// Where: QSettings' default place for the application's organisation and name. main() names
// them; a test names its own and turns on QStandardPaths' test mode, so its settings live in
// a test folder (windowtest::isolateSettings) and a restart of the window reads them back.
class RememberedSettings : public QObject
{
    Q_OBJECT

public:
    RememberedSettings(QMainWindow *window, TrainingToolBar *toolBar);

    // Sets the step size, the speed and the window's geometry from the settings.
    void restore();
    // The settings keys it writes and restores.
    static QStringList keys();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveGeometry();

    QMainWindow *m_window;
    TrainingToolBar *m_toolBar;
    QTimer *m_geometryTimer; // a drag sends hundreds of moves; one write when it settles
    bool m_isRestoring = false;
};
