#include "lessonguide.h"

#include "guidetext.h"
#include "lessonsession.h"
#include "theme.h"

#include <QScrollBar>
#include <QTextBrowser>

using namespace backprop;

namespace {

QString html(std::vector<GuideSection> sections, bool hidesNumbers)
{
    if (hidesNumbers) {
        for (GuideSection &section : sections) {
            if (!section.now.empty())
                section.now =
                    QObject::tr("(The numbers wait while the quiz asks for them.)").toStdString();
        }
    }
    QString text;
    for (std::size_t k = 0; k < sections.size(); ++k) {
        const GuideSection &section = sections[k];
        const QString heading = QString::fromStdString(section.heading).toHtmlEscaped();
        text += k == 0 ? QStringLiteral("<h2>%1</h2>").arg(heading)
                       : QStringLiteral("<h3>%1</h3>").arg(heading);
        text += QStringLiteral("<p>%1</p>")
                    .arg(QString::fromStdString(section.text)
                             .toHtmlEscaped()
                             .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        if (!section.now.empty())
            text += QStringLiteral("<p style=\"color:#1f5f8b\"><i>%1</i></p>")
                        .arg(QString::fromStdString(section.now).toHtmlEscaped());
    }
    return text;
}

} // namespace

LessonGuide::LessonGuide(LessonSession &session, QWidget *parent)
    : QDockWidget(tr("Lesson guide"), parent), m_session(session), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("lessonGuide"));
    m_browser->setOpenLinks(false);
    m_browser->setWhatsThis(tr("The lesson's own story, with the numbers on screen now."));
    setWidget(m_browser);
    setScale(1.0);
    connect(&session, &LessonSession::snapshotChanged, this, &LessonGuide::render);
    connect(&session, &LessonSession::lessonOpened, this, &LessonGuide::render);
}

void LessonGuide::setScale(double scale)
{
    m_browser->setFont(Theme::font(15.0 * Theme::clampScale(scale)));
}

QString LessonGuide::text() const
{
    return m_browser->toPlainText();
}

void LessonGuide::showEvent(QShowEvent *event)
{
    QDockWidget::showEvent(event);
    render();
}

void LessonGuide::setHidesNumbers(bool hides)
{
    m_hidesNumbers = hides;
    render();
}

void LessonGuide::render()
{
    if (!isVisible() || !m_session.snapshot())
        return;
    const int scroll = m_browser->verticalScrollBar()->value();
    m_browser->setHtml(
        html(lessonGuide(m_session.lessonWords(), *m_session.snapshot()), m_hidesNumbers));
    m_browser->verticalScrollBar()->setValue(scroll); // a run does not jump to the top
}
