#include "helpmenu.h"

#include "keylist.h"
#include "keysoverlay.h"
#include "lessonlibrary.h"
#include "shortcutactions.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QMessageBox>

namespace {

// Where each built-in lesson's numbers come from.
QString sourceOf(const std::string &lesson)
{
    if (lesson == "two-two-two")
        return HelpMenu::tr("Matt Mazur, “A Step by Step Backpropagation Example” (2015): "
                            "the same weights, biases and targets, and its numbers to 9 digits");
    if (lesson == "xor")
        return HelpMenu::tr("the exclusive-or problem of Rumelhart, Hinton and Williams, "
                            "“Learning representations by back-propagating errors” (1986)");
    if (lesson == "one-weight")
        return HelpMenu::tr("the one-weight model y = W·x of Backprop Lab's design, "
                            "worked by hand");
    return HelpMenu::tr("built in");
}

} // namespace

HelpMenu::HelpMenu(QMainWindow *window)
    : QMenu(tr("&Help"), window), m_window(window), m_overlay(new KeysOverlay(window)),
      m_keys(ShortcutActions::make(this, tr("&Keys"), QKeySequence(Qt::Key_F1),
                                   tr("Every key of the window, in large type"))),
      m_about(ShortcutActions::make(this, tr("&About Backprop Lab"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1),
                                    tr("The version and where the lessons come from")))
{
    addAction(m_keys);
    m_guideSection = addSeparator();
    addAction(m_about);
    connect(m_keys, &QAction::triggered, this, [this] { m_overlay->open(KeyList::of(*m_window)); });
    connect(m_about, &QAction::triggered, this,
            [this] { QMessageBox::about(m_window, tr("About Backprop Lab"), aboutText()); });
}

void HelpMenu::addGuideAction(QAction *action)
{
    insertAction(m_guideSection, action);
}

QString HelpMenu::aboutText()
{
    QString lessons;
    for (const std::string &name : backprop::LessonLibrary::builtInNames())
        lessons +=
            QStringLiteral("<li><b>%1</b>: %2</li>")
                .arg(QString::fromStdString(name).toHtmlEscaped(), sourceOf(name).toHtmlEscaped());
    return tr("<h3>Backprop Lab %1</h3>"
              "<p>Backpropagation, number by number, for a lecture hall and for one student.</p>"
              "<p>Built-in lessons:</p><ul>%2</ul>"
              "<p>Press F1 for every key.</p>")
        .arg(QCoreApplication::applicationVersion().toHtmlEscaped(), lessons);
}
