#include "racelauncher.h"

#include "lessonsession.h"
#include "mainwindow.h"
#include "optimizerrace.h"
#include "racesetupdialog.h"
#include "racewindow.h"
#include "shortcutactions.h"

#include <QAction>
#include <QMenu>

using namespace backprop;

RaceLauncher::RaceLauncher(MainWindow &window)
    : QObject(&window), m_window(window),
      m_action(ShortcutActions::make(&window, tr("&Compare optimizers…"), QKeySequence(Qt::Key_C),
                                     tr("Race 2 to 5 optimizers from the lesson as it stands")))
{
    window.trainingMenu()->addAction(m_action);
    connect(m_action, &QAction::triggered, this, &RaceLauncher::openSetup);
}

RaceSetupDialog *RaceLauncher::setupDialog() const
{
    return m_dialog;
}

RaceWindow *RaceLauncher::raceWindow() const
{
    return m_raceWindow;
}

void RaceLauncher::openSetup()
{
    m_window.session().requestLessonState([this](const SavedLesson &saved) {
        if (m_dialog)
            return; // already open
        const Network &network = saved.lesson.network;
        std::vector<std::string> names;
        for (const ParameterId &id : network.parameters())
            names.push_back(network.nameOf(id));
        m_dialog = new RaceSetupDialog(saved.lesson.optimizer, names,
                                       defaultWatchedPair(network, saved.lesson.selectedParameter),
                                       &m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QDialog::accepted, this, [this, saved] {
            if (m_raceWindow)
                m_raceWindow->close();
            m_raceWindow = new RaceWindow(saved, m_dialog->request(), &m_window);
            m_raceWindow->show();
            m_raceWindow->activateWindow();
        });
        m_dialog->open();
        emit setupOpened();
    });
}
