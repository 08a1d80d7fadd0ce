#include "whatsthisfilter.h"

#include <QHelpEvent>
#include <QWhatsThis>
#include <QWidget>

WhatsThisFilter::WhatsThisFilter(QWidget *view, TextAt textAt)
    : QObject(view), m_view(view), m_textAt(std::move(textAt))
{
    view->installEventFilter(this);
}

bool WhatsThisFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view)
        return false;
    if (event->type() == QEvent::QueryWhatsThis) {
        event->setAccepted(true); // every point of a view has something to say
        return true;
    }
    if (event->type() != QEvent::WhatsThis)
        return false;
    const auto *help = static_cast<QHelpEvent *>(event);
    const QString text = m_textAt(help->pos());
    if (text.isEmpty())
        return false;
    QWhatsThis::showText(help->globalPos(), text, m_view);
    return true;
}
