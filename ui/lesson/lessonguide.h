#pragma once

#include <QDockWidget>

class QTextBrowser;
class LessonSession;

// Help ▸ Lesson guide: a panel beside the views that tells the lesson's story from its file
// (title, description, one note per view) with the numbers of the moment on screen in it. It
// computes nothing: the words and the numbers come from the engine (backprop::lessonGuide),
// the lesson and the moment from the session. Hidden, it does nothing at all.
class LessonGuide : public QDockWidget
{
    Q_OBJECT

public:
    explicit LessonGuide(LessonSession &session, QWidget *parent = nullptr);

    void setScale(double scale);
    // The quiz (Training ▸ Quiz): the numbers of the moment would give answers away, so the
    // guide keeps its words and says the numbers wait.
    void setHidesNumbers(bool hides);
    QString text() const; // as shown, in plain text
    QTextBrowser *browser() const { return m_browser; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void render();

    LessonSession &m_session;
    QTextBrowser *m_browser;
    bool m_hidesNumbers = false;
};
