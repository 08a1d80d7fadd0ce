#include "lessonfiles.h"

#include "lessonexporter.h"
#include "lessonsession.h"
#include "networkeditordialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLockFile>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <utility>

using namespace backprop;

namespace {
const QString recentKey = QStringLiteral("files/recent");
const QString lastFolderKey = QStringLiteral("files/lastFolder");
const char *const lessonFilter =
    QT_TRANSLATE_NOOP("LessonFiles", "Lessons (*.json);;All files (*)");
} // namespace

LessonFiles::LessonFiles(LessonSession &session, LessonExporter *exporter, QWidget *window)
    : QObject(window), m_session(session), m_window(window), m_exporter(exporter),
      m_menu(new QMenu(tr("&File"), window)), m_autosaveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("lessonFiles"));
    m_prompts = QGuiApplication::platformName() != QLatin1String("offscreen");
    // One window owns the autosave at a time. A second one neither offers to restore the
    // first one's live autosave nor deletes or overwrites it (a lock left by a crashed
    // process is stale and taken over).
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    m_autosaveLock = std::make_unique<QLockFile>(autosavePath() + QStringLiteral(".lock"));
    m_ownsAutosave = m_autosaveLock->tryLock(0);
    m_recoveryPending = m_ownsAutosave && hasAutosave();

    m_menu->addAction(tr("&Open…"), QKeySequence::Open, this, &LessonFiles::open);
    m_recentMenu = m_menu->addMenu(tr("Open &recent"));
    m_menu->addAction(tr("&Save"), QKeySequence::Save, this, &LessonFiles::save);
    m_menu->addAction(tr("Save &as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                      &LessonFiles::saveAs);
    m_menu->addSeparator();
    m_menu->addAction(tr("Edit &network…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                      &LessonFiles::editNetwork);
    m_menu->addSeparator();
    m_menu->addMenu(m_exporter->menu());
    connect(m_recentMenu, &QMenu::aboutToShow, this, &LessonFiles::updateRecentMenu);
    updateRecentMenu();

    // Every structural change (a new lesson, network or data) is saved at once.
    connect(&m_session, &LessonSession::structureChanged, this,
            [this] { m_autosavePending = true; });
    connect(&m_session, &LessonSession::snapshotChanged, this, [this] {
        if (std::exchange(m_autosavePending, false))
            autosave();
    });
    connect(m_autosaveTimer, &QTimer::timeout, this, &LessonFiles::autosave);
    m_autosaveTimer->start(autosaveMilliseconds);
    if (!m_ownsAutosave)
        QTimer::singleShot(0, this, [this] {
            m_session.showMessage(tr("Another Backprop Lab window keeps the autosave: save this "
                                     "window's lesson yourself (Ctrl+S)."));
        });
    m_window->installEventFilter(this);
    if (m_prompts)
        QTimer::singleShot(0, this, &LessonFiles::offerAutosaveRestore);
}

QString LessonFiles::currentPath() const
{
    return m_session.currentPath();
}

QString LessonFiles::autosavePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave.json"));
}

QStringList LessonFiles::recentFiles() const
{
    return QSettings().value(recentKey).toStringList();
}

bool LessonFiles::isModified() const
{
    return m_session.isModified();
}

bool LessonFiles::openFile(const QString &path)
{
    auto read = LessonFile::readFile(QDir::toNativeSeparators(path).toStdString());
    if (auto *error = std::get_if<std::string>(&read)) {
        showError(tr("The lesson was not opened; the current one stays.\n%1")
                      .arg(QString::fromStdString(*error)));
        return false;
    }
    openSaved(std::get<SavedLesson>(read), path);
    return true;
}

void LessonFiles::openSaved(const SavedLesson &saved, const QString &path)
{
    m_session.openSavedFile(saved, path);
    addRecentFile(path);
    m_session.showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()));
    emit lessonOpened(path);
}

