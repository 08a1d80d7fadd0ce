#include "startlesson.h"

#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "lessonsession.h"
#include "mainwindow.h"

#include <QFileInfo>

using namespace backprop;

std::variant<StartLesson, QString> StartLesson::load(const QString &nameOrFile)
{
    const std::string name = nameOrFile.toStdString();
    auto loaded = LessonLibrary::loadSaved(name);
    if (auto *error = std::get_if<std::string>(&loaded))
        return QString::fromStdString(*error);
    StartLesson start;
    start.saved = std::get<SavedLesson>(std::move(loaded));
    if (!LessonLibrary::isBuiltIn(name))
        start.path = nameOrFile;
    return start;
}

StartLesson StartLesson::reopen(const QString &remembered)
{
    QString reason;
    if (!remembered.isEmpty()) {
        const bool isFile = !LessonLibrary::isBuiltIn(remembered.toStdString());
        if (isFile && !QFileInfo::exists(remembered)) {
            reason = tr("the file %1 no longer exists").arg(remembered);
        } else {
            auto loaded = load(remembered);
            if (auto *start = std::get_if<StartLesson>(&loaded))
                return std::move(*start);
            reason = std::get<QString>(loaded);
        }
    }
    // The built-in lessons are compiled in and tested: the default one always loads.
    StartLesson start = std::get<StartLesson>(load(defaultName()));
    if (!reason.isEmpty())
        start.message = tr("The last lesson was not reopened (%1); %2 opened instead.")
                            .arg(reason, defaultName());
    return start;
}

QString StartLesson::toRemember(const QString &lessonName, const QString &filePath)
{
    if (!filePath.isEmpty())
        return QFileInfo(filePath).absoluteFilePath();
    if (LessonLibrary::isBuiltIn(lessonName.toStdString()))
        return lessonName;
    return {};
}

void StartLesson::openIn(MainWindow &window) const
{
    if (path.isEmpty())
        window.session().openLesson(saved);
    else
        window.lessonFiles()->openSaved(saved, path);
    if (!message.isEmpty())
        window.session().showMessage(message);
}
