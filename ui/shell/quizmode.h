#pragma once

#include <QObject>

class MainWindow;
class QAction;
class QDockWidget;
class QuizPanel;

// Training ▸ Quiz (Q), in one place: the quiz panel in a dock beside the views, the menu
// entry, and while it is open the window hides what would give a prediction away (the data
// table's outputs and errors and E_total now until the loss phase has run, the plots'
// legend numbers, the lesson guide's numbers). Closing it shows them again.
class QuizMode : public QObject
{
    Q_OBJECT

public:
    explicit QuizMode(MainWindow &window);

    QuizPanel *panel() const { return m_panel; }
    QAction *action() const { return m_action; }
    void setScale(double scale);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setHiding(bool on);

    MainWindow &m_window;
    QDockWidget *m_dock;
    QuizPanel *m_panel;
    QAction *m_action;
};