void LessonFiles::saveTo(const QString &path)
{
    m_session.requestLessonState([this, path](const SavedLesson &saved) {
        const std::string error = LessonFile::writeFile(saved, path.toStdString());
        if (!error.empty()) {
            const QString message = QString::fromStdString(error);
            showError(tr("The lesson was not saved.\n%1").arg(message));
            m_afterSave = nullptr;
            emit saveFailed(message);
            return;
        }
        m_session.markSaved(saved, path);
        addRecentFile(path);
        m_session.showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()));
        emit lessonSaved(path);
        if (const std::function<void()> then = std::exchange(m_afterSave, nullptr))
            then();
    });
}

void LessonFiles::open()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open lesson"), QSettings().value(lastFolderKey).toString(), tr(lessonFilter));
    if (!path.isEmpty())
        openFileAfterAsking(path);
}

void LessonFiles::save()
{
    if (m_session.currentPath().isEmpty())
        saveAs();
    else
        saveTo(m_session.currentPath());
}

void LessonFiles::saveAs()
{
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save lesson"), QSettings().value(lastFolderKey).toString(), tr(lessonFilter));
    if (path.isEmpty()) {
        m_afterSave = nullptr; // nothing waits for a save that was not made
        return;
    }
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    saveTo(path);
}

void LessonFiles::editNetwork()
{
    m_session.requestLessonState([this](const SavedLesson &saved) {
        NetworkEditorDialog dialog(saved.lesson, m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        auto edited = dialog.editedLesson();
        if (auto *lesson = std::get_if<Lesson>(&edited))
            m_session.applyNetworkChange(*lesson);
    });
}

LessonFiles::~LessonFiles() = default;

void LessonFiles::autosave()
{
    if (!m_ownsAutosave || m_recoveryPending || !m_session.snapshot())
        return;
    m_session.requestLessonState([this](const SavedLesson &saved) {
        const QString path = autosavePath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        const std::string error = LessonFile::writeFile(saved, path.toStdString());
        if (!error.empty()) {
            m_session.showMessage(tr("Autosave failed: %1").arg(QString::fromStdString(error)));
            return;
        }
        emit autosaved(path);
    });
}

bool LessonFiles::hasAutosave() const
{
    return m_ownsAutosave && QFileInfo::exists(autosavePath());
}

bool LessonFiles::autosaveIsSaved() const
{
    const QStringList files = recentFiles();
    if (!hasAutosave() || files.isEmpty())
        return false;
    const auto autosaved = LessonFile::readFile(autosavePath().toStdString());
    const auto saved = LessonFile::readFile(files.constFirst().toStdString());
    const auto *a = std::get_if<SavedLesson>(&autosaved);
    const auto *b = std::get_if<SavedLesson>(&saved);
    if (!a || !b)
        return false;
    // The same text when written: every weight, setting and training state alike.
    const auto textA = LessonFile::write(*a);
    const auto textB = LessonFile::write(*b);
    const auto *stringA = std::get_if<std::string>(&textA);
    const auto *stringB = std::get_if<std::string>(&textB);
    return stringA && stringB && *stringA == *stringB;
}

bool LessonFiles::restoreAutosave()
{
    m_recoveryPending = false;
    if (!hasAutosave())
        return false;
    auto read = LessonFile::readFile(autosavePath().toStdString());
    if (auto *error = std::get_if<std::string>(&read)) {
        // Never loaded, never lost: kept beside, so it cannot be offered (or crash) again.
        const QString aside = autosavePath().replace(
            QStringLiteral(".json"),
            QStringLiteral("-refused-%1.json")
                .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"))));
        QFile::rename(autosavePath(), aside);
        m_lastRefusedAutosave = aside;
        showError(tr("The autosaved lesson cannot be restored.\n%1 (the file is kept as %2)")
                      .arg(QString::fromStdString(*error), QDir::toNativeSeparators(aside)));
        return false;
    }
    m_session.openRecovered(std::get<SavedLesson>(read));
    m_session.showMessage(tr("Restored the lesson autosaved before Backprop Lab stopped."));
    return true;
}

void LessonFiles::discardAutosave()
{
    m_recoveryPending = false;
    if (m_ownsAutosave)
        QFile::remove(autosavePath());
}

void LessonFiles::offerAutosaveRestore()
{
    if (!hasAutosave()) {
        m_recoveryPending = false;
        return;
    }
    if (autosaveIsSaved()) {
        discardAutosave();
        m_session.showMessage(
            tr("Backprop Lab did not quit normally last time; its work was saved in %1.")
                .arg(QFileInfo(recentFiles().constFirst()).fileName()));
        return;
    }
    const auto answer = QMessageBox::question(
        m_window, tr("Restore lesson?"),
        tr("Backprop Lab did not quit normally last time. Restore the lesson it autosaved?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        restoreAutosave();
    else
        discardAutosave();
}

bool LessonFiles::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && !m_closing) {
        if (!confirmClose()) {
            event->ignore();
            return true;
        }
        // A clean quit: nothing to restore next time.
        discardAutosave();
    }
    return QObject::eventFilter(watched, event);
}

bool LessonFiles::confirmClose()
{
    if (!isModified())
        return true;
    switch (askAboutUnsavedChanges(
        tr("The lesson has changed since it was saved. Save it before quitting?"))) {
    case UnsavedChangesAnswer::Discard:
        return true;
    case UnsavedChangesAnswer::Save:
        m_afterSave = [this] { m_window->close(); }; // once the save has been written
        save();
        return false;
    case UnsavedChangesAnswer::Cancel:
        return false;
    }
    return false;
}

void LessonFiles::setUnsavedChangesQuestion(UnsavedChangesQuestion question)
{
    m_unsavedChangesQuestion = std::move(question);
}

LessonFiles::UnsavedChangesAnswer LessonFiles::askAboutUnsavedChanges(const QString &question)
{
    if (m_unsavedChangesQuestion)
        return m_unsavedChangesQuestion(question);
    if (!m_prompts)
        return UnsavedChangesAnswer::Discard; // nobody could answer; as before prompts existed
    const auto answer = QMessageBox::question(
        m_window, tr("Unsaved changes"), question,
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return UnsavedChangesAnswer::Save;
    return answer == QMessageBox::Discard ? UnsavedChangesAnswer::Discard
                                          : UnsavedChangesAnswer::Cancel;
}

void LessonFiles::whenLessonMayBeReplaced(std::function<void()> proceed)
{
    // The lesson must hold still while the question is on screen and while it is saved.
    if (m_session.isRunning())
        m_session.pause();
    if (!isModified()) {
        proceed();
        return;
    }
    switch (askAboutUnsavedChanges(
        tr("The lesson has changed since it was saved. Save it before opening another?"))) {
    case UnsavedChangesAnswer::Discard:
        proceed();
        return;
    case UnsavedChangesAnswer::Save:
        m_afterSave = std::move(proceed);
        save();
        return;
    case UnsavedChangesAnswer::Cancel:
        return;
    }
}

void LessonFiles::openFileAfterAsking(const QString &path)
{
    whenLessonMayBeReplaced([this, path] { openFile(path); });
}

void LessonFiles::openLessonAfterAsking(const Lesson &lesson)
{
    // No file: Save must not write another lesson's file.
    whenLessonMayBeReplaced([this, lesson] {
        m_session.openSavedFile(SavedLesson {lesson, std::nullopt}, QString());
    });
}

void LessonFiles::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings settings;
    QStringList files = settings.value(recentKey).toStringList();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    settings.setValue(recentKey, files);
    settings.setValue(lastFolderKey, QFileInfo(absolute).absolutePath());
    updateRecentMenu();
}

void LessonFiles::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &file : files)
        m_recentMenu
            ->addAction(QFileInfo(file).fileName(), this,
                        [this, file] { openFileAfterAsking(file); })
            ->setToolTip(file);
    m_recentMenu->setEnabled(!files.isEmpty());
}

void LessonFiles::showError(const QString &message)
{
    m_lastError = message;
    m_session.showMessage(message.section(QLatin1Char('\n'), -1));
    if (m_prompts)
        QMessageBox::warning(m_window, tr("Backprop Lab"), message);
}
