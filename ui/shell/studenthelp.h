#pragma once

#include <QObject>

class LessonGuide;
class MainWindow;
class QAction;

// What a student alone needs from the window (issue 17), in one place: the lesson guide
// beside the views and What's This on every view, both reached from the Help menu (Help ▸
// Lesson guide, Ctrl+F1; Help ▸ What's This, Shift+F1). It adds its entries to the window's
// Help menu, creating a minimal one when the window has none.
class StudentHelp : public QObject
{
    Q_OBJECT

public:
    explicit StudentHelp(MainWindow &window);

    LessonGuide *lessonGuide() const { return m_guide; }
    QAction *lessonGuideAction() const { return m_guideAction; }
    QAction *whatsThisAction() const { return m_whatsThis; }
    void setScale(double scale);

private:
    void installWhatsThis(MainWindow &window);
    void addMenuEntries(MainWindow &window);

    LessonGuide *m_guide;
    QAction *m_guideAction = nullptr;
    QAction *m_whatsThis = nullptr;
};
