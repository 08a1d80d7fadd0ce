#pragma once

#include "savedlesson.h"

#include <QCoreApplication>
#include <QString>

#include <variant>

class MainWindow;

// The lesson the window opens with. `--lesson` names it; an interactive start without it
// reopens the last session's lesson (QSettings "lesson/last": a built-in name or a file) when
// it still reads cleanly, and otherwise opens the default lesson and says why. Scripted runs
// (--headless, --screenshot) never look at the setting: their output stays reproducible.
class StartLesson
{
    Q_DECLARE_TR_FUNCTIONS(StartLesson)

public:
    static QString settingsKey() { return QStringLiteral("lesson/last"); }
    static QString defaultName() { return QStringLiteral("two-two-two"); }

    // A built-in lesson's name or a lesson file; the error is one line for the user.
    static std::variant<StartLesson, QString> load(const QString &nameOrFile);
    // What to open for the remembered value (empty when nothing is remembered). Never fails:
    // a missing or broken file gives the default lesson and a message naming the reason.
    static StartLesson reopen(const QString &remembered);
    // What to remember for the lesson in use: its file (absolute) when it came from one, its
    // name when it is a built-in lesson, otherwise nothing (an empty string).
    static QString toRemember(const QString &lessonName, const QString &filePath);

    // Opens it in the window: a file as File ▸ Open does (saving writes back to it), a
    // built-in lesson as the Lesson menu does; then shows the message, if any.
    void openIn(MainWindow &window) const;

    backprop::SavedLesson saved;
    QString path;    // the file it was read from; empty for a built-in lesson
    QString message; // why the remembered lesson was not reopened; empty when it was
};
