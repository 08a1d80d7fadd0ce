#include "statusline.h"

#include "numberformat.h"
#include "predictionquiz.h"
#include "progresstext.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace {
QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}
} // namespace

StatusLine::StatusLine(QWidget *parent)
    : QWidget(parent), m_progress(new QLabel(this)), m_epoch(new QLabel(this)),
      m_error(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(separator(this));
    layout->addWidget(m_epoch);
    layout->addWidget(separator(this));
    layout->addWidget(m_error);
    m_progress->setToolTip(tr("Where the current iteration stands; the network view's "
                              "heading says the same"));
    m_epoch->setToolTip(tr("Passes over the whole data set"));
    m_error->setToolTip(tr("E_total over every sample of the data set, at the current weights "
                           "(the Loss tab shows each iteration's E_total before its update)"));
}

void StatusLine::showSnapshot(const backprop::Snapshot &snapshot)
{
    // Short phrases, numbers first: a status bar squeezed by a narrow window cuts the end
    // of a label, and a cut number would be a wrong number.
    const QString next = ProgressText::nextStep(snapshot);
    const QString iteration = ProgressText::iteration(snapshot);
    m_progress->setText(next.isEmpty() ? iteration : tr("%1 · %2").arg(iteration, next));
    m_epoch->setText(ProgressText::epoch(snapshot));
    const bool hidden = m_hidesUpcoming && !backprop::quizShowsDatasetValues(snapshot);
    m_error->setText(
        tr("E_total now = %1")
            .arg(hidden ? QStringLiteral("?") : NumberFormat::shown(snapshot.datasetLoss)));
    for (QLabel *label : {m_progress, m_epoch, m_error})
        label->setMinimumWidth(label->sizeHint().width());
}

QString StatusLine::text() const
{
    return QStringList {m_progress->text(), m_epoch->text(), m_error->text()}.join(
        QStringLiteral(" | "));
}
